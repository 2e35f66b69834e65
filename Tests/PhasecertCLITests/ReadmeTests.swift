import Foundation
import PhaseModel
import Scan
import Testing

/// The README is documentation users copy from: its examples must be true.
struct ReadmeTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    @Test func theConfigurationReferenceLoadsToTheDefaults() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let section = try #require(text.range(of: "## Configuration"))
        let start = try #require(text.range(of: "```yaml\n", range: section.upperBound..<text.endIndex))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let yaml = String(text[start.upperBound..<end.lowerBound])
        #expect(try ConfigurationLoader.load(yaml: yaml, file: "README.md") == Configuration())
    }

    @Test func theReadmeNamesTheTwoSetUpCommandsThatExist() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let root = Self.readme.deletingLastPathComponent()
        for script in ["scripts/phasecert", "scripts/test"] {
            #expect(text.contains(script))
            #expect(FileManager.default.isExecutableFile(atPath: root.appendingPathComponent(script).path))
        }
        let ci = try String(contentsOf: root.appendingPathComponent(".ci/run"), encoding: .utf8)
        #expect(ci.contains("scripts/test"))
        #expect(ci.contains("scripts/phasecert"))
    }
}
