import Foundation
import Testing
import TestSupport

/// The SARIF phasecert writes, on this repository and on fixtures, against GitHub code scanning's
/// upload requirements (`GitHubSARIFRequirements`): every result located, every rule with help.
/// The schema check of the same files is `scripts/validate-sarif` in CI.
struct SARIFUploadAcceptanceTests {
    static let repositoryRoot = VersionOutputTests.repositoryRoot

    /// Every `findings.sarif` `report` writes for the repository at `path`, by report path.
    func sarifFiles(ofRepository path: String) throws -> [String: Data] {
        let out = try TemporaryFolder()
        let run = CapturedConsole.run(["report", "--repo", path, "--format", "sarif", "--out", out.path, "--quiet"], in: "/")
        #expect(run.code == 0, "\(run.err)")
        return try ReportFiles.read(out.path).filter { $0.key.hasSuffix("findings.sarif") }
    }

    func results(_ data: Data) throws -> [[String: Any]] {
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
    }

    @Test func thisRepositorysOwnSARIFIsAccepted() throws {
        let files = try sarifFiles(ofRepository: Self.repositoryRoot.path)
        #expect(!files.isEmpty)
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            #expect(GitHubSARIFRequirements.problems(in: data) == [], "\(path)")
            // Repository-level findings (tests.not-run and the like) are located too, not dropped;
            // how many there are depends on whether test results lie in the work tree.
            for result in try results(data) {
                #expect((result["locations"] as? [Any])?.isEmpty == false, "\(path)")
            }
        }
    }

    @Test func theAcceptanceFixturesSARIFIsAcceptedAndPointsAtRealFiles() throws {
        let fixture = try AssessmentFixture.dirty.get()
        let files = try sarifFiles(ofRepository: fixture.path)
        #expect(files.keys.sorted() == ["phase-1/findings.sarif", "phase-2/findings.sarif"])
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            #expect(GitHubSARIFRequirements.problems(in: data) == [], "\(path)")
            for result in try results(data) {
                let physical = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
                let uri = try #require((physical?["artifactLocation"] as? [String: Any])?["uri"] as? String)
                let file = try #require(uri.removingPercentEncoding)
                // A finding about a task or the repository points at a document that exists; a
                // finding about a folder without documents (TN-011 has none) at that folder.
                #expect(FileManager.default.fileExists(atPath: fixture.path + "/" + file), "\(path): \(result["ruleId"] ?? "") → \(file)")
            }
        }
    }

    @Test func checkNamesSARIFIsAccepted() throws {
        let (root, keep) = try CheckNamesCommandTests.fixture()
        let run = CapturedConsole.run(["check-names", "--format", "sarif", "--repo", root], in: "/")
        #expect(run.code == 1)
        let data = Data(run.out.utf8)
        #expect(GitHubSARIFRequirements.problems(in: data) == [])
        #expect(try results(data).count >= 4)
        withExtendedLifetime(keep) {}
    }

    /// Each repository of the development corpus (`../shared/corpus/`, beside the project), where
    /// it is there: cloned from its bundle and reported on. Set PHASECERT_CORPUS=1 to run it; it
    /// scans six real histories.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PHASECERT_CORPUS"] == "1"))
    func everyCorpusRepositorysSARIFIsAccepted() throws {
        let corpus = Self.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        let bundles = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".bundle") }.sorted()
        try #require(!bundles.isEmpty, "no bundles in \(corpus.path)")
        for bundle in bundles {
            let clone = try TemporaryFolder()
            _ = try GitFixture.git(["clone", "-q", corpus.appendingPathComponent(bundle).path, clone.path + "/repo"], in: clone.path)
            let files = try sarifFiles(ofRepository: clone.path + "/repo")
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                #expect(GitHubSARIFRequirements.problems(in: data) == [], "\(bundle): \(path)")
            }
        }
    }
}
