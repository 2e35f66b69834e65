import Foundation
import Testing

/// Commands are declarations: options, `validate()` and a `run` of a few lines that calls the
/// library (PhasecertKit). Every `run` in a `*Command.swift` file, the command's own and any
/// helper of that name, is at most `limit` lines of code.
struct CommandRunLengthTests {
    static let limit = 15

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/PhasecertCLI")

    @Test func everyCommandRunIsAtMostFifteenLines() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
            .filter { $0.hasSuffix("Command.swift") }.sorted()
        #expect(files.count >= 9, "\(files)")
        var runs = 0
        for file in files {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for body in RunBodies.bodies(in: text) {
                runs += 1
                #expect(body.lines <= Self.limit, "\(file):\(body.line): run has \(body.lines) lines of code, over \(Self.limit)")
            }
        }
        #expect(runs >= files.count)
    }

    @Test func theCounterCountsCodeLinesOnly() {
        let source = """
            struct A {
                func run(console: Console) throws -> Int32 {
                    let a = 1

                    // a comment
                    if a == 1 {
                        print("{")
                    }
                    return a
                }

                private func run(
                    _ source: String
                ) -> Int { 0 }
            }
            """
        let bodies = RunBodies.bodies(in: source)
        #expect(bodies.map(\.line) == [2, 12])
        #expect(bodies.map(\.lines) == [5, 0])
    }
}

/// The `run` functions of a Swift source and the code lines of each body: blank lines and
/// comment-only lines are not counted, nor the lines holding the opening and closing braces.
enum RunBodies {
    struct Body: Equatable {
        /// 1-based line of the `func run`.
        var line: Int
        var lines: Int
    }

    static func bodies(in source: String) -> [Body] {
        let lines = source.components(separatedBy: "\n")
        var bodies: [Body] = []
        var index = 0
        while index < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            guard trimmed.range(of: #"^((public|private|fileprivate|internal|static|mutating) )*func run\b"#, options: .regularExpression) != nil
            else {
                index += 1
                continue
            }
            let (end, open) = closingLine(from: index, in: lines)
            let code = lines[(open + 1)..<max(open + 1, end)].filter { line in
                let text = line.trimmingCharacters(in: .whitespaces)
                return !text.isEmpty && !text.hasPrefix("//")
            }
            bodies.append(Body(line: index + 1, lines: end == open ? 0 : code.count))
            index = end + 1
        }
        return bodies
    }

    /// The line of the brace that closes the body opened at or after `start`, and the line it
    /// opens on. Braces inside string literals are skipped.
    private static func closingLine(from start: Int, in lines: [String]) -> (end: Int, open: Int) {
        var depth = 0
        var open: Int?
        for number in start..<lines.count {
            var inString = false
            var previous: Character = " "
            for character in lines[number] {
                if character == "\"", previous != "\\" { inString.toggle() }
                previous = character
                guard !inString else { continue }
                if character == "{" {
                    if open == nil { open = number }
                    depth += 1
                } else if character == "}" {
                    depth -= 1
                    if depth == 0, let open { return (number, open) }
                }
            }
        }
        return (lines.count - 1, open ?? start)
    }
}
