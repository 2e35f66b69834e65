import Foundation
import PhaseModel
import Testing
import TestSupport

/// `phasecert report` on the acceptance fixture (two phases, every finding and claim kind),
/// compared byte for byte with `Tests/Fixtures/golden/dirty/`. Regenerate with
/// `PHASECERT_UPDATE_GOLDEN=1 swift test --filter ReportGoldenTests`, then read the diff.
@Suite(.serialized) struct ReportGoldenTests {
    static let expectedPaths: [String] = {
        var paths = ["index.html"]
        for (phase, tasks) in [("1", 1...8), ("2", 9...16)] {
            let folder = "phase-\(phase)"
            paths += ["\(folder)/phase.json", "\(folder)/findings.sarif"]
            for lang in ["en", "ru"] {
                for report in ["completion", "audit"] {
                    paths += ["\(folder)/\(report).\(lang).md", "\(folder)/\(report).\(lang).html"]
                }
                for task in tasks {
                    let id = "TN-" + String(repeating: "0", count: 3 - String(task).count) + String(task)
                    paths += ["\(folder)/tasks/\(id).\(lang).md", "\(folder)/tasks/\(id).\(lang).html"]
                }
            }
        }
        return paths.sorted()
    }()

    func run(_ fixture: FixtureRepository) throws -> [String: Data] {
        let out = try TemporaryFolder()
        let result = CapturedConsole.run(["report", "--repo", fixture.path, "--out", out.path, "--quiet"], in: "/")
        #expect(result.code == 0, "\(result.err)")
        return try ReportFiles.read(out.path)
    }

    @Test func everyReportInEveryLanguageAndFormatMatchesItsGoldenFile() throws {
        let fixture = try AssessmentFixture.dirty.get()
        let files = try run(fixture)
        #expect(files.keys.sorted() == Self.expectedPaths)
        if ReportFiles.updating {
            try ReportFiles.writeGolden("dirty", files)
            return
        }
        let golden = try ReportFiles.read(ReportFiles.goldenFolder("dirty"))
        #expect(golden.keys.sorted() == files.keys.sorted(), "golden files differ in name; regenerate with PHASECERT_UPDATE_GOLDEN=1")
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            guard let expected = golden[path] else { continue }
            if data != expected {
                let got = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let want = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
                Issue.record("""
                    \(path) differs from its golden file at line \(line + 1):
                      golden: \(line < want.count ? String(want[line]) : "<end>")
                      now:    \(line < got.count ? String(got[line]) : "<end>")
                    """)
            }
        }
    }

    @Test func twoRunsWriteTheSameBytesAndNoMachinePath() throws {
        let fixture = try AssessmentFixture.dirty.get()
        let first = try run(fixture)
        let second = try run(fixture)
        #expect(first == second)
        let folder = fixture.path
        for (path, data) in first {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(folder), "\(path) holds the machine path \(folder)")
            #expect(!text.contains("⟦"), "\(path) uses a catalog key that is missing")
        }
    }

    /// phasecert's own reports audit clean, even when they quote false claims (docs/design/claims-and-verdicts.md#self-audit).
    @Test(arguments: [true, false]) func theReportsPhasecertWroteAuditClean(dirty: Bool) throws {
        let fixture = try (dirty ? AssessmentFixture.dirty : AssessmentFixture.clean).get()
        let out = try TemporaryFolder()
        let written = CapturedConsole.run(["report", "--repo", fixture.path, "--out", out.path, "--quiet", "--format", "md"], in: "/")
        #expect(written.code == 0, "\(written.err)")
        let markdown = try ReportFiles.read(out.path).keys.filter { $0.hasSuffix(".md") }.sorted().map { out.path + "/" + $0 }
        #expect(markdown.count >= (dirty ? 40 : 8))
        let audit = CapturedConsole.run(["audit", "--repo", fixture.path, "--all"] + markdown, in: "/")
        #expect(audit.code == 0, "\(audit.out)")
        #expect(audit.out.contains(" 0 contradicted, 0 inconsistent"))
        // Not vacuous: the reports state figures the audit reads and verifies.
        let verified = audit.out.split(separator: "\n").filter { $0.hasPrefix("verified") }.count
        #expect(verified >= (dirty ? 100 : 20), "\(verified) verified claims")
    }
}
