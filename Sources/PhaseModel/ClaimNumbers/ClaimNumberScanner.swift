/// Finds the numbers and ratios claims are written with, in English and Russian texts.
///
/// Styles read, and how ambiguities are settled:
///
/// - Grouping: `7,321` and `1,234,567` (commas); `7 321` with a space, no-break space (U+00A0),
///   thin space (U+2009) or narrow no-break space (U+202F), the same separator throughout. A group
///   is taken only when the first group has one to three digits and does not start with `0`, and
///   every later group has exactly three digits: `12 34` is two numbers, `0,500` is a half.
/// - Comma: followed by exactly three digits (and after a valid first group) it groups thousands,
///   otherwise it is a decimal comma. So `1,234` is 1234 and `1,5` is 1.5, in Russian text too:
///   a Russian `1,234` meaning 1.234 is rare next to English thousands. `7321,500` is 7321.5,
///   since a first group of four digits cannot be a thousands group.
/// - Point: always decimal, `1.234` is 1.234 in either language; dotted thousands (`1.234.567`)
///   are not read, as the repeated point makes them a version or a date.
/// - Plain spaces are ambiguous (`Phase 5 100 tests`), so a plain-space group is dropped when
///   the number is a percentage or the start of a ratio: `Phase 5 100%` is 5 and 100%, not 5100%.
///   No-break and narrow spaces are deliberate typography and always group.
/// - Percent: `%` directly or after one space of the kinds above (`95,5 %`); `value` keeps the
///   points (95.5).
/// - Markers: `~` or `≈` before (one space allowed) sets `approximate`; `~~` is Markdown
///   strikethrough and is not a marker. `+` after, or `≥` before, sets `atLeast`.
/// - Multipliers glued to the digits: `K`/`k` ×1000, `M` ×1,000,000. Lower-case `m` is minutes or
///   metres, and Cyrillic `к`/`тыс.` are not read.
/// - Sign: `-5` or `−5` (U+2212) is negative when the sign follows a space, the start, `(`, `[` or
///   `=`; after a digit (`10-20`) the dash is a range and both numbers are positive.
/// - A leading point after a space or `(` is a decimal: `.5` is 0.5.
///
/// Digits that belong to something else give no number at all, since a wrong figure is worse
/// than a missing one: identifiers (`v2`, `x86`, `H2`, `TN-099`, `#12`, `№5`), numbers glued to
/// letters or joined to them by a hyphen (`100ms`, `2nd`, `3-й`, `64-bit`), dates (`2025-11-30`,
/// `2025/11/30`, `30.11.2025`), times (`12:30`), versions and lists without spaces (`1.2.3`,
/// `1,2,3`) and path segments after a word (`docs/2024`).
public enum ClaimNumberScanner {
    /// Every number in `text`, in order.
    public static func numbers(in text: String) -> [ClaimNumber] {
        located(in: ClaimScalars(text)).map(\.number)
    }

    /// Ratios `n/m`, `n of m` and `n из m` (either case), optionally followed by their percentage
    /// as `= p%`, `(p%)` or `≈ p%`: `10.5/11 = 95.5%`, `39/39`, `28/30 (93%)`, `28 из 30`.
    ///
    /// Neither side may be a percentage. A slash chain (`1/2/3`) is no ratio, and neither are dates
    /// (`2025/11/30`) or path segments (`a/1/2`), which give no numbers in the first place. Blanks
    /// are allowed around `/`; `of` and `из` need a blank on both sides.
    public static func ratios(in text: String) -> [ClaimRatio] {
        let text = ClaimScalars(text)
        let numbers = located(in: text)
        var result: [ClaimRatio] = []
        var index = 0
        while index + 1 < numbers.count {
            let numerator = numbers[index]
            let denominator = numbers[index + 1]
            guard !numerator.number.isPercent, !denominator.number.isPercent,
                joined(text, numerator.end, denominator.start),
                !text.is(text.skipBlanksBack(from: numerator.start - 1), "/"),
                !text.is(text.skipBlanks(from: denominator.end), "/")
            else {
                index += 1
                continue
            }
            var end = denominator.end
            var percent: ClaimNumber?
            if index + 2 < numbers.count, let close = percentEnd(text, after: denominator.end, numbers[index + 2]) {
                percent = numbers[index + 2].number
                end = close
                index += 1
            }
            result.append(
                ClaimRatio(
                    numerator: numerator.number, denominator: denominator.number, percent: percent,
                    range: text.range(numerator.start, end), text: text.slice(numerator.start, end)))
            index += 2
        }
        return result
    }

    /// A number with its scalar positions, which the ratio scanner needs to look between numbers.
    package struct Located {
        package var number: ClaimNumber
        package var start: Int
        package var end: Int
    }

