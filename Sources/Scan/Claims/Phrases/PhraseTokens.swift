import PhaseModel

/// A span taken apart for the phrase families: its tokens, the `n/m` ratios among its numbers,
/// and the small look-arounds every family needs. Out-of-range indices read as "nothing there",
/// so patterns need no bounds checks.
struct PhraseTokens {
    let scalars: ClaimScalars
    let tokens: [PhraseToken]
    let ratios: [PhraseRatio]
    /// Index into `ratios` by the token index of a ratio's numerator.
    private let ratioByNumerator: [Int: Int]
    /// Token indices of ratios' denominators and percentages: figures that only count as part of their ratio.
    private let ratioTails: Set<Int>

    init(_ text: String) {
        let scalars = ClaimScalars(text)
        let tokens = PhraseLexer.tokens(in: scalars)
        self.scalars = scalars
        self.tokens = tokens
        self.ratios = PhraseRatio.ratios(in: scalars, tokens: tokens)
        var byNumerator: [Int: Int] = [:]
        var tails: Set<Int> = []
        for (index, ratio) in ratios.enumerated() {
            byNumerator[ratio.numerator] = index
            tails.insert(ratio.denominator)
            if let percent = ratio.percent { tails.insert(percent) }
        }
        self.ratioByNumerator = byNumerator
        self.ratioTails = tails
    }

    var count: Int { tokens.count }

    subscript(index: Int) -> PhraseToken? { index >= 0 && index < tokens.count ? tokens[index] : nil }

    // MARK: Reading tokens

    /// The lexicon key of a usable word at `index`.
    func word(_ index: Int) -> String? { self[index]?.word }

    func isWord(_ index: Int, in set: Set<String>) -> Bool { word(index).map(set.contains) ?? false }

    /// The same for a few words written in place (`in: ["of"]`): a literal set would be built,
    /// and every word hashed, at each call, which was a twentieth of reading a report.
    func isWord(_ index: Int, in words: [String]) -> Bool { word(index).map(words.contains) ?? false }

    /// The number at `index`, unless it is quoted code.
    func number(_ index: Int) -> ClaimNumber? { self[index]?.figure }

    func symbol(_ index: Int) -> Unicode.Scalar? { self[index]?.symbol }

    func isSymbol(_ index: Int, _ scalar: Unicode.Scalar) -> Bool { symbol(index) == scalar }

    /// Whether the token at `index` is a symbol among `scalars`.
    func isSymbol(_ index: Int, in scalars: String) -> Bool {
        symbol(index).map { scalars.unicodeScalars.contains($0) } ?? false
    }

    /// Whether an arrow starts at `index`: `→`, `⇒`, `➡`, or `->` and `=>` written with two signs.
    func isArrow(at index: Int) -> Bool {
        if isSymbol(index, in: "→⇒➡⟶") { return true }
        return (isSymbol(index, "-") || isSymbol(index, "=")) && isSymbol(index + 1, ">")
    }

    /// An emoji or pictograph (`✅`, `⚠️`, `🏆`): decoration around a figure, not punctuation.
    func isDecoration(_ index: Int) -> Bool {
        guard let scalar = symbol(index), !scalar.isASCII else { return false }
        return scalar.properties.isEmoji || scalar.properties.isEmojiPresentation
    }

    /// The ratio whose numerator is the token at `index`.
    func ratio(at index: Int) -> PhraseRatio? { ratioByNumerator[index].map { ratios[$0] } }

    /// Whether the token at `index` is a ratio's denominator or percentage.
    func isRatioTail(_ index: Int) -> Bool { ratioTails.contains(index) }

    // MARK: Moving

    /// The first index at or after `index` whose token does not satisfy `skip`, at most `limit` on.
    func skip(from index: Int, limit: Int = 6, _ skip: (Int) -> Bool) -> Int {
        var index = index
        var steps = 0
        while index < count, steps < limit, skip(index) {
            index += 1
            steps += 1
        }
        return index
    }

    /// The first index at or before `index` whose token does not satisfy `skip`, at most `limit` back.
    func skipBack(from index: Int, limit: Int = 6, _ skip: (Int) -> Bool) -> Int {
        var index = index
        var steps = 0
        while index >= 0, steps < limit, skip(index) {
            index -= 1
            steps += 1
        }
        return index
    }

    /// Past the punctuation between a label and its value: `:`, `=`, `—`, and decoration emoji.
    func afterLabel(_ index: Int) -> Int {
        skip(from: index) { isSymbol($0, in: ":=—–") || isDecoration($0) }
    }

    /// Back over label lead-ins (`Average Quality`, `Процент завершения`) from the label word at
    /// `index`; the index of the first word of the label.
    func labelStart(_ index: Int) -> Int {
        skipBack(from: index - 1, limit: 2) { isWord($0, in: PhraseLexicon.labelLeadIns) } + 1
    }

    /// Whether a clause or sentence ends between the tokens `from` and `to` (either order).
    func isSentenceBreak(between from: Int, and to: Int) -> Bool {
        let (low, high) = from < to ? (from, to) : (to, from)
        var index = low + 1
        while index < high {
            if isSymbol(index, in: ".!?;|\n") { return true }
            index += 1
        }
        return false
    }

    // MARK: Text

    /// Where each character of the span starts, and its end: computed once per span (and only
    /// for spans with claims), so widening a quote costs a bisection even beside a long cluster.
    func characterBoundaries() -> [String.Index] {
        Array(scalars.text.indices) + [scalars.text.endIndex]
    }

    /// The span's text from scalar `start` to scalar `end`, widened to whole characters so that
    /// the quoted text is exactly `String(span[range])`.
    func quote(_ start: Int, _ end: Int, boundaries: [String.Index]) -> (text: String, range: Range<String.Index>) {
        let text = scalars.text
        // The last boundary at or before the start, and the first at or after the end.
        let lower = boundaries[
            max(0, Self.firstBoundary(atOrAfter: scalars.indices[start], in: boundaries, orBefore: true))]
        let upper = boundaries[Self.firstBoundary(atOrAfter: scalars.indices[end], in: boundaries, orBefore: false)]
        return (String(text[lower..<upper]), lower..<upper)
    }

    /// The index of the first boundary at or after `index`; with `orBefore`, the last one at or before it.
    private static func firstBoundary(atOrAfter index: String.Index, in boundaries: [String.Index], orBefore: Bool)
        -> Int
    {
        var low = 0
        var high = boundaries.count - 1
        while low < high {
            let middle = (low + high) / 2
            if boundaries[middle] < index { low = middle + 1 } else { high = middle }
        }
        if orBefore, boundaries[low] > index { return low - 1 }
        return low
    }
}
