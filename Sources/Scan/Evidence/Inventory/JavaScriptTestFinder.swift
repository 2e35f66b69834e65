/// Finds JavaScript and TypeScript tests: calls of the test functions shared by Jest,
/// Vitest, Mocha, Jasmine, Playwright and `node:test`.
///
/// - A test is a call of `it`, `test`, `xit`, `xtest` or `fit`, optionally through modifiers
///   (`.only`, `.skip`, `.todo`, `.concurrent`, `.sequential`, `.failing`, `.fails`) and
///   TypeScript type arguments, with at least one argument. `.each(table)(…)`, `` .each`table`(…) ``, `.for(…)(…)`, `.skipIf(c)(…)`
///   and `.runIf(c)(…)` count once each, however many rows they run.
/// - Not a test: a member call (`foo.test(…)`, `t.test(…)`: `node:test` subtests), any
///   other name (`myit(…)`), `function test(…)`, a method definition (`test(x) {`,
///   `test(x): T {`), an unknown modifier (`test.step`, `test.beforeEach`, `test.extend`),
///   and a Playwright `test.skip(…)` inside a test, which skips that test.
/// - Suites: `describe`, `xdescribe`, `fdescribe`, `context`, `suite` and `test.describe`
///   calls, whose titles, joined by ` > `, are the suite of the tests inside them. Tests
///   nested in tests (`node:test` allows it) count.
///
/// The name is the first argument: a literal's text without its quotes, otherwise its
/// source text. A function that merely shares a name (`const test = …`, a helper called
/// `test`) cannot be told apart and counts.
enum JavaScriptTestFinder {
    private enum Kind { case test, suite }

    private struct Call {
        var kind: Kind
        var line: Int
        /// `.skip`: inside a Playwright test, an annotation rather than a test.
        var skips: Bool
    }

    /// What an open `(`, `[` or `{` is.
    private enum Frame {
        case plain
        /// `(…)` of `.each`, `.for`, `.skipIf`, `.runIf`: the call follows it.
        case modifierArguments(Call)
        /// `(…)` of a test or suite call: `test` indexes `tests`, `title` is set at the first comma.
        case call(Call, test: Int?, argumentsStart: Int, title: String?)
    }

    private enum Planned {
        case call(Call)
        case modifierArguments(Call)
        case taggedTemplate(Call)
    }

    private static let titleLimit = 512

    static func tests(in source: MaskedSource) -> [DefinedTest] {
        let code = source.code
        var lines = LineTracker(source.text)
        // nil: a call that turned out not to be a test.
        var tests: [DefinedTest?] = []
        var frames: [Frame] = []
        // The `(` or `` ` `` where a chain read ahead (`test.only(`) will be called.
        var planned: (offset: Int, what: Planned)?
        // After `.each(…)` or `` .each`…` ``: the next `(` is the call.
        var awaiting: Call?
        var previous: UInt8 = 0
        var afterFunctionKeyword = false
        var index = 0

        func title(_ range: Range<Int>) -> String {
            var start = code.skippingSpace(from: range.lowerBound)
            var end = max(start, range.upperBound)
            while end > start && Byte.isWhitespace(code[end - 1]) { end -= 1 }
            let first = start < end ? code[start] : 0
            if end - start >= 2, first == code[end - 1],
                first == Byte.singleQuote || first == Byte.doubleQuote || first == Byte.backtick
            {
                start += 1
                end -= 1
            }
            return source.string(start..<min(end, start + titleLimit))
        }

        func open(_ call: Call, at offset: Int) {
            var test: Int?
            if call.kind == .test {
                let insideTest = frames.contains {
                    if case .call(let outer, _, _, _) = $0 { return outer.kind == .test }
                    return false
                }
                if call.skips && insideTest {
                    frames.append(.plain)
                    return
                }
                test = tests.count
                tests.append(DefinedTest(name: "", suite: suite(frames), line: call.line))
            }
            frames.append(.call(call, test: test, argumentsStart: offset + 1, title: nil))
        }

        func close(_ frame: Frame, at offset: Int) {
            switch frame {
            case .plain:
                break
            case .modifierArguments(let call):
                awaiting = call
            case .call(_, let test, let argumentsStart, let known):
                guard let test else { return }
                let name = known ?? title(argumentsStart..<offset)
                let after = code.skippingSpace(from: offset + 1)
                let isDefinition = after < code.count && (code[after] == Byte.openBrace || code[after] == Byte.colon)
                if name.isEmpty || isDefinition { tests[test] = nil } else { tests[test]?.name = name }
            }
        }

        while index < code.count {
            let byte = code[index]
            if Byte.isWhitespace(byte) {
                index += 1
                continue
            }
            if let call = awaiting {
                if byte == Byte.openParen {
                    awaiting = nil
                    open(call, at: index)
                    previous = byte
                    index += 1
                    continue
                }
                if byte == Byte.backtick {
                    index += 1
                    continue
                }
                awaiting = nil
            }
            switch byte {
            case Byte.openParen:
                if let plan = planned, plan.offset == index {
                    planned = nil
                    switch plan.what {
                    case .call(let call): open(call, at: index)
                    case .modifierArguments(let call): frames.append(.modifierArguments(call))
                    case .taggedTemplate: frames.append(.plain)
                    }
                } else {
                    frames.append(.plain)
                }
            case Byte.openBracket, Byte.openBrace:
                frames.append(.plain)
            case Byte.closeParen, Byte.closeBracket, Byte.closeBrace:
                if let frame = frames.popLast() { close(frame, at: index) }
            case Byte.comma:
                if case .call(let call, let test, let argumentsStart, nil) = frames.last {
                    frames[frames.count - 1] = .call(call, test: test, argumentsStart: argumentsStart, title: title(argumentsStart..<index))
                }
            case Byte.backtick:
                if let plan = planned, plan.offset == index, case .taggedTemplate(let call) = plan.what {
                    planned = nil
                    awaiting = call
                }
            default:
                guard Byte.isIdentifier(byte, dollar: true), index == 0 || !Byte.isIdentifier(code[index - 1], dollar: true) else {
                    break
                }
                let end = code.identifierEnd(from: index, dollar: true)
                if previous != Byte.dot && !afterFunctionKeyword, let kind = rootKind(code, index, end) {
                    planned = plan(code, kind: kind, after: end) { Call(kind: $0, line: lines.line(at: index), skips: $1) }
                }
                afterFunctionKeyword = end - index == 8 && code.has("function", at: index)
                previous = code[end - 1]
                index = end
                continue
            }
            if byte != Byte.star { afterFunctionKeyword = false }
            previous = byte
            index += 1
        }
        for case .call(_, let test?, let argumentsStart, let known) in frames {
            tests[test]?.name = known ?? title(argumentsStart..<code.count)
        }
        return tests.compactMap { $0 }
    }

