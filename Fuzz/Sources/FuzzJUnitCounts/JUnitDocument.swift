import FuzzSupport
import Scan

/// A JUnit report built from fuzz bytes, and what a correct reader must find in it.
struct JUnitDocument {
    /// One case as written, with what the reader must report for it.
    struct Case {
        var name: String
        var suite: String?
        var status: TestStatus
        var flaky: Bool
        var message: String?
        var duration: Double?
        var line: Int
    }

    var bytes: [UInt8] = []
    var cases: [Case] = []
    var suites = 0

    init(_ input: inout FuzzInput) {
        var writer = DocumentWriter(lineEnd: input.chance(oneIn: 4) ? "\r\n" : "\n")
        let escaping = XMLEscaping(&input)
        let encoding = input.number(below: 8)  // 0…4 UTF-8, 5 UTF-8 with BOM, 6 UTF-16LE, 7 UTF-16BE
        if input.chance(oneIn: 2) {
            writer.writeLine("<?xml version=\"1.0\" encoding=\"\(encoding >= 6 ? "UTF-16" : "UTF-8")\"?>")
        }
        if input.chance(oneIn: 2) {
            // A root `testsuites` around one or more suites.
            let count = 1 + input.number(below: 4)
            // The root's start tag is one line; the suites start on the next.
            var body = DocumentWriter(startingAt: writer.line + 1, lineEnd: writer.lineEnd)
            var totals = Totals()
            var generator = Generator(escaping: escaping)
            for _ in 0..<count {
                totals += generator.suite(&input, into: &body, depth: 1)
            }
            writer.writeLine("<testsuites\(totals.attributes(&input))>")
            writer.write(body.text)
            writer.writeLine("</testsuites>")
            cases = generator.cases
            suites = generator.suites
        } else {
            var generator = Generator(escaping: escaping)
            _ = generator.suite(&input, into: &writer, depth: 0)
            cases = generator.cases
            suites = generator.suites
        }
        switch encoding {
        case 5: bytes = [0xEF, 0xBB, 0xBF] + Array(writer.text.utf8)
        case 6: bytes = [0xFF, 0xFE] + writer.text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case 7: bytes = [0xFE, 0xFF] + writer.text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        default: bytes = Array(writer.text.utf8)
        }
    }

    /// Counts a suite declares: its own cases and those of the suites inside it.
    struct Totals {
        var tests = 0, failures = 0, errors = 0, skipped = 0

        static func += (left: inout Totals, right: Totals) {
            left.tests += right.tests
            left.failures += right.failures
            left.errors += right.errors
            left.skipped += right.skipped
        }

        /// Some of the count attributes, each right; `tests` sometimes without the skipped cases,
        /// as `swift test --xunit-output` writes it.
        func attributes(_ input: inout FuzzInput) -> String {
            let which = input.byte()
            var out = ""
            if which & 1 != 0 { out += " tests=\"\(which & 16 != 0 ? tests - skipped : tests)\"" }
            if which & 2 != 0 { out += " failures=\"\(failures)\"" }
            if which & 4 != 0 { out += " errors=\"\(errors)\"" }
            if which & 8 != 0 { out += which & 32 != 0 ? " disabled=\"\(skipped)\"" : " skipped=\"\(skipped)\"" }
            return out
        }
    }

    /// Writes suites and cases, remembering what it wrote.
    struct Generator {
        let escaping: XMLEscaping
        var cases: [Case] = []
        var suites = 0

        init(escaping: XMLEscaping) { self.escaping = escaping }

        /// Writes one `testsuite` (and maybe one nested inside it); returns its totals.
        mutating func suite(_ input: inout FuzzInput, into writer: inout DocumentWriter, depth: Int) -> Totals {
            suites += 1
            let name = input.chance(oneIn: 8) ? "" : FuzzText.word(&input, extra: ["\t", "\n"])
            // The suite's start tag is one line; its body starts on the next.
            var body = DocumentWriter(startingAt: writer.line + 1, lineEnd: writer.lineEnd)
            var totals = Totals()
            let caseCount = input.number(below: 7)
            let nestAt = depth < 2 && input.chance(oneIn: 4) ? input.number(below: caseCount + 1) : -1
            for index in 0...caseCount {
                if index == nestAt { totals += suite(&input, into: &body, depth: depth + 1) }
                if index < caseCount { totals += testCase(&input, into: &body, suite: name) }
                if input.chance(oneIn: 6) { decoration(&input, into: &body) }
            }
            writer.writeLine("<testsuite name=\(escaping.attribute(name))\(totals.attributes(&input))>")
            writer.write(body.text)
            writer.writeLine("</testsuite>")
            return totals
        }