    /// Every number in `text` with its scalar positions, for the claim phrase lexer in Scan.
    package static func located(in text: ClaimScalars) -> [Located] {
        var result: [Located] = []
        var position = 0
        while position < text.count {
            guard startsNumber(text, position) else {
                position += 1
                continue
            }
            switch read(text, at: position, spaceGroups: true) {
            case .number(let located):
                result.append(located)
                position = max(located.end, position + 1)
            case .skip(let end):
                position = max(end, position + 1)
            }
        }
        return result
    }

    private enum Outcome {
        case number(Located)
        /// Not a number; scanning resumes at `end`, past the whole word the digits belong to.
        case skip(end: Int)
    }

    private static func startsNumber(_ text: ClaimScalars, _ position: Int) -> Bool {
        if text.isDigit(position) { return true }
        guard text.is(position, "."), text.isDigit(position + 1) else { return false }
        // `.5` after a blank or bracket; after anything else the point belongs to what precedes it.
        return position == 0 || text.isBlank(position - 1) || text.is(position - 1, "(")
            || text.is(position - 1, "~") || text.is(position - 1, "≈")
    }

    /// Separators that keep a word going when a letter or digit follows: `TN-099`, `x86_64`,
    /// `1.2.3`, `12:30`, `docs/2024`, `1,2,3`.
    private static func isConnector(_ scalar: Unicode.Scalar?) -> Bool {
        switch scalar {
        case "-", "_", ".", ":", "/", ",", "\u{2011}": true
        default: false
        }
    }

    /// The end of the word that starts at or runs through `position`.
    private static func wordEnd(_ text: ClaimScalars, from position: Int) -> Int {
        var position = position
        while position < text.count {
            if text.isWord(position) || (isConnector(text[position]) && text.isWord(position + 1)) {
                position += 1
            } else {
                break
            }
        }
        return position
    }

    /// Exactly three digits at `position` with no digit after them: one thousands group.
    private static func isGroup(_ text: ClaimScalars, _ position: Int) -> Bool {
        text.isDigit(position) && text.isDigit(position + 1) && text.isDigit(position + 2) && !text.isDigit(position + 3)
    }

    /// `separator`, one or two digits, `separator`, one or two digits: the rest of a date after its year.
    private static func isDateTail(_ text: ClaimScalars, _ position: Int, _ separator: Unicode.Scalar) -> Bool {
        var position = position
        for _ in 0..<2 {
            guard text.is(position, separator), text.isDigit(position + 1) else { return false }
            position += text.isDigit(position + 2) ? 3 : 2
        }
        return !text.isDigit(position)
    }

    private static func read(_ text: ClaimScalars, at first: Int, spaceGroups: Bool) -> Outcome {
        let skip = Outcome.skip(end: wordEnd(text, from: first))
        var start = first
        var negative = false

        // What precedes the digits can make them part of an identifier, a path or a signed number.
        if text.isWord(first - 1) { return skip }
        switch text[first - 1] {
        case "#", "№":
            return skip
        case "-", "\u{2011}", "\u{2212}":
            if text.isLetter(first - 2) { return skip }
            let before = text[first - 2]
            if text[first - 1] != "\u{2011}",
                before == nil || text.isBlank(first - 2) || before == "(" || before == "[" || before == "="
            {
                negative = true
                start -= 1
            }
        case "_", ".":
            if text.isWord(first - 2) { return skip }
        case "/":
            if text.isLetter(first - 2) { return skip }
        default:
            break
        }

        var approximate = false
        var atLeast = false
        let marker = text.isBlank(start - 1) ? start - 2 : start - 1
        switch text[marker] {
        case "~" where !text.is(marker - 1, "~") && !text.is(marker + 1, "~"), "≈":
            approximate = true
            start = marker
        case "≥":
            atLeast = true
            start = marker
        default:
            break
        }

        // The digits: first group, thousands groups, decimal part.
        var position = first
        while text.isDigit(position) { position += 1 }
        let leading = position - first
        var grouping: Unicode.Scalar?
        if leading >= 1, leading <= 3, text[first] != "0" {
            while text.is(position, ","), isGroup(text, position + 1) {
                grouping = ","
                position += 4
            }
            if grouping == nil, spaceGroups, let separator = text[position], separator != "\t",
                ClaimScalars.isBlank(separator), isGroup(text, position + 1)
            {
                grouping = separator
                while text.is(position, separator), isGroup(text, position + 1) { position += 4 }
            }
        }
        var fractionStart: Int?
        if let separator = text[position], separator == "." || (separator == "," && grouping != ","),
            text.isDigit(position + 1)
        {
            position += 1
            fractionStart = position
            while text.isDigit(position) { position += 1 }
        }

        // A plain-space group is a guess; when the rest of the reading fails, try without it.
        let retry = grouping.map(ClaimScalars.isBlank) ?? false
        func reject() -> Outcome { retry ? read(text, at: first, spaceGroups: false) : skip }

        // What follows can still make the digits a version, list, time, date or part of a word.
        if let next = text[position], next == "." || next == "," || next == ":", text.isDigit(position + 1) {
            return reject()
        }
        if leading == 4, grouping == nil, fractionStart == nil,
            isDateTail(text, position, "-") || isDateTail(text, position, "/")
        {
            return skip
        }
        var exponent = 0
        if let suffix = text[position], suffix == "K" || suffix == "k" || suffix == "M",
            !text.isWord(position + 1), !text.is(position + 1, "_")
        {
            exponent = suffix == "M" ? 6 : 3
            position += 1
        }
        // `3-й`, `64-bit`, `5_000`: a hyphen or underscore ties the digits to what follows.
        let tie = text.is(position, "-") || text.is(position, "\u{2011}") || text.is(position, "_")
        if text.isWord(position) || (tie && text.isLetter(position + 1))
            || (text.is(position, "_") && text.isDigit(position + 1))
        {
            return reject()
        }
        let digitsEnd = position - (exponent > 0 ? 1 : 0)

        var isPercent = false
        if text.is(position, "%") {
            isPercent = true
            position += 1
        } else if text.isBlank(position), !text.is(position, "\t"), text.is(position + 1, "%") {
            isPercent = true
            position += 2
        }
        if text.is(position, "+"), !text.isWord(position + 1) {
            atLeast = true
            position += 1
        }
        if grouping == " ", isPercent || text.is(text.skipBlanks(from: position), "/") {
            return read(text, at: first, spaceGroups: false)
        }

        guard var value = self.value(text, from: first, to: digitsEnd, fractionStart: fractionStart, exponent: exponent)
        else { return skip }
        if negative { value = -value }
        let number = ClaimNumber(
            value: value, isPercent: isPercent, approximate: approximate, atLeast: atLeast,
            range: text.range(start, position), text: text.slice(start, position))
        return .number(Located(number: number, start: start, end: position))
    }

