import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import PhasecertCLI

/// `phasecert --version`, and the version every output names: the methodology sections of the
/// reports, the SARIF driver and `phase.json` — which keeps its certification digest.
struct VersionOutputTests {
    static let stamped = ToolVersion(version: "1.4.0+2", commit: "a1b2c3d4e5f6")
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs phasecert in-process as the build `version` would.
    static func run(_ arguments: [String], in directory: String, version: ToolVersion) -> (code: Int32, out: String, err: String) {
        let captured = CapturedConsole()
        var console = captured.console(in: directory)
        console.version = version
        let code = PhasecertMain.execute(arguments, console: console)
        return (code, captured.out, captured.err)
    }

    @Test func versionPrintsTheVersionAndTheCommitBuiltFrom() {
        let run = CapturedConsole.run(["--version"], in: "/")
        #expect(run.code == 0)
        #expect(run.out == ToolVersion.built.description + "\n")
        #expect(run.out.wholeMatch(of: /phasecert \d+\.\d+\.\d+\S* \(([0-9a-f]{12}|unknown)\)\n/) != nil, "\(run.out)")
    }

    /// The binary as CI runs it; in a git checkout the commit is the one built, which is HEAD.
    @Test func theBinaryPrintsTheCommitOfTheCheckoutItWasBuiltFrom() throws {
        let binary = ExecutableTests.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "phasecert binary not built at \(binary.path)")
        let run = try ExecutableTests().run(["--version"], in: "/")
        #expect(run.code == 0)
        #expect(run.out == ToolVersion.built.description + "\n")
        guard FileManager.default.fileExists(atPath: Self.repositoryRoot.appendingPathComponent(".git").path),
            let head = try? GitFixture.gitLine(["rev-parse", "--short=12", "HEAD"], in: Self.repositoryRoot.path)
        else { return }
        // Built from this checkout: the stamp is its HEAD (unless a commit landed between build and test).
        let tags = (try? GitFixture.gitLine(["tag", "--points-at", "HEAD", "--list", "v*"], in: Self.repositoryRoot.path)) ?? ""
        #expect(run.out.contains("(\(head))") || !tags.isEmpty || ToolVersion.built.commit == nil, "\(run.out) vs HEAD \(head)")
    }

    @Test func everyReportNamesTheVersionThatWroteIt() throws {
        let fixture = try PhaseCloseFixture(complete: false)
        let out = try TemporaryFolder()
        let run = Self.run(["report", "--out", out.path, "--quiet"], in: fixture.path, version: Self.stamped)
        #expect(run.code == 0, "\(run.err)")
        let files = try ReportFiles.read(out.path)
        let english = "Written by phasecert 1.4.0+2, built from commit a1b2c3d4e5f6."
        let russian = "Отчёт записан программой phasecert 1.4.0+2, собранный из коммита a1b2c3d4e5f6."
        for path in ["phase-1/completion", "phase-1/audit", "phase-1/tasks/TN-001"] {
            let en = String(decoding: try #require(files[path + ".en.md"]), as: UTF8.self)
            let ru = String(decoding: try #require(files[path + ".ru.md"]), as: UTF8.self)
            #expect(en.contains(english), "\(path).en.md")
            #expect(ru.contains(russian), "\(path).ru.md")
            #expect(String(decoding: try #require(files[path + ".en.html"]), as: UTF8.self).contains("phasecert 1.4.0+2"))
        }
        // In the methodology section of the completion report.
        let completion = String(decoding: try #require(files["phase-1/completion.en.md"]), as: UTF8.self)
        let methodology = try #require(completion.range(of: "## Methodology"))
        #expect(completion[methodology.upperBound...].prefix(200).contains(english))

        let sarifData = try #require(files["phase-1/findings.sarif"])
        let sarif = try #require(try JSONSerialization.jsonObject(with: sarifData) as? [String: Any])
        let driver = (((sarif["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]) ?? [:]
        #expect(driver["version"] as? String == "1.4.0+2")
    }

    @Test func aBuildWithoutACommitSaysSo() throws {
        let fixture = try PhaseCloseFixture(complete: false)
        let out = try TemporaryFolder()
        let run = Self.run(["report", "--out", out.path, "--quiet", "--format", "md", "--lang", "en"], in: fixture.path, version: .unstamped)
        #expect(run.code == 0, "\(run.err)")
        let completion = String(decoding: try #require(try ReportFiles.read(out.path)["phase-1/completion.en.md"]), as: UTF8.self)
        #expect(completion.contains("Written by phasecert \(ToolVersion.release), built from a commit not recorded."))
    }

    /// The version line states no figure the audit would read back as a claim.
    @Test func reportsNamingTheVersionStillAuditClean() throws {
        let fixture = try AssessmentFixture.clean.get()
        let out = try TemporaryFolder()
        let written = Self.run(["report", "--out", out.path, "--quiet", "--format", "md"], in: fixture.path, version: Self.stamped)
        #expect(written.code == 0, "\(written.err)")
        let markdown = try ReportFiles.read(out.path).keys.filter { $0.hasSuffix(".md") }.sorted().map { out.path + "/" + $0 }
        let audit = CapturedConsole.run(["audit", "--repo", fixture.path, "--all"] + markdown, in: "/")
        #expect(audit.code == 0, "\(audit.out)")
        #expect(!audit.out.contains("1.4.0"), "the version line was read as a claim: \(audit.out)")
        #expect(!audit.out.contains("a1b2c3d4e5f6"), "the commit was read as a claim: \(audit.out)")
    }

    @Test func phaseJSONNamesItsGeneratorAndKeepsItsCertification() throws {
        let fixture = try PhaseCloseFixture(complete: true)
        let plain = try TemporaryFolder()
        let named = try TemporaryFolder()
        #expect(Self.run(["report", "--format", "json", "--out", plain.path], in: fixture.path, version: .unstamped).code == 0)
        #expect(Self.run(["report", "--format", "json", "--out", named.path], in: fixture.path, version: Self.stamped).code == 0)
        func model(_ folder: TemporaryFolder) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/phase-1/phase.json"))) as? [String: Any])
        }
        var withGenerator = try model(named)
        let generator = try #require(withGenerator["generator"] as? [String: Any])
        #expect(generator["name"] as? String == "phasecert")
        #expect(generator["version"] as? String == "1.4.0+2")
        #expect(generator["commit"] as? String == "a1b2c3d4e5f6")
        // Only the generator differs between builds: the certification id and digest stay.
        let withoutGenerator = try model(plain)
        #expect((withoutGenerator["generator"] as? [String: Any])?["commit"] is NSNull)
        withGenerator["generator"] = withoutGenerator["generator"]
        #expect(NSDictionary(dictionary: withGenerator).isEqual(to: withoutGenerator))

        // The schema allows it, and verify reads it.
        let validator = try JSONSchemaValidator(schemaFile: Self.repositoryRoot.appendingPathComponent("schema/phase-model.schema.json"))
        #expect(try validator.validate(json: Data(contentsOf: URL(fileURLWithPath: named.path + "/phase-1/phase.json"))) == [])
        let verify = CapturedConsole.run(["verify", named.path + "/phase-1/phase.json"], in: fixture.path)
        #expect(verify.code == 0, "\(verify.out)\(verify.err)")
        #expect(verify.out.contains(" holds; "))
    }
}
