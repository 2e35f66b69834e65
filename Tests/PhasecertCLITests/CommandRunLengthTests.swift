import Foundation
import Testing

/// Commands are declarations: each `run` body, the one a command declares and the private one it
/// may hand its source to, is at most 15 lines, and the pipeline data comes from `PhasecertKit`
/// (docs/design/pipeline.md).
struct CommandRunLengthTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "Sources/PhasecertCLI")

    /// The body lines of each `func run(` in `text`, by the line the function starts on.
    static func runBodies(in text: String) -> [(line: Int, lines: Int)] {
        let lines = text.components(separatedBy: "\n")
        var bodies: [(Int, Int)] = []
        for (index, line) in lines.enumerated() where line.contains("func run(") && line.hasSuffix("{") {
            var depth = 0
            for end in index..<lines.count {
                depth += lines[end].filter { $0 == "{" }.count - lines[end].filter { $0 == "}" }.count
                if depth <= 0 {
                    bodies.append((index + 1, end - index - 1))
                    break
                }
            }
        }
        return bodies
    }

    @Test func everyCommandsRunIsAtMostFifteenLines() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix("Command.swift") }
        #expect(files.count >= 9, "\(files)")
        for file in files {
            let text = try String(contentsOf: Self.folder.appending(path: file), encoding: .utf8)
            let bodies = Self.runBodies(in: text)
            #expect(!bodies.isEmpty, "\(file) declares no run")
            for body in bodies { #expect(body.lines <= 15, "\(file):\(body.line): run is \(body.lines) lines") }
        }
    }

    @Test func theCounterCountsBodyLines() {
        let text = "struct C {\n    func run(console: Console) throws -> Int32 {\n        let a = 1\n        if a > 0 { print(a) }\n        return 0\n    }\n}\n"
        #expect(Self.runBodies(in: text).map(\.lines) == [3])
    }
}
