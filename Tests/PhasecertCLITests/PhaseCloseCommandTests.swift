import Foundation
import Testing
import TestSupport

/// `phasecert phase-close` end to end, each test on its own repository built at test time.
@Suite struct PhaseCloseCommandTests {
    /// The certification id `phase.json` records for the phase.
    private func certificationID(in repository: String, phase: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(repository)/reports/phase-\(phase)/phase.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let phases = try #require(json["phases"] as? [[String: Any]])
        let certification = try #require(phases.first?["certification"] as? [String: Any])
        return try #require(certification["id"] as? String)
    }

    @Test func aPassingGateExitsZeroAndWritesEveryReportAndTheSnapshot() throws {
        let fixture = try PhaseCloseFixture(complete: true)
        let run = CapturedConsole.run(["phase-close", "1"], in: fixture.path)
        #expect(run.code == 0, "\(run.err)")
        #expect(run.out.contains("Phase 1 — Ledger: gate passed"))
        #expect(run.out.contains("pass maxCritical 0 ≤ 0"))
        #expect(run.out.contains("pass minCompletion 100 ≥ 100"))
        #expect(run.out.contains("pass minTestPassRate 100 ≥ 100"))

        let id = try certificationID(in: fixture.path, phase: "1")
        #expect(id.hasPrefix("1-20251203-100PCT-"))
        #expect(run.out.contains("certification: \(id)"))
        let written = Set(try fixture.snapshot(of: "reports").keys)
        var expected: Set<String> = ["phase-1/phase.json", "phase-1/findings.sarif", ".history/phase-1/\(id).json"]
        for lang in ["en", "ru"] {
            for format in ["md", "html"] {
                expected.insert("phase-1/completion.\(lang).\(format)")
                expected.insert("phase-1/audit.\(lang).\(format)")
                expected.insert("phase-1/tasks/TN-001.\(lang).\(format)")
                expected.insert("phase-1/tasks/TN-002.\(lang).\(format)")
            }
        }
        #expect(written == expected)
        // The snapshot is the phase model as certified.
        let files = try fixture.snapshot(of: "reports")
        #expect(files[".history/phase-1/\(id).json"] == files["phase-1/phase.json"])
    }

    @Test func aFailingGateExitsOneAndPrintsTheFailingConditions() throws {
        let fixture = try PhaseCloseFixture(complete: true)
        let run = CapturedConsole.run(["phase-close", "2"], in: fixture.path)
        #expect(run.code == 1, "\(run.err)")
        #expect(run.out.contains("Phase 2 — Exports: gate failed"))
        #expect(run.out.contains("FAIL minCompletion 50 < 100"))
        #expect(run.out.contains("pass maxCritical 0 ≤ 0"))
        // A failed close is still recorded: reports and snapshot are written.
        let id = try certificationID(in: fixture.path, phase: "2")
        #expect(FileManager.default.fileExists(atPath: "\(fixture.path)/reports/.history/phase-2/\(id).json"))
    }

    @Test func aSecondCloseShowsTheFixedFindingAsResolved() throws {
        let fixture = try PhaseCloseFixture(complete: false)
        let first = CapturedConsole.run(["phase-close", "1"], in: fixture.path)
        #expect(first.code == 0, "\(first.err)")
        let firstID = try certificationID(in: fixture.path, phase: "1")
        let before = try String(contentsOfFile: "\(fixture.path)/reports/phase-1/completion.en.md", encoding: .utf8)
        #expect(before.contains("docs.missing"))

        try fixture.addMissingRequirements()
        let second = CapturedConsole.run(["phase-close", "1"], in: fixture.path)
        #expect(second.code == 0, "\(second.err)")
        let secondID = try certificationID(in: fixture.path, phase: "1")
        #expect(secondID != firstID)
        #expect(second.out.contains("since \(firstID): 1 resolved, 0 new, 0 unchanged"))
        #expect(second.out.contains("resolved: [minor] docs.missing TN-002"))

        // The report's before/after section lists it under "resolved", in both languages.
        let after = try String(contentsOfFile: "\(fixture.path)/reports/phase-1/completion.en.md", encoding: .utf8)
        let section = try #require(after.range(of: "Before")).lowerBound
        let tail = after[section...]
        #expect(tail.contains(firstID))
        #expect(tail.contains("Resolved"))
        #expect(tail.contains("docs.missing"))
        let russian = try String(contentsOfFile: "\(fixture.path)/reports/phase-1/completion.ru.md", encoding: .utf8)
        #expect(russian.contains(firstID))
        let history = try FileManager.default.contentsOfDirectory(atPath: "\(fixture.path)/reports/.history/phase-1").sorted()
        #expect(history == ["\(firstID).json", "\(secondID).json"].sorted())
    }

