import Foundation
import PhaseModel
import Testing
import TestSupport

/// Untrusted text — a task title, a commit subject, a test name — reaches every format inert
/// and intact: Markdown, HTML, JSON and SARIF.
@Suite(.serialized) struct ReportEscapingTests {
    static let hostile = "<script>alert(1)</script>|`tick` **bold** Задача"
    /// The title as written in the master list: Markdown, where a literal backtick or asterisk
    /// is backslash-escaped (unescaped, they would be formatting) and raw HTML is kept as text.
    static let titleSource = #"<script>alert(1)</script>|\`tick\` \*\*bold\*\* Задача"#
    static let title = hostile
    static let subject = "TN-001: " + hostile + " коммит"
    /// A test name may hold a line break (JUnit writes it as `&#10;`).
    static let testName = hostile + "\nвторая строка"

    static let build: Result<(repository: String, reports: String), any Error> = Result {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TASKS.md", "# Tasks\n\n## Phase 1: Core\n\n- [x] **TN-001** \(titleSource)\n")
        try repository.write("tasks/TN-001-parser/requirements.md", "# Parser\n\nRead the input.\nWrite the output.\nTell errors.\n")
        try repository.write("tasks/TN-001-parser/tasks.md", "- [x] read\n- [x] write\n")
        let xmlName = testName.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "\n", with: "&#10;")
        try repository.write("tests/test_parser.py", "def test_reads():\n    assert True\n")
        try repository.write("test-results/junit.xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <testsuite name="parser" tests="2" failures="1">
            <testcase classname="tests.test_parser" name="\(xmlName)" file="tests/test_parser.py"><failure message="boom">x</failure></testcase>
            <testcase classname="tests.test_parser" name="test_reads" file="tests/test_parser.py"/>
            </testsuite>

            """)
        _ = try repository.commit(subject)
        let out = try TemporaryFolder()
        SharedFixtureFolders.keepUntilExit(out)
        let result = CapturedConsole.run(["report", "--repo", repository.path, "--out", out.path, "--quiet"], in: "/")
        guard result.code == 0 else { throw CocoaError(.fileReadUnknown, userInfo: ["stderr": result.err]) }
        SharedFixtureFolders.keepUntilExit(repository.folder)
        return (repository.path, out.path)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: try Self.build.get().reports + "/" + path, encoding: .utf8)
    }

    /// Pipes that end table cells: those not escaped with a backslash.
    func cellBars(_ line: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count
    }

    @Test func markdownKeepsTheTextAsCharactersAndEveryRowOneRow() throws {
        for path in ["phase-1/completion.en.md", "phase-1/completion.ru.md", "phase-1/tasks/TN-001.en.md", "phase-1/tasks/TN-001.ru.md"] {
            let markdown = try read(path)
            #expect(!markdown.contains("<script>"), "\(path)")
            #expect(!markdown.contains("**bold**"), "\(path)")
            #expect(markdown.contains("\\<script\\>alert\\(1\\)\\</script\\>"), "\(path)")
            #expect(markdown.contains("Задача"), "\(path)")
            // Every row of a table has as many cell bars as its header.
            let lines = markdown.split(separator: "\n")
            for (index, line) in lines.enumerated() where line.hasPrefix("|") && line.contains("script") {
                let header = lines[..<index].last { $0.hasPrefix("|") && !$0.hasPrefix("|---") && !$0.contains("script") }
                    .flatMap { _ in lines[..<index].lastIndex { !$0.hasPrefix("|") }.map { lines[$0 + 1] } }
                #expect(header.map(cellBars) == cellBars(line), "\(path): \(line)")
            }
        }
        let task = try read("phase-1/tasks/TN-001.en.md")
        #expect(task.contains("коммит"))
        #expect(task.contains("\\`tick\\`"))
        let completion = try read("phase-1/completion.en.md")
        #expect(completion.contains("вторая строка"), "the test name's second line is kept, on the same row")
    }

    @Test func htmlCarriesNoMarkupFromTheText() throws {
        for path in ["phase-1/completion.en.html", "phase-1/completion.ru.html", "phase-1/tasks/TN-001.en.html", "phase-1/audit.en.html", "index.html"] {
            let html = try read(path)
            #expect(!html.contains("<script"), "\(path)")
            #expect(!html.contains("<strong>bold"), "\(path)")
        }
        let html = try read("phase-1/completion.en.html")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("`tick` **bold** Задача"))
        #expect(try read("phase-1/tasks/TN-001.en.html").contains("коммит"))
    }

    @Test func jsonHoldsTheExactText() throws {
        let workspace = try CanonicalJSON.decode(Workspace.self, from: Data(try read("phase-1/phase.json").utf8))
        #expect(workspace.tasks.first?.title == Self.title)
        #expect(workspace.testFailures.map(\.name).contains(Self.testName))
    }

    @Test func sarifIsValidJSONWithTheExactText() throws {
        let data = Data(try read("phase-1/findings.sarif").utf8)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let runs = try #require(object?["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        let messages = results.compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
        #expect(messages.contains { $0.contains(Self.testName) }, "\(messages)")
    }
}
