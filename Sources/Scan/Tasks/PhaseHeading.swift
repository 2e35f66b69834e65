import Foundation

/// A heading that opens a phase: `Phase 13: Production Packaging`, `Phase 14.6`, `Фаза 3: Хранилище`.
struct PhaseHeading: Equatable {
    init(id: String, name: String?, claim: String?) {
        self.id = id
        self.name = name
        self.claim = claim
    }

    /// The number as written: `13`, `14.6`, `0`.
    var id: String
    var name: String?
    /// What the heading claims about the phase (`COMPLETE 100% - 11/11 tasks complete`), if anything.
    var claim: String?

    private static let pattern: NSRegularExpression? = try? NSRegularExpression(
        pattern: #"(?<![\p{L}\p{N}])(?:phase|фаза|этап)\s+(\d+(?:\.\d+)*)(?![\p{L}\p{N}]|\.\d)"#,
        options: [.caseInsensitive]
    )

    /// Reads a heading's plain text; `nil` when it does not name a phase.
    init?(_ text: String) {
        guard let pattern = Self.pattern,
            let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let number = Range(match.range(at: 1), in: text), let whole = Range(match.range, in: text)
        else { return nil }
        id = String(text[number])
        let after = text[whole.upperBound...]
        // "Phase 9 - Complete": a dash right after the number introduces status, not a name.
        let trimmed = after.drop { $0 == " " || $0 == "\t" }
        if trimmed.first.map({ "-–—".contains($0) }) == true {
            name = nil
            let rest = String(trimmed).trimmingCharacters(in: StatusText.separators)
            claim = rest.isEmpty ? nil : rest
            return
        }
        // "Этап 2. Сборка": a dot after the number belongs to the number, not the name.
        let parts = StatusText.split(String(trimmed.first == "." ? trimmed.dropFirst() : trimmed))
        name = parts.name.isEmpty ? nil : parts.name
        claim = parts.rest.isEmpty ? nil : parts.rest
    }
}
