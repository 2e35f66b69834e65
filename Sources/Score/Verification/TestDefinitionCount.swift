import PhaseModel

/// Judges a test count against the tests defined in the test file it names, or in the test suite
/// it names (`testSuite`: a `describe` group, a test class, of one test file), or added by the
/// commit that wrote it (`ClaimFacts` counts them; `Claim.evidenceBasis` says which):
///
/// - Counts of tests (`count`, `new`): verified when the figure fits the definitions (`13+` any
///   count from 13 up, `~20` a rounding of it); otherwise contradicted, unless the files may run
///   other cases than they define (subtests, parametrized or generated tests: the figure may
///   count those), the figure is below the count and may be of a part of it (`ofPart`), or above
///   it while earlier commits may have added some of the tests (`earlierChanges`): then unverifiable.
/// - Counts of passing tests, and `n/m` counts: a run decides those, so the file only contradicts
///   a figure above what it defines; otherwise the scope's results judge it (`nil`).
/// - No count (a file absent at that commit, a name several files have, a commit that changed
///   no test file): unverifiable, with the reason.
enum TestDefinitionCount {
    /// The judgement, or `nil` when the claim has no such evidence or it leaves the claim to the
    /// scope's results.
    static func judge(_ claim: Claim, claimed: Double, tolerance: ClaimTolerance) -> ClaimJudgement? {
        guard let basis = claim.evidenceBasis else { return nil }
        let file = claim.verifiedValue.flatMap { $0 == basis.commit ? nil : $0 }
        switch basis.kind {
        case .absentAtDocumentCommit:
            return .unverifiable(TestDefinitionNotes.absent(file: file, commit: basis.commit))
        case .ambiguousPath:
            return .unverifiable(TestDefinitionNotes.ambiguous(claim.claimedValue))
        case .noTestChange:
            return .unverifiable(TestDefinitionNotes.noChange(file: file, commit: basis.commit))
        case .testFile, .testSuite, .testsAdded, .testsAddedSince:
            break
        case .documentCommit, .unknownCommit, .ambiguousCommit, .changedFiles:
            return nil
        }
        guard let defined = claim.verified else { return nil }
        let note: LocalizedText
        switch basis.kind {
        case .testsAddedSince: note = TestDefinitionNotes.gained(defined, file: file, since: basis.commit)
        case .testSuite: note = TestDefinitionNotes.suite(defined, suite: basis.suite, file: file, commit: basis.commit)
        default: note = TestDefinitionNotes.counted(defined, file: file, commit: basis.commit, added: basis.kind == .testsAdded)
        }
        let otherCases = basis.otherCases == true
        let earlier = basis.earlierChanges == true
        let figure = claim.denominator ?? claimed
        // `n/m` and passing counts say what a run did, which definitions cannot confirm.
        if claim.subject == "passing" || claim.denominator != nil {
            guard figure > defined, !otherCases, !earlier else { return nil }
            return .contradicted(figure, evidence: defined, note: TestDefinitionNotes.moreThanDefined(note))
        }
        if tolerance.accepts(figure, against: defined, as: .count, bound: claim.bound) {
            return .verified(note, evidence: defined)
        }
        if otherCases { return .unverifiable(TestDefinitionNotes.otherCases(note)) }
        if figure < defined, basis.ofPart == true { return .unverifiable(TestDefinitionNotes.part(note)) }
        if figure > defined, earlier { return .unverifiable(TestDefinitionNotes.earlier(note)) }
        return .contradicted(figure, evidence: defined, note: note)
    }
}
