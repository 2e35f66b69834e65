import PhaseModel
import Scan
import Testing
@testable import TaskNaming

/// The name checker's findings and clauses read as they did before they moved to the catalogs
/// (`messages/*/names.yml`), in both languages: check-names' text, JSON and SARIF stay the same.
struct FeatureNameCheckTests {
    @Test func featureFindingsReadTheSameInBothLanguages() {
        func phase(_ id: String, _ folder: String, _ tasks: [String]) -> Phase {
            var phase = Phase(id: id, name: nil, source: .file(folder + "/tasks.md", line: nil), tasks: tasks)
            phase.folder = folder
            return phase
        }
        let phases = [
            phase("015", "specs/015-User", ["015/T001", "015/T002", "015/T004"]),
            phase("015b", "specs/015-other", ["015b/T002", "015b/T001"]),
        ]
        let workspace = Workspace(
            sources: .init(tasksRoot: "specs", masterList: nil, config: nil), phases: phases, tasks: [], findings: [])
        let report = FeatureNameCheck.check(workspace, layout: "spec-kit", configuration: Configuration())
        let messages = report.violations.map(\.finding.message)
        let expected = "NNN-kebab-slug (three digits, lower-case words joined by -)"
        #expect(messages.map(\.en) == [
            "Feature folder specs/015-User is not named \(expected).",
            "The items of feature 015 are not numbered T001 to T003 in order: missing T003.",
            "The items of feature 015b are not numbered T001 to T002 in order: not in order.",
            "Feature number 015 has 2 folders: specs/015-User, specs/015-other.",
        ])
        #expect(messages.map(\.ru) == [
            "Имя папки фичи specs/015-User не соответствует шаблону \(expected).",
            "Пункты фичи 015 пронумерованы не подряд от T001: missing T003.",
            "Пункты фичи 015b пронумерованы не подряд от T001: not in order.",
            "Номер фичи 015 занят несколькими папками (2): specs/015-User, specs/015-other.",
        ])
        #expect(report.violations.map { $0.problems.map(\.text) } == [["expected \(expected)"], ["missing T003"], ["not in order"], ["2 folders for 015"]])
        #expect(report.violations.allSatisfy { $0.notRenamedBecause == "a feature's folder and numbers are renamed by hand" })
        let kiro = FeatureNameCheck.check(workspace, layout: "kiro", configuration: Configuration())
        #expect(kiro.violations.first?.finding.message.ru == "Имя папки фичи specs/015-User не соответствует шаблону a lower-case kebab slug.")
        let noID = FoldersWithoutID.finding(folder: "tasks/misc", root: "tasks")
        #expect(noID.message.en == "Folder tasks/misc under tasks/ holds no task: its name does not start with a task id and no task folder is inside it.")
        #expect(noID.message.ru == "Папка tasks/misc в tasks/ не относится ни к одной задаче: её имя не начинается с идентификатора задачи, и папок задач в ней нет.")
        #expect(noID.remediation?.en == "If it is a task, rename it to <ID>-<slug>; otherwise move it out of tasks/.")
        #expect(noID.remediation?.ru == "Если это задача, переименуйте папку в <ID>-<описание>; иначе перенесите её из tasks/.")
        #expect(MarkdownFiles.Skip.tooLarge(bytes: 12, limit: 10).description == "12 bytes, over the 10-byte limit for Markdown")
        #expect(NameFixError.gitUnreadable("p", "r").description == "p: the git repository cannot be read (r); nothing was renamed")
    }
}
