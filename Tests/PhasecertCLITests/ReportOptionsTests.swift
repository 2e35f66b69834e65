import Foundation
import Testing
import TestSupport

/// Bad `report` and `audit` options are usage errors with a message naming the option; nothing is written.
struct ReportOptionsTests {
    @Test(arguments: [
        (["report", "--lang", "fr"], "--lang: unknown value \"fr\"; expected one of en, ru"),
        (["report", "--format", "pdf"], "--format: unknown value \"pdf\"; expected one of md, html, json, sarif, codequality, badge"),
        (["audit", "--format", "sarif"], "--format: unknown value \"sarif\"; expected one of md, html, codequality"),
        (["report", "--phase", "9"], "--phase: no phase 9 in tasks/TASKS.md; it has 1"),
    ])
    func aBadValueIsAUsageErrorAndWritesNothing(arguments: [String], message: String) throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TASKS.md", "# Tasks\n\n## Phase 1: Core\n\n- [x] **TN-001** Parser\n")
        try repository.write("tasks/TN-001-parser/tasks.md", "- [x] read\n")
        _ = try repository.commit("TN-001: parser")
        let out = try TemporaryFolder()
        let result = CapturedConsole.run(arguments + ["--repo", repository.path, "--out", out.path], in: "/")
        #expect(result.code == 2)
        #expect(result.err == "phasecert: \(message)\n")
        #expect(try ReportFiles.read(out.path).isEmpty)
    }
}
