import Foundation
import PhaseModel

/// What a TAP stream held, besides the cases handed to `onCase`.
///
/// Counting rules:
/// - `ok` → passed, `not ok` → failed.
/// - `# SKIP` (any case, `skip`/`skipped`) → skipped, whether `ok` or `not ok`.
/// - `# TODO` (any case) → **skipped, not failed**: `not ok … # TODO` is an expected
///   failure, and `ok … # TODO` an unfinished feature that happens to pass; both are
///   counted in `skipped` and also in `todo`.
/// - `Bail out!` → a problem; the tests the plan still promised are reported as errored
///   cases (`test N`), at most `bailOutCaseLimit` of them; everything after it is ignored.
/// - TAP 14 subtests (4-space indented streams) are cases too, with suite = the
///   subtest's name (`# Subtest: name`, else the description of the parent test point that
///   closes it); the parent test point is a case of its own stream as well.
///   Top-level cases have suite = the file.
/// - A plan that disagrees with the number of test points, a missing plan, numbers out of
///   sequence, unterminated YAML blocks → problems.
public struct TAPSummary: Sendable, Equatable {
    /// 12 when no version line; otherwise the declared version (13, 14).
    public var version: Int?
    /// Whether the input looked like TAP at all (a version line, a plan, or a test point).
    public var recognized = false
    public var passed = 0
    public var failed = 0
    public var errored = 0
    public var skipped = 0
    /// How many of `skipped` were `# TODO` test points.
    public var todo = 0
    /// The top-level plan (`1..N`), when there is one.
    public var planned: Int?
    /// Reason of a `1..0 # SKIP reason` plan.
    public var skipAllReason: String?
    /// Reason given by `Bail out!`, when the stream bailed out.
    public var bailOut: String?
    public var problems: [EvidenceProblem] = []

    public var total: Int { passed + failed + errored + skipped }

    public init() {}

    mutating func count(_ status: TestStatus) {
        switch status {
        case .passed: passed += 1
        case .failed: failed += 1
        case .errored: errored += 1
        case .skipped: skipped += 1
        }
    }
}

/// Streaming TAP 12/13/14 reader. Keeps only the open subtest levels, the last test point
/// (until we know whether a YAML block follows) and the cases of subtests whose name is
/// not known yet (TAP 14 without `# Subtest:` comments).
public struct TAPParser: Sendable {
    static let bailOutCaseLimit = 10_000
    static let maxMessageLength = 8_192

    public init() {}

    @discardableResult
    public static func parse(handle: FileHandle, file: String, onCase: (TestCaseResult) -> Void) -> TAPSummary {
        EvidenceStreamLines.parse(State.self, handle: handle, file: file, emit: onCase)
    }

    @discardableResult
    public static func parse(data: Data, file: String, onCase: (TestCaseResult) -> Void) -> TAPSummary {
        EvidenceStreamLines.parse(State.self, data: data, file: file, emit: onCase)
    }

    struct Level {
        var depth: Int
        var name: String?
        var plan: Int?
        var planLine: Int?
        var count = 0
        var buffer: [TestCaseResult] = []
        var sawAnything = false
    }

    struct Pending {
        var result: TestCaseResult
        var depth: Int
        var isTodo: Bool
    }

    struct YAML {
        var indent: Int
        var startLine: Int
        var message: String?
        var duration: Double?
        /// Collecting a block scalar (`message: |`) deeper than `indent`.
        var collectingMessage = false
        /// `message:` seen; `error:` (node's key) is used only without one.
        var sawMessageKey = false
    }

    struct State: EvidenceLineState {
        let file: String
        var log: EvidenceProblemLog
        var summary = TAPSummary()
        var levels: [Level] = [Level(depth: 0)]
        var pending: Pending?
        var yaml: YAML?
        var subtestName: (depth: Int, name: String)?
        var bailed = false
        var sawAnyLine = false
        var lastLine = 0

        init(file: String) {
            self.file = file
            self.log = EvidenceProblemLog(file: file)
        }