    /// Powers of ten that are exact doubles.
    private static let powers: [Double] = (0...22).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    /// The digits between `from` and `to` (separators skipped) scaled by ten to `exponent`, less the
    /// fraction digits. Up to 15 digits the integer and the power are exact, so one multiplication
    /// or division rounds correctly; longer figures go through the standard library's parser.
    private static func value(_ text: ClaimScalars, from: Int, to: Int, fractionStart: Int?, exponent: Int) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0
        for position in from..<to where text.isDigit(position) {
            digits += 1
            if digits <= 15, let scalar = text[position] { mantissa = mantissa * 10 + UInt64(scalar.value - 0x30) }
        }
        let scale = exponent - (fractionStart.map { to - $0 } ?? 0)
        if digits <= 15 {
            let base = Double(mantissa)
            if scale >= 0, scale < powers.count { return base * powers[scale] }
            if scale < 0, -scale < powers.count { return base / powers[-scale] }
        }
        var literal = ""
        for position in from..<to where text.isDigit(position) {
            if let scalar = text[position] { literal.unicodeScalars.append(scalar) }
        }
        literal += "e\(scale)"
        return Double(literal).flatMap { $0.isFinite ? $0 : nil }
    }

    /// Whether the text between a numerator ending at `end` and a denominator starting at `start`
    /// joins them into a ratio: a slash, or `of`/`из` between blanks.
    private static func joined(_ text: ClaimScalars, _ end: Int, _ start: Int) -> Bool {
        let position = text.skipBlanks(from: end)
        if text.is(position, "/") { return text.skipBlanks(from: position + 1) == start }
        guard position > end, let first = text[position], let second = text[position + 1],
            text.isBlank(position + 2)
        else { return false }
        let word = (first == "o" || first == "O") && (second == "f" || second == "F")
            || (first == "и" || first == "И") && (second == "з" || second == "З")
        let after = text.skipBlanks(from: position + 2)
        return word && after == start
    }

    /// Where a ratio's percentage ends, if `candidate` is written as one right after the ratio.
    private static func percentEnd(_ text: ClaimScalars, after end: Int, _ candidate: Located) -> Int? {
        guard candidate.number.isPercent else { return nil }
        let position = text.skipBlanks(from: end)
        if text.is(position, "=") {
            return text.skipBlanks(from: position + 1) == candidate.start ? candidate.end : nil
        }
        if text.is(position, "(") {
            guard text.skipBlanks(from: position + 1) == candidate.start else { return nil }
            let close = text.skipBlanks(from: candidate.end)
            return text.is(close, ")") ? close + 1 : nil
        }
        return position == candidate.start && candidate.number.approximate ? candidate.end : nil
    }
}