        mutating func testCase(_ input: inout FuzzInput, into writer: inout DocumentWriter, suite: String) -> Totals {
            let name = FuzzText.word(&input, extra: ["\t", "\n"])
            let classname: String? = input.chance(oneIn: 3) ? nil : FuzzText.word(&input)
            var attributes = " name=\(escaping.attribute(name))"
            if let classname { attributes += " classname=\(escaping.attribute(classname))" }
            var duration: Double?
            if input.chance(oneIn: 2) {
                let millis = input.wideNumber(below: 100_000)
                attributes += " time=\"\(millis / 1000).\(String(millis % 1000 + 1000).dropFirst())\""
                duration = Double(millis) / 1000
            }
            let line = writer.line
            var expected = Case(
                name: name, suite: classname ?? (suite.isEmpty ? nil : suite), status: .passed, flaky: false,
                message: nil, duration: duration, line: line)
            var totals = Totals(tests: 1)
            let kind = input.number(below: 6)
            if kind == 0 && input.chance(oneIn: 2) {
                writer.writeLine("<testcase\(attributes)/>")
            } else {
                writer.writeLine("<testcase\(attributes)>")
                if input.chance(oneIn: 4) { decoration(&input, into: &writer) }
                switch kind {
                case 1: expected.message = result("failure", &input, into: &writer); expected.status = .failed; totals.failures = 1
                case 2: expected.message = result("error", &input, into: &writer); expected.status = .errored; totals.errors = 1
                case 3: expected.message = result("skipped", &input, into: &writer); expected.status = .skipped; totals.skipped = 1
                case 4:
                    // Failed once, then passed: Surefire's flaky element.
                    expected.message = result(input.pick(["flakyFailure", "flakyError", "rerunFailure", "rerunError"]), &input, into: &writer)
                    expected.flaky = true
                case 5:
                    // The first result decides; a later one is not counted.
                    expected.message = result("failure", &input, into: &writer)
                    _ = result("skipped", &input, into: &writer)
                    expected.status = .failed
                    totals.failures = 1
                default: break
                }
                if input.chance(oneIn: 4) { decoration(&input, into: &writer) }
                writer.writeLine("</testcase>")
            }
            cases.append(expected)
            return totals
        }

        /// A result element; returns the message the reader must take from it.
        mutating func result(_ element: String, _ input: inout FuzzInput, into writer: inout DocumentWriter) -> String? {
            let attribute: String? = input.chance(oneIn: 2) ? FuzzText.word(&input, maxLength: 20, extra: ["\t", "\n"]) : nil
            let text: String? = input.chance(oneIn: 2) ? FuzzText.word(&input, maxLength: 30, extra: ["\t", "\n"]) : nil
            var tag = "<\(element)"
            if let attribute { tag += " message=\(escaping.attribute(attribute))" }
            if input.chance(oneIn: 2) { tag += " type=\"AssertionError\"" }
            if let text {
                if input.chance(oneIn: 3), !text.contains("]]>") {
                    writer.writeLine(tag + "><![CDATA[" + text + "]]></\(element)>")
                } else {
                    writer.writeLine(tag + ">" + escaping.text(text) + "</\(element)>")
                }
            } else {
                writer.writeLine(tag + "/>")
            }
            return attribute ?? text
        }

        /// Elements and markup a reader must step over without counting anything.
        func decoration(_ input: inout FuzzInput, into writer: inout DocumentWriter) {
            switch input.number(below: 4) {
            case 0: writer.writeLine("<system-out>" + escaping.text(FuzzText.word(&input, maxLength: 30, extra: ["\t", "\n"])) + "</system-out>")
            case 1: writer.writeLine("<properties><property name=\"os\" value=\(escaping.attribute(FuzzText.word(&input)))/></properties>")
            case 2: writer.writeLine("<!-- " + FuzzText.word(&input).replacingOccurrences(of: "-", with: "_") + " -->")
            default: writer.writeLine("<?processing instruction?>")
            }
        }
    }
}