        mutating func consume(_ line: EvidenceStreamLine, _ onCase: (TestCaseResult) -> Void) {
            lastLine = line.number
            if bailed { return }
            guard log.check(line) else { return }
            var text = line.text
            if text.contains("\t") { text = text.replacingOccurrences(of: "\t", with: "    ") }
            let body = text.drop(while: { $0 == " " })
            let indent = text.count - body.count
            let rest = String(body).trimmingBlanks()
            if !rest.isEmpty { sawAnyLine = true }

            if yaml != nil {
                if consumeYAML(rest: rest, indent: indent, line: line.number) { return }
            }
            if rest.isEmpty { return }
            if rest == "---", let pending, indent > pending.depth * 4 {
                yaml = YAML(indent: indent, startLine: line.number)
                return
            }
            flushPending(onCase)

            let depth = indent / 4
            if rest.hasPrefix("TAP version") {
                summary.recognized = true
                let number = Int(rest.dropFirst("TAP version".count).trimmingBlanks())
                if depth == 0 {
                    if summary.version != nil || levels[0].sawAnything {
                        log.add(line.number, LocalizedText(message: "problem.tap.version-not-first"))
                    }
                    summary.version = number
                    if number == nil { log.add(line.number, LocalizedText(message: "problem.tap.version-unreadable")) }
                }
                return
            }
            if rest.hasPrefix("Bail out!") {
                summary.recognized = true
                bailOut(reason: String(rest.dropFirst("Bail out!".count)).trimmingBlanks(),
                    line: line.number, onCase)
                return
            }
            if rest.hasPrefix("#") {
                let comment = rest.dropFirst().trimmingBlanks()
                if comment.hasPrefix("Subtest:") {
                    let name = comment.dropFirst("Subtest:".count).trimmingBlanks()
                    announceSubtest(name: name, depth: depth, onCase)
                }
                return
            }
            if let plan = Self.parsePlan(rest) {
                summary.recognized = true
                moveTo(depth: depth, closingWith: nil, line: line.number, onCase)
                let i = levels.count - 1
                levels[i].sawAnything = true
                if levels[i].plan != nil {
                    log.add(line.number, LocalizedText(message: "problem.tap.second-plan"))
                } else {
                    levels[i].plan = plan.count
                    levels[i].planLine = line.number
                    if depth == 0 {
                        summary.planned = plan.count
                        if plan.count == 0 { summary.skipAllReason = plan.reason ?? "" }
                    }
                }
                return
            }
            if rest.hasPrefix("ok") || rest.hasPrefix("not ok") {
                guard let point = Self.parseTestPoint(rest) else { return }
                summary.recognized = true
                moveTo(depth: depth, closingWith: point.description, line: line.number, onCase)
                if let announced = subtestName, announced.depth <= depth + 1 { subtestName = nil }
                let i = levels.count - 1
                levels[i].sawAnything = true
                levels[i].count += 1
                if let number = point.number, number != levels[i].count {
                    let arguments: [String: MessageArgument] = ["number": .count(number), "expected": .count(levels[i].count)]
                    log.add(line.number, LocalizedText(message: "problem.tap.out-of-sequence", arguments))
                }
                if let plan = levels[i].plan, levels[i].count > plan, levels[i].planLine.map({ $0 < line.number }) == true
                {
                    if levels[i].count == plan + 1 {
                        log.add(line.number, LocalizedText(message: "problem.tap.beyond-plan", ["plan": .count(plan)]))
                    }
                }
                var status: TestStatus = point.ok ? .passed : .failed
                var message: String?
                var isTodo = false
                if let directive = point.directive {
                    let word = directive.prefix(while: { !$0.isWhitespace }).uppercased()
                    let reason = directive.dropFirst(word.count).trimmingBlanks()
                    if word.hasPrefix("SKIP") {
                        status = .skipped
                        message = reason.isEmpty ? "SKIP" : reason
                    } else if word.hasPrefix("TODO") {
                        status = .skipped
                        isTodo = true
                        let todo = "TODO" + (reason.isEmpty ? "" : ": \(reason)")
                        // In English in every report, like the directive it quotes.
                        message = point.ok ? LocalizedText(message: "problem.tap.todo-passed", ["todo": .text(todo)]).en : todo
                    }
                }
                let name = point.description.isEmpty ? "test \(point.number ?? levels[i].count)" : point.description
                pending = Pending(
                    result: TestCaseResult(
                        suite: nil, name: name, status: status, message: message, source: .file(file, line: line.number)),
                    depth: depth, isTodo: isTodo)
                return
            }
            // Anything else is not TAP; TAP consumers ignore it.
        }

