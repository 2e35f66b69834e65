import PhaseModel

/// Judges test counts ("39/39 tests passing", "36 tests") against the scope's tests.
///
/// A count that names a test file, or counts the tests its commit added, is first judged
/// against those definitions (`TestDefinitionCount`); what follows is for the rest.
///
/// A count is compared only with a run it can be about. Result files are often one run of a
/// part of the suite (the end-to-end tests, one module), written at another time than the report;
/// a report's "220/220 passing" says nothing false about a committed file of 38 results.
///
/// - Subject `passing`: `n/m` is compared with the executed results only when m is the tests
///   executed (within tolerance): then n against the tests that passed, verified or contradicted.
///   Any other m is **unverifiable**: another run, or another part of the suite. A count without
///   its run (`30 passed`) is verified when it is the tests that passed, else **unverifiable**.
/// - Any other subject: verified when the count equals the tests executed or the tests defined;
///   otherwise **unverifiable**, since a count may be of a part ("12 new tests"), include subtests
///   and table cases the definitions do not show, or come from a run not committed.
/// - No executed results but tests defined: **unverifiable**; the `tests.not-run` finding that
///   this deserves is raised by the evidence rules, not here.
/// - Over the whole repository (no task or phase, or a repository without a plan), a count below
///   the tests executed may be about a part of them: **unverifiable**.
/// - No results and no tests defined in the scope: **contradicted** with 0 only when the whole
///   repository has no test at all ("9/9 passing" with neither a result file nor a test
///   function anywhere); when the repository has tests, the scope merely has none linked to it,
///   which is **unverifiable**.
struct TestCountJudge: ClaimJudge {
    let kinds: Set<ClaimKind> = [.testCount]
    let usesScope = true

    func judge(_ claim: Claim, in context: ClaimContext) -> ClaimJudgement {
        guard let claimed = claim.claimed else { return .unverifiable(ClaimNotes.noFigure) }
        // The test file the count names, or the commit that wrote it, is a narrower scope than any task's.
        if let judgement = TestDefinitionCount.judge(claim, claimed: claimed, tolerance: context.tolerance) {
            return judgement
        }
        let scope = context.scope
        guard let tests = scope.tests, tests.executed > 0 else {
            if let defined = scope.tests?.defined, defined > 0 {
                return .unverifiable(Self.notRunNote(defined: defined, scope: scope))
            }
            if scope.repositoryHasTests { return .unverifiable(Self.noneLinkedNote(scope)) }
            return .contradicted(claimed, evidence: 0, note: Self.noTestsNote(scope))
        }
        // Over the whole repository, "10/10 passing" may be about one module: a count below the
        // repository's own is not the same scope; one as large or beyond it is about all of them.
        if scope.isWholeRepository, (claim.denominator ?? claimed) < Double(tests.executed) {
            return .unverifiable(
                LocalizedText(message: "note.tests.part-of-run"))
        }
        if claim.subject == "passing" {
            return passing(claimed, of: claim.denominator, tests, scope: scope, tolerance: context.tolerance, bound: claim.bound)
        }
        return count(claimed, tests, scope: scope, tolerance: context.tolerance, bound: claim.bound)
    }

    private func passing(
        _ claimed: Double, of denominator: Double?, _ tests: TestEvidence, scope: ClaimScopeEvidence,
        tolerance: ClaimTolerance, bound: ClaimBound?
    ) -> ClaimJudgement {
        let passed = Double(tests.passed)
        let executed = Double(tests.executed)
        // Only the run the results hold can confirm or refute a claim: `n/m` where m is the tests
        // executed. A count without its run (`30 passed`) holds when it is the tests that passed,
        // and says nothing otherwise: it may be of a part, or of another run.
        if let denominator, !tolerance.accepts(denominator, against: executed, as: .count) {
            return .unverifiable(Self.otherRunNote(claimed: denominator, executed: executed, scope: scope))
        }
        let note = LocalizedText(
            message: "note.tests.passed",
            [
                "results": .localized(scope.results), "part": .localized(ClaimFigure.text { ClaimFigure.number(passed, $0) }),
                "whole": .localized(ClaimFigure.text { ClaimFigure.number(executed, $0) }),
            ])
        let countHolds = tolerance.accepts(claimed, against: passed, as: .count, bound: bound)
        if countHolds { return .verified(note, evidence: passed) }
        guard denominator != nil else {
            return .unverifiable(LocalizedText(message: "note.tests.run-unnamed", ["note": .localized(note)]))
        }
        return .contradicted(claimed, evidence: passed, note: note)
    }

    private func count(
        _ claimed: Double, _ tests: TestEvidence, scope: ClaimScopeEvidence, tolerance: ClaimTolerance,
        bound: ClaimBound?
    ) -> ClaimJudgement {
        let executed = Double(tests.executed)
        let defined = tests.defined.map { count in
            LocalizedText(
                message: "note.tests.executed.defined", ["defined": .localized(ClaimFigure.text { ClaimFigure.number(Double(count), $0) })])
        }
        let note = LocalizedText(
            message: "note.tests.executed",
            [
                "results": .localized(scope.results), "ran": .localized(ClaimFigure.text { ClaimFigure.number(executed, $0) }),
                "defined": .localized(defined ?? .empty),
            ])
        // `300+ tests` holds for any count from 300 up, `~300 tests` for a rounding of it.
        if tolerance.accepts(claimed, against: executed, as: .count, bound: bound) {
            return .verified(note, evidence: executed)
        }
        if let defined = tests.defined.map(Double.init), tolerance.accepts(claimed, against: defined, as: .count, bound: bound) {
            return .verified(note, evidence: defined)
        }
        let unmatched = LocalizedText(message: "note.tests.unmatched", ["note": .localized(note)])
        return .unverifiable(unmatched)
    }

    private static func otherRunNote(claimed: Double, executed: Double, scope: ClaimScopeEvidence) -> LocalizedText {
        LocalizedText(
            message: "note.tests.other-run",
            [
                "said": .localized(ClaimFigure.text { ClaimFigure.number(claimed, $0) }),
                "ran": .localized(ClaimFigure.text { ClaimFigure.number(executed, $0) }), "results": .localized(scope.results),
            ])
    }

    private static func noneLinkedNote(_ scope: ClaimScopeEvidence) -> LocalizedText {
        LocalizedText(message: "note.tests.none-linked", ["scope": .localized(scope.name)])
    }

    private static func notRunNote(defined: Int, scope: ClaimScopeEvidence) -> LocalizedText {
        LocalizedText(
            message: "note.tests.not-run",
            ["count": .localized(ClaimFigure.text { ClaimFigure.number(Double(defined), $0) }), "scope": .localized(scope.name)])
    }

    private static func noTestsNote(_ scope: ClaimScopeEvidence) -> LocalizedText {
        LocalizedText(message: "note.tests.none", ["scope": .localized(scope.name)])
    }
}