    @Test func closingTwiceOnTheSameStateChangesNoByte() throws {
        let fixture = try PhaseCloseFixture(complete: true)
        #expect(CapturedConsole.run(["phase-close", "1"], in: fixture.path).code == 0)
        let first = try fixture.snapshot(of: "reports")
        #expect(CapturedConsole.run(["phase-close", "1"], in: fixture.path).code == 0)
        #expect(try fixture.snapshot(of: "reports") == first)
    }

    @Test func tagCreatesTheAnnotatedTagNamingTheCertification() throws {
        let fixture = try PhaseCloseFixture(complete: true)
        let environment = ["GIT_COMMITTER_NAME": "Release Bot", "GIT_COMMITTER_EMAIL": "bot@example.com"]
        let run = CapturedConsole.run(["phase-close", "1", "--tag"], in: fixture.path, environment: environment)
        #expect(run.code == 0, "\(run.err)")
        let id = try certificationID(in: fixture.path, phase: "1")
        #expect(try GitFixture.gitLine(["cat-file", "-t", "phase-1-certified"], in: fixture.path) == "tag")
        #expect(try GitFixture.gitLine(["rev-parse", "phase-1-certified^{commit}"], in: fixture.path) == fixture.repository.head())
        let message = try GitFixture.gitLine(["tag", "-l", "--format=%(contents)", "phase-1-certified"], in: fixture.path)
        #expect(message.contains("Certification: \(id)"))
        #expect(try GitFixture.gitLine(["tag", "-l", "--format=%(taggername) %(taggeremail)", "phase-1-certified"], in: fixture.path)
            == "Release Bot <bot@example.com>")

