import PhaseModel
import Testing
@testable import Render

/// `ReportSet.paths`, which a dry run counts and checks, lists exactly the paths the set's files
/// have, in their order, for every mix of formats, kinds, languages and phases.
struct ReportSetPathsTests {
    private static func input() -> ReportInput {
        var workspace = AuditFixture.workspace()
        let ids = ["TN-201", "TN-202", "TN-203"]
        workspace.phases.append(Phase(id: "14", name: "Rollout", source: .file("tasks/TASKS.md", line: 9), tasks: ids + ["TN-299"]))
        // "14 x" and "14/x" share a folder; it is rendered once, for the first, as the files are.
        workspace.phases.append(Phase(id: "14 x", name: "Shared folder", source: .file("tasks/TASKS.md", line: 12), tasks: ["TN-201"]))
        workspace.phases.append(Phase(id: "14/x", name: "Same folder", source: .file("tasks/TASKS.md", line: 13), tasks: []))
        for id in ids { workspace.tasks.append(TaskRecord(id: id, title: "Task \(id)", phase: "14")) }
        return ReportInput(workspace: workspace, configuration: Configuration(), histories: ["TN-001": AuditFixture.history])
    }

    static let formatMixes: [[ReportFormat]] = [ReportFormat.standard, ReportFormat.allCases, [.md], [.html], [.json, .sarif], [.codequality, .badge], []]

    @Test(arguments: formatMixes)
    func pathsAreThePathsOfTheFiles(formats: [ReportFormat]) throws {
        let input = Self.input()
        #expect(PhaseSlug.folder(for: "14 x") == PhaseSlug.folder(for: "14/x"))
        for locales in [[ReportLocale.en], [.ru, .en]] {
            let renderer = try ReportRenderer(input: input, locales: locales, userFolder: nil)
            for kinds in [ReportKind.allCases, [.audit], [.completion, .task]] {
                let set = ReportSet(renderer: renderer, locales: locales, formats: formats, kinds: kinds)
                for phases in [["13", "14"], ["14", "13", "14"], ["14 x", "14/x"], ["14/x", "13", "14 x"], ["13"]] {
                    #expect(try set.paths(phases: phases) == set.files(phases: phases).map(\.path), "\(phases) \(kinds) \(locales)")
                }
                for phase in ["13", "14", "14 x", "14/x"] {
                    #expect(try set.paths(phase: phase) == set.files(phase: phase).map(\.path), "\(phase) \(kinds) \(locales)")
                }
            }
        }
    }

    @Test func anUnknownPhaseIsNamedAsWhenRendering() throws {
        let renderer = try ReportRenderer(input: Self.input(), locales: [.en], userFolder: nil)
        let set = ReportSet(renderer: renderer, locales: [.en], formats: ReportFormat.standard)
        #expect(throws: UnknownSubjectError.self) { try set.paths(phases: ["13", "99"]) }
        #expect(throws: UnknownSubjectError.self) { try set.paths(phase: "99") }
    }
}
