import Foundation
import Testing
@testable import Scan

struct HelmOutputSnifferTests {
    static func sniff(_ text: String) -> Bool { HelmOutputParser.sniff(Data(text.utf8)) }

    @Test func everyFixtureIsRecognized() throws {
        let folder = Fixtures.root.appendingPathComponent("helm")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
        #expect(names.count == 11)
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(HelmOutputParser.sniff(data), "\(name)")
        }
    }

    @Test func headCutMidLineIsStillRecognized() throws {
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("helm/template-v4.1.4.txt"))
        #expect(HelmOutputParser.sniff(data.prefix(60)))  // `---`, `# Source: good/templates/…`, cut
        #expect(Self.sniff("==> Linting charts/we"))
        #expect(Self.sniff("+ helm template web\nError: execution error at (web/templates/x.yaml:2:5): must set foo"))
        #expect(Self.sniff("level=INFO msg=\"funcMap fail\" message=\"must set foo\"\n"))
        var long = String(repeating: "x", count: 9_000) + "\n==> Linting a\n"
        #expect(!HelmOutputParser.sniff(Data(long.utf8)))  // the marker lies past the first 8 KiB
        long = "==> Linting a\n" + String(repeating: "x", count: 9_000)
        #expect(HelmOutputParser.sniff(Data(long.utf8)))
    }

    @Test func markdownLogsAndTestOutputAreNotHelmOutput() {
        #expect(!Self.sniff(""))
        #expect(!Self.sniff("# Charts\n\nRun `helm lint charts/web` and `helm template charts/web` before a release.\n"))
        #expect(!Self.sniff("## Checks\n\n```\n==> Linting charts/web\n1 chart(s) linted, 0 chart(s) failed\n```\n"))
        #expect(!Self.sniff("Example output:\n\n    ==> Linting charts/web\n    [INFO] Chart.yaml: icon is recommended\n"))
        #expect(!Self.sniff("=== RUN   TestA\n--- FAIL: TestA (0.00s)\n    a_test.go:9: Error: helm failed\nFAIL\nFAIL\texample.com/a\t0.01s\n"))
        #expect(!Self.sniff("[INFO] Scanning for projects...\n[ERROR] Failed to execute goal: compilation failure\n"))
        #expect(!Self.sniff("2024-05-01 12:00:00 Error: connection refused\nError: exit status 1\n"))
        #expect(!Self.sniff("Error: cannot read docs/templates/intro.md: permission denied\n"))
        #expect(!Self.sniff("# Source: https://example.com/script.sh\necho hi\n"))
        #expect(!Self.sniff("---\ntitle: helm notes\n---\n# Source: notes\n"))
        #expect(!HelmOutputParser.sniff(Data([0x3D, 0x3D, 0x3E, 0x20, 0x00, 0x0A])))
    }
}