        // The tag exists now: a second --tag is refused before anything is written.
        try FileManager.default.removeItem(atPath: fixture.path + "/reports")
        let again = CapturedConsole.run(["phase-close", "1", "--tag"], in: fixture.path, environment: environment)
        #expect(again.code == 2)
        #expect(again.err.contains("tag phase-1-certified already exists"))
        #expect(!FileManager.default.fileExists(atPath: fixture.path + "/reports"))
    }

    @Test func tagIsRefusedWhenTheGateFails() throws {
        let fixture = try PhaseCloseFixture(complete: true)
        let environment = ["GIT_COMMITTER_NAME": "Release Bot", "GIT_COMMITTER_EMAIL": "bot@example.com"]
        let run = CapturedConsole.run(["phase-close", "2", "--tag"], in: fixture.path, environment: environment)
        #expect(run.code == 1)
        #expect(run.err.contains("not tagged: the gate of phase 2 failed"))
        #expect(try GitFixture.gitLine(["tag", "-l"], in: fixture.path).isEmpty)
    }

    @Test func dryRunPrintsTheVerdictAndWritesNothing() throws {
        let fixture = try PhaseCloseFixture(complete: true)
        let before = try fixture.snapshot()
        let run = CapturedConsole.run(["phase-close", "2", "--dry-run"], in: fixture.path)
        #expect(run.code == 1)
        #expect(run.out.contains("FAIL minCompletion 50 < 100"))
        #expect(run.err.contains("dry run"))
        #expect(try fixture.snapshot() == before)
    }

    @Test func allClosesEveryPhaseAndWritesTheIndex() throws {
        let fixture = try PhaseCloseFixture(complete: true)
        let run = CapturedConsole.run(["phase-close", "--all"], in: fixture.path)
        // Phase 2's gate fails, so the run does.
        #expect(run.code == 1)
        #expect(run.out.contains("Phase 1 — Ledger: gate passed"))
        #expect(run.out.contains("Phase 2 — Exports: gate failed"))
        let files = try fixture.snapshot(of: "reports")
        #expect(files["index.html"] != nil)
        let index = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(index.contains("phase-1/completion.en.html") && index.contains("phase-2/completion.en.html"))
        #expect(files.keys.filter { $0.hasPrefix(".history/phase-1/") }.count == 1)
        #expect(files.keys.filter { $0.hasPrefix(".history/phase-2/") }.count == 1)
    }

    @Test(arguments: [
        (["phase-close"], "name the phase to close"),
        (["phase-close", "1", "--all"], "not both"),
        (["phase-close", "--all", "--tag"], "--tag tags one phase"),
        (["phase-close", "7"], "phase-close: no phase 7 in tasks/TASKS.md; it has 1, 2"),
    ])
    func usageErrorsExitTwoAndWriteNothing(arguments: [String], message: String) throws {
        let fixture = try PhaseCloseFixture(complete: true)
        let run = CapturedConsole.run(arguments, in: fixture.path)
        #expect(run.code == 2)
        #expect(run.err.contains(message), "\(run.err)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path + "/reports"))
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        let fixture = try PhaseCloseFixture(complete: true)
        let plain = CapturedConsole.run(["phase-close", "2", "--dry-run"], in: fixture.path)
        #expect(!plain.out.contains("\u{1B}["))
        let terminal = CapturedConsole.run(["phase-close", "2", "--dry-run"], in: fixture.path, outputIsTerminal: true)
        #expect(terminal.out.contains("\u{1B}[31mgate failed\u{1B}[0m"))
        let noColor = CapturedConsole.run(
            ["phase-close", "2", "--dry-run"], in: fixture.path, environment: ["NO_COLOR": "1"], outputIsTerminal: true)
        #expect(!noColor.out.contains("\u{1B}["))
        #expect(noColor.out == plain.out)
    }

    @Test func quietPrintsOnlyTheVerdict() throws {
        let fixture = try PhaseCloseFixture(complete: true)
        let run = CapturedConsole.run(["phase-close", "1", "--quiet"], in: fixture.path)
        #expect(run.code == 0)
        #expect(run.err.isEmpty, "\(run.err)")
        #expect(run.out.contains("gate passed"))
        let verbose = CapturedConsole.run(["phase-close", "1", "--verbose"], in: fixture.path)
        #expect(verbose.err.contains("phase-1/completion.en.md"))
    }

    @Test func ciAddsAnnotationsAndAppendsTheStepSummary() throws {
        let fixture = try PhaseCloseFixture(complete: false)
        let summary = fixture.path + "/step-summary.md"
        try Data("# Earlier step\n".utf8).write(to: URL(fileURLWithPath: summary))
        let run = CapturedConsole.run(
            ["phase-close", "1"], in: fixture.path, environment: ["CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary])
        #expect(run.code == 0, "\(run.err)")
        let annotations = run.out.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(annotations.contains { $0.hasPrefix("::warning file=tasks/TN-002-balance-queries") && $0.contains("docs.missing") })
        let id = try certificationID(in: fixture.path, phase: "1")
        let text = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(text.hasPrefix("# Earlier step\n"))
        #expect(text.contains(id))
        #expect(text.contains("reports/phase-1/completion.en.md"))

        // Without --ci or CI=true: no workflow command, and the summary file is left alone.
        let plain = CapturedConsole.run(["phase-close", "1"], in: fixture.path, environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(!plain.out.contains("::"))
        #expect(try String(contentsOfFile: summary, encoding: .utf8) == text)
        // --ci alone does it too.
        let flagged = CapturedConsole.run(["phase-close", "1", "--ci"], in: fixture.path)
        #expect(flagged.out.contains("::warning file=tasks/TN-002-balance-queries"))
    }
}
