/// Finds the figures people claim in one span of plain text (a paragraph, list item, table cell,
/// heading or commit subject), in English and Russian (docs/design/claims-and-verdicts.md#extraction).
///
/// The span is split into tokens on top of `ClaimNumberScanner`, and each phrase family looks for
/// its wording around the numbers: test counts, lines of code, coverage, ratios, completion,
/// quality, grades, dates, durations, statuses, target margins and file counts. Figures that are
/// targets, requirements or plans (`Target: 80% coverage`, `at least 36 tests`) give no claim;
/// neither do version numbers, ids, issue numbers, times of day or digits inside code-like tokens,
/// which the number scanner never reads as numbers. Every step is linear in the span's length.
public enum ClaimPhraseScanner {
    /// The families in the order they settle a figure's meaning: a more specific reading first.
    static var families: [any PhraseFamily.Type] {
        [
            DatePhrases.self, TargetPhrases.self, TestCountPhrases.self, CompletionPhrases.self, RatioPhrases.self,
            QualityPhrases.self, CoveragePhrases.self, LinesOfCodePhrases.self, FileCountPhrases.self,
            DurationPhrases.self, GradePhrases.self, StatusPhrases.self,
        ]
    }

    /// The claims in `text`, in text order, at most one per figure. Each claim's `text` is
    /// `String(text[range])`.
    public static func claims(in text: String) -> [PhraseClaim] {
        let tokens = PhraseTokens(text)
        let accepted = accepted(in: tokens, first: false)
        guard !accepted.isEmpty else { return [] }
        let boundaries = tokens.characterBoundaries()
        func position(_ candidate: PhraseCandidate) -> (Int, Int) {
            (candidate.start ?? tokens.tokens[candidate.first].start, candidate.anchor)
        }
        return accepted.sorted { position($0) < position($1) }.map { $0.claim(in: tokens, boundaries: boundaries) }
    }

    /// Whether `claims(in: text)` finds any claim: the scan stops at the first one, and no claim
    /// is built. A report asks this of every text it prints that someone else wrote.
    public static func statesClaim(in text: String) -> Bool {
        !accepted(in: PhraseTokens(text), first: true).isEmpty
    }

    /// The candidates that become claims, in family order; only the first one when `first`. A
    /// candidate is accepted or not by the figures earlier ones took, so the first accepted is
    /// accepted whether or not the scan goes on.
    private static func accepted(in tokens: PhraseTokens, first: Bool) -> [PhraseCandidate] {
        guard tokens.count > 0 else { return [] }
        var taken = [Bool](repeating: false, count: tokens.count)
        var accepted: [PhraseCandidate] = []
        for family in families {
            for candidate in family.candidates(in: tokens, taken: taken) {
                guard !candidate.figures.isEmpty,
                    candidate.figures.allSatisfy({ !taken[$0] && !tokens.tokens[$0].isCode })
                else { continue }
                // A planned figure is spent too: no later family may read the target as a result.
                for figure in candidate.figures { taken[figure] = true }
                if candidate.checksPlan,
                    tokens.isPlanned(anchor: candidate.anchor) || tokens.isPlanned(after: candidate.last)
                {
                    continue
                }
                // `40% → 60%`: the figure before an arrow is where it stood, not where it stands.
                if tokens.isArrow(at: candidate.last + 1) { continue }
                accepted.append(candidate)
                if first { return accepted }
            }
        }
        return accepted
    }
}
