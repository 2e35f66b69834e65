import PhaseModel
import Testing
@testable import Render

/// The report files of several phases, rendered on every core, are the files one core renders,
/// in the same order.
struct ReportSetTests {
    /// The fixture workspace with a second phase of many small tasks, so that the documents are
    /// cut into several pieces.
    private static func input() -> ReportInput {
        var workspace = AuditFixture.workspace()
        let ids = (1...40).map { "TN-\(100 + $0)" }
        workspace.phases.append(Phase(id: "14", name: "Rollout", source: .file("tasks/TASKS.md", line: 9), tasks: ids))
        for (index, id) in ids.enumerated() {
            var task = TaskRecord(id: id, title: index.isMultiple(of: 3) ? "Task \(index): 12/12 tests ✅" : "Task \(index)", phase: "14")
            task.completion = index.isMultiple(of: 2) ? 1 : 0.5
            workspace.tasks.append(task)
        }
        return ReportInput(workspace: workspace, configuration: Configuration(), histories: ["TN-001": AuditFixture.history])
    }

    /// What the files of `phase` are, rendered one after another in the order the layout lists
    /// them (completion, audit, then each task, per language; Markdown before HTML).
    private static func sequential(_ phase: Phase, renderer: ReportRenderer, locales: [ReportLocale]) throws -> [ReportFile] {
        let folder = PhaseSlug.folder(for: phase.id)
        var files: [ReportFile] = []
        for locale in locales {
            var documents = [
                ("\(folder)/completion.\(locale.rawValue)", try renderer.completion(phase: phase.id, locale: locale)),
                ("\(folder)/audit.\(locale.rawValue)", try renderer.audit(phase: phase.id, locale: locale)),
            ]
            for task in phase.tasks where renderer.input.workspace.task(task) != nil {
                documents.append(
                    ("\(folder)/tasks/\(PhaseSlug.taskFile(for: task)).\(locale.rawValue)", try renderer.task(task, locale: locale)))
            }
            for (path, markdown) in documents {
                files.append(ReportFile(path: path + ".md", text: markdown))
                files.append(ReportFile(path: path + ".html", text: try renderer.html(markdown: markdown, locale: locale)))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    @Test func parallelRenderingGivesTheFilesOneCoreGives() throws {
        let input = Self.input()
        let locales = ReportLocale.allCases
        let renderer = try ReportRenderer(input: input, locales: locales, userFolder: nil)
        let set = ReportSet(renderer: renderer, locales: locales, formats: [.md, .html])
        let all = try set.files(phases: ["13", "14"])

        var expected: [ReportFile] = []
        for phase in input.workspace.phases {
            expected += try Self.sequential(phase, renderer: renderer, locales: locales)
        }
        // `index.html` comes last and lists both phases.
        #expect(all.last?.path == "index.html")
        #expect(Array(all.dropLast()).map(\.path) == expected.map(\.path))
        #expect(Array(all.dropLast()).map(\.contents) == expected.map(\.contents))
        // Two languages, two formats: each phase's completion and audit report, then 3 + 40 tasks.
        #expect(all.count == 2 * 2 * (2 * 2 + 3 + 40) + 1)

        // One phase alone is the same files as its part of the whole.
        let fourteen = try set.files(phase: "14")
        #expect(fourteen.map(\.contents) == expected.filter { $0.path.hasPrefix("phase-14/") }.map(\.contents))
        // A phase named twice gets its files twice, as when each is asked for alone.
        let twice = try set.files(phases: ["14", "14"])
        #expect(Array(twice.dropLast()).map(\.contents) == (fourteen + fourteen).map(\.contents))
        // And a second run gives the same bytes.
        #expect(try set.files(phases: ["13", "14"]).map(\.contents) == all.map(\.contents))
    }

    @Test func anUnknownPhaseIsNamedBeforeAnythingIsRendered() throws {
        let renderer = try ReportRenderer(input: Self.input(), locales: [.en], userFolder: nil)
        let set = ReportSet(renderer: renderer, locales: [.en], formats: [.md])
        #expect(throws: UnknownSubjectError.self) { try set.files(phases: ["13", "99"]) }
    }
}
