import FuzzSupport
import Scan

/// A TAP stream built from fuzz bytes (versions 12 to 14, plans first or last, directives, YAML
/// diagnostics, subtests announced or not, a bail-out), and what a correct reader must find in it.
struct TAPDocument {
    /// One test point as written, with what the reader must report for it.
    struct Point {
        var name: String
        var suite: String
        var status: TestStatus
        var todo: Bool
        var message: String?
        var duration: Double?
        var line: Int
    }

    static let file = "fuzz.tap"

    var writer = DocumentWriter()
    var points: [Point] = []
    var version = 12
    var planned = 0
    /// Cases a bail-out leaves unrun (reported as errored), and its reason.
    var bailedOut: (unrun: Int, reason: String)?

    init(_ input: inout FuzzInput) {
        writer = DocumentWriter(lineEnd: input.chance(oneIn: 4) ? "\r\n" : "\n")
        version = input.pick([12, 13, 14])
        if version > 12 { writer.writeLine("TAP version \(version)") }
        let count = input.number(below: 9)
        let planFirst = input.chance(oneIn: 2)
        let bailAfter = planFirst && count > 0 && input.chance(oneIn: 8) ? input.number(below: count) : nil
        planned = count
        if planFirst { writer.writeLine(count == 0 ? "1..0 # SKIP nothing to do" : "1..\(count)") }
        for number in 1...max(count, 1) where count > 0 {
            if let bailAfter, number > bailAfter {
                let reason = FuzzText.word(&input)
                writer.writeLine("Bail out! \(reason)")
                bailedOut = (count - bailAfter, reason)
                return
            }
            if input.chance(oneIn: 5) { writer.writeLine(input.pick(["# a diagnostic", "not TAP at all", "  # indented comment"])) }
            point(&input, number: number, depth: 0, suite: Self.file)
        }
        if !planFirst { writer.writeLine(count == 0 ? "1..0" : "1..\(count)") }
    }

    /// A test point at `depth`, perhaps with a subtest before it.
    mutating func point(_ input: inout FuzzInput, number: Int, depth: Int, suite: String) {
        let indent = String(repeating: "    ", count: depth)
        let description = input.chance(oneIn: 8) ? "" : FuzzText.word(&input)
        var subtest: (announced: Bool, firstPoint: Int)?
        if depth < 2 && input.chance(oneIn: 5) {
            // A subtest: its points come first, then the point that closes it.
            let announced = input.chance(oneIn: 2)
            let name = FuzzText.word(&input)
            if announced {
                // TAP 14 indents the comment with the subtest; at the top level some writers put it
                // at the parent's indentation, which the reader accepts there only.
                let atParent = depth == 0 && input.chance(oneIn: 2)
                writer.writeLine((atParent ? indent : indent + "    ") + "# Subtest: " + name)
            }
            let count = 1 + input.number(below: 4)
            let planFirst = input.chance(oneIn: 2)
            if planFirst { writer.writeLine(indent + "    1..\(count)") }
            let first = points.count
            for inner in 1...count { point(&input, number: inner, depth: depth + 1, suite: announced ? name : "") }
            if !planFirst { writer.writeLine(indent + "    1..\(count)") }
            subtest = (announced, first)
        }
        let directive = input.number(below: 8)
        let ok = input.chance(oneIn: 2)
        let reason = input.chance(oneIn: 2) ? FuzzText.word(&input) : ""
        var line = "\(ok ? "ok" : "not ok")"
        if input.chance(oneIn: 4) == false { line += " \(number)" }
        line += " - " + escapedDescription(description)
        var status: TestStatus = ok ? .passed : .failed
        var todo = false
        var message: String?
        switch directive {
        case 0:
            line += " # \(input.pick(["SKIP", "skip", "Skipped:"])) \(reason)"
            status = .skipped
            message = reason.isEmpty ? "SKIP" : reason
        case 1:
            line += " # \(input.pick(["TODO", "todo"])) \(reason)"
            status = .skipped
            todo = true
            message = "TODO" + (reason.isEmpty ? "" : ": \(reason)") + (ok ? " (passed unexpectedly)" : "")
        default: break
        }
        let pointLine = writer.line
        writer.writeLine(indent + line)
        var duration: Double?
        if input.chance(oneIn: 3) {
            // A YAML diagnostic block: its message replaces the directive's.
            let yamlIndent = indent + "  "
            writer.writeLine(yamlIndent + "---")
            if input.chance(oneIn: 2) {
                let text = FuzzText.word(&input, maxLength: 20)
                writer.writeLine(yamlIndent + "message: '" + text.replacingOccurrences(of: "'", with: "''") + "'")
                message = text
            }
            if input.chance(oneIn: 2) {
                let millis = input.wideNumber(below: 100_000)
                writer.writeLine(yamlIndent + "duration_ms: \(millis)")
                duration = Double(millis) / 1000
            }
            writer.writeLine(yamlIndent + "...")
        }
        let name = description.isEmpty ? "test \(number)" : description
        if let subtest, !subtest.announced {
            // An unannounced subtest takes its name from the point that closes it.
            let subtestName = description.isEmpty ? "subtest at line \(pointLine)" : description
            for index in subtest.firstPoint..<points.count where points[index].suite.isEmpty { points[index].suite = subtestName }
        }
        points.append(Point(name: name, suite: suite, status: status, todo: todo, message: message, duration: duration, line: pointLine))
    }

    /// A description with `#` and `\` escaped as TAP says.
    func escapedDescription(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "#", with: "\\#")
    }
}