        /// Returns true when the line was part of the YAML block.
        mutating func consumeYAML(rest: String, indent: Int, line: Int) -> Bool {
            guard var block = yaml else { return false }
            if rest == "..." && indent <= block.indent + 1 {
                yaml = nil
                applyYAML(block)
                return true
            }
            if !rest.isEmpty && indent < block.indent {
                log.add(block.startLine, LocalizedText(message: "problem.tap.yaml-unclosed"))
                yaml = nil
                applyYAML(block)
                return false
            }
            if block.collectingMessage {
                if rest.isEmpty || indent > block.indent {
                    let piece = rest
                    let joined = (block.message.map { $0 + "\n" } ?? "") + piece
                    block.message = String(joined.prefix(TAPParser.maxMessageLength))
                    yaml = block
                    return true
                }
                block.collectingMessage = false
            }
            if indent == block.indent, let colon = rest.firstIndex(of: ":") {
                let key = rest[..<colon].trimmingBlanks()
                let value = rest[rest.index(after: colon)...].trimmingBlanks()
                if key == "message" || (key == "error" && block.message == nil && !block.sawMessageKey) {
                    if key == "message" { block.sawMessageKey = true }
                    if value.hasPrefix("|") || value.hasPrefix(">") {
                        block.collectingMessage = true
                        block.message = nil
                    } else {
                        block.message = Self.unquote(value)
                    }
                } else if key == "duration_ms", let ms = DecimalText.parse(value) {
                    block.duration = DecimalText.seconds(ms / 1000)
                }
            }
            yaml = block
            return true
        }

        mutating func applyYAML(_ block: YAML) {
            guard pending != nil else { return }
            if let message = block.message, !message.isEmpty { pending?.result.message = message }
            if let duration = block.duration { pending?.result.duration = duration }
        }

        static func unquote(_ value: String) -> String {
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                let inner = String(value.dropFirst().dropLast())
                return first == "\"" ? inner.replacingOccurrences(of: "\\n", with: "\n")
                    .replacingOccurrences(of: "\\\"", with: "\"") : inner.replacingOccurrences(of: "''", with: "'")
            }
            return value
        }

        mutating func flushPending(_ onCase: (TestCaseResult) -> Void) {
            guard let p = pending else { return }
            pending = nil
            if p.isTodo { summary.todo += 1 }
            deliver(p.result, depth: p.depth, onCase)
        }

        mutating func deliver(_ result: TestCaseResult, depth: Int, _ onCase: (TestCaseResult) -> Void) {
            var result = result
            if depth == 0 {
                result.suite = file
            } else if let i = levels.lastIndex(where: { $0.depth == depth }) {
                if let name = levels[i].name {
                    result.suite = name
                } else {
                    levels[i].buffer.append(result)
                    return
                }
            }
            summary.count(result.status)
            onCase(result)
        }

        mutating func announceSubtest(name: String, depth: Int, _ onCase: (TestCaseResult) -> Void) {
            if depth > 0 {
                moveTo(depth: depth, closingWith: nil, line: lastLine, onCase)
                let i = levels.count - 1
                if !levels[i].sawAnything && levels[i].name == nil {
                    levels[i].name = name
                    return
                }
            } else {
                moveTo(depth: 0, closingWith: nil, line: lastLine, onCase)
            }
            subtestName = (depth + 1, name)
        }

        /// Opens or closes subtest levels so the innermost one has `depth`.
        mutating func moveTo(depth: Int, closingWith description: String?, line: Int, _ onCase: (TestCaseResult) -> Void) {
            while let top = levels.last, top.depth > depth {
                let closing = levels.removeLast()
                close(closing, parentDescription: closing.depth == depth + 1 ? description : nil, line: line, onCase)
            }
            while let top = levels.last, top.depth < depth {
                var level = Level(depth: top.depth + 1)
                if let announced = subtestName, announced.depth == level.depth {
                    level.name = announced.name
                    subtestName = nil
                }
                levels.append(level)
            }
        }

        mutating func close(_ level: Level, parentDescription: String?, line: Int, _ onCase: (TestCaseResult) -> Void) {
            let name = level.name ?? parentDescription.flatMap { $0.isEmpty ? nil : $0 }
                ?? LocalizedText(message: "problem.tap.subtest-at-line", ["line": .count(line)]).en
            if parentDescription == nil && !bailed {
                log.add(line, LocalizedText(message: "problem.tap.subtest-unclosed", ["name": .text(name)]))
            }
            checkPlan(level, name: name, line: line)
            for var result in level.buffer {
                result.suite = name
                summary.count(result.status)
                onCase(result)
            }
        }

        mutating func checkPlan(_ level: Level, name: String?, line: Int?) {
            let label: MessageArgument = .localized(
                name.map { LocalizedText(message: "problem.tap.subtest", ["name": .text($0)]) } ?? LocalizedText(message: "problem.tap.stream"))
            if let plan = level.plan {
                if plan != level.count {
                    let arguments: [String: MessageArgument] = ["what": label, "plan": .count(plan), "count": .count(level.count)]
                    log.add(level.planLine, LocalizedText(message: "problem.tap.plan-differs", arguments))
                }
            } else if level.count > 0 {
                log.add(line, LocalizedText(message: "problem.tap.no-plan", ["what": label, "count": .count(level.count)]))
            }
        }