    /// Reads the modifier chain after a test or suite function's name and says where it is
    /// called, or nil when it is not a test or suite call.
    private static func plan(
        _ code: UnsafeBufferPointer<UInt8>, kind root: Kind, after nameEnd: Int, makeCall: (Kind, Bool) -> Call
    ) -> (offset: Int, what: Planned)? {
        var kind = root
        var needsArguments = false
        var skips = false
        var index = nameEnd
        while true {
            let dot = code.skippingSpace(from: index)
            guard dot < code.count, code[dot] == Byte.dot else {
                index = dot
                break
            }
            let start = code.skippingSpace(from: dot + 1)
            let end = code.identifierEnd(from: start, dollar: true)
            switch code.string(start..<end) {
            case "describe" where root == .test: kind = .suite
            case "skip": skips = true
            case "only", "todo", "concurrent", "sequential", "failing", "fails", "serial", "parallel", "shuffle": break
            case "each", "for", "skipIf", "runIf": needsArguments = true
            default: return nil
            }
            index = end
        }
        if index < code.count && code[index] == Byte.lessThan, let end = typeArgumentsEnd(code, from: index) {
            index = code.skippingSpace(from: end)
        }
        guard index < code.count else { return nil }
        let call = makeCall(kind, skips)
        if code[index] == Byte.openParen {
            return (index, needsArguments ? .modifierArguments(call) : .call(call))
        }
        if code[index] == Byte.backtick && needsArguments {
            return (index, .taggedTemplate(call))
        }
        return nil
    }

    /// End of TypeScript type arguments (`it.each<Case>(…)`) opened at `offset`: after the
    /// matching `>`, not counting the one of an arrow type's `=>`; nil past a reasonable length.
    private static func typeArgumentsEnd(_ code: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int? {
        var depth = 0
        var index = offset
        while index < code.count && index - offset < 4_096 {
            switch code[index] {
            case Byte.lessThan: depth += 1
            case UInt8(ascii: ">") where index == 0 || code[index - 1] != UInt8(ascii: "="):
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return nil
    }

    private static func rootKind(_ code: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Kind? {
        switch end - start {
        case 2: return code.has("it", at: start) ? .test : nil
        case 3: return code.has("xit", at: start) || code.has("fit", at: start) ? .test : nil
        case 4: return code.has("test", at: start) ? .test : nil
        case 5: return code.has("xtest", at: start) ? .test : (code.has("suite", at: start) ? .suite : nil)
        case 7: return code.has("context", at: start) ? .suite : nil
        case 8: return code.has("describe", at: start) ? .suite : nil
        case 9: return code.has("xdescribe", at: start) || code.has("fdescribe", at: start) ? .suite : nil
        default: return nil
        }
    }

    private static func suite(_ frames: [Frame]) -> String? {
        var titles: [String] = []
        for case .call(let call, _, _, let title?) in frames where call.kind == .suite && !title.isEmpty {
            titles.append(title)
        }
        return titles.isEmpty ? nil : titles.joined(separator: " > ")
    }
}