        mutating func bailOut(reason: String, line: Int, _ onCase: (TestCaseResult) -> Void) {
            flushPending(onCase)
            summary.bailOut = reason
            let bailOut = reason.isEmpty
                ? LocalizedText(message: "problem.tap.bail-out") : LocalizedText(message: "problem.tap.bail-out.reason", ["reason": .text(reason)])
            log.add(line, bailOut)
            bailed = true
            while levels.count > 1 {
                let level = levels.removeLast()
                close(level, parentDescription: nil, line: line, onCase)
            }
            let top = levels[0]
            if let plan = top.plan, top.count < plan {
                let last = min(plan, top.count + TAPParser.bailOutCaseLimit)
                for n in (top.count + 1)...last {
                    // The message is in English in every report, like the TAP directive it quotes.
                    let result = TestCaseResult(
                        suite: file, name: "test \(n)", status: .errored,
                        message: LocalizedText(message: "problem.tap.not-run", ["bailout": .localized(bailOut)]).en,
                        source: .file(file, line: line))
                    summary.count(.errored)
                    onCase(result)
                }
                levels[0].count = plan
            }
        }

        mutating func finish(_ onCase: (TestCaseResult) -> Void) -> TAPSummary {
            if let block = yaml {
                log.add(block.startLine, LocalizedText(message: "problem.tap.yaml-unclosed-at-end"))
                yaml = nil
                applyYAML(block)
            }
            flushPending(onCase)
            if !bailed {
                while levels.count > 1 {
                    let level = levels.removeLast()
                    close(level, parentDescription: nil, line: lastLine, onCase)
                }
                if summary.recognized { checkPlan(levels[0], name: nil, line: lastLine) }
            }
            if !summary.recognized {
                log.add(nil, sawAnyLine ? LocalizedText(message: "problem.tap.unrecognized") : LocalizedText(message: "problem.tap.empty"))
            } else if summary.version == nil {
                summary.version = 12
            }
            summary.problems = log.finished()
            return summary
        }

        // MARK: line grammar

        static func parsePlan(_ rest: String) -> (count: Int, reason: String?)? {
            guard rest.hasPrefix("1..") else { return nil }
            let after = rest.dropFirst(3)
            let digits = after.prefix(while: { $0.isASCII && $0.isNumber })
            guard !digits.isEmpty, let count = Int(digits) else { return nil }
            let tail = after.dropFirst(digits.count).trimmingBlanks()
            if tail.isEmpty { return (count, nil) }
            guard tail.hasPrefix("#") else { return nil }
            var reason = tail.dropFirst().trimmingBlanks()
            if reason.uppercased().hasPrefix("SKIP") {
                reason = String(reason.drop(while: { !$0.isWhitespace })).trimmingBlanks()
            }
            return (count, reason)
        }

        struct TestPoint {
            var ok: Bool
            var number: Int?
            var description: String
            var directive: String?
        }

        static func parseTestPoint(_ rest: String) -> TestPoint? {
            let ok: Bool
            var tail: Substring
            if rest.hasPrefix("not ok") {
                ok = false
                tail = rest.dropFirst(6)
            } else if rest.hasPrefix("ok") {
                ok = true
                tail = rest.dropFirst(2)
            } else {
                return nil
            }
            if let first = tail.first, !first.isWhitespace, first != "#" { return nil }  // "okay", "oknot"
            tail = tail.drop(while: { $0 == " " })
            let digits = tail.prefix(while: { $0.isASCII && $0.isNumber })
            let number = digits.isEmpty ? nil : Int(digits)
            tail = tail.dropFirst(digits.count).drop(while: { $0 == " " })
            if tail.hasPrefix("- ") || tail == "-" { tail = tail.dropFirst().drop(while: { $0 == " " }) }
            // Description runs to the first unescaped '#'.
            var description = ""
            var directive: String?
            var index = tail.startIndex
            while index < tail.endIndex {
                let c = tail[index]
                if c == "\\", tail.index(after: index) < tail.endIndex {
                    let next = tail[tail.index(after: index)]
                    if next == "#" || next == "\\" {
                        description.append(next)
                        index = tail.index(index, offsetBy: 2)
                        continue
                    }
                }
                if c == "#" {
                    directive = tail[tail.index(after: index)...].trimmingBlanks()
                    break
                }
                description.append(c)
                index = tail.index(after: index)
            }
            return TestPoint(
                ok: ok, number: number, description: description.trimmingBlanks(),
                directive: directive)
        }
    }
}
