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
                LocalizedText(
                    en: "the repository ran more tests than this count, which may be about a part of them; no task or phase says which",
                    ru: "в репозитории выполнено больше тестов, и счёт может относиться к их части; задача или фаза не указаны"))
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
        let note = ClaimFigure.text { language in
            let results = language == .en ? scope.results.en : scope.results.ru
            let (part, whole) = (ClaimFigure.number(passed, language), ClaimFigure.number(executed, language))
            return language == .en
                ? "\(part) of \(whole) executed tests passed \(results)"
                : "\(results) прошли \(part) из \(whole) выполненных тестов"
        }
        let countHolds = tolerance.accepts(claimed, against: passed, as: .count, bound: bound)
        if countHolds { return .verified(note, evidence: passed) }
        guard denominator != nil else {
            return .unverifiable(
                ClaimFigure.text { language in
                    let said = language == .en ? note.en : note.ru
                    return language == .en
                        ? "\(said); a count without the run it is of may be of a part of them, or of another run"
                        : "\(said); счёт без указания запуска может относиться к части тестов или к другому запуску"
                })
        }
        return .contradicted(claimed, evidence: passed, note: note)
    }

    private func count(
        _ claimed: Double, _ tests: TestEvidence, scope: ClaimScopeEvidence, tolerance: ClaimTolerance,
        bound: ClaimBound?
    ) -> ClaimJudgement {
        let executed = Double(tests.executed)
        let note = ClaimFigure.text { language in
            let results = language == .en ? scope.results.en : scope.results.ru
            let ran = ClaimFigure.number(executed, language)
            let defined = tests.defined.map { ClaimFigure.number(Double($0), language) }
            switch language {
            case .en:
                return "\(ran) tests were executed \(results)" + (defined.map { " and \($0) are defined in its test files" } ?? "")
            case .ru:
                return "\(results) выполнено тестов: \(ran)" + (defined.map { "; определено в файлах тестов: \($0)" } ?? "")
            }
        }
        // `300+ tests` holds for any count from 300 up, `~300 tests` for a rounding of it.
        if tolerance.accepts(claimed, against: executed, as: .count, bound: bound) {
            return .verified(note, evidence: executed)
        }
        if let defined = tests.defined.map(Double.init), tolerance.accepts(claimed, against: defined, as: .count, bound: bound) {
            return .verified(note, evidence: defined)
        }
        let unmatched = ClaimFigure.text { language in
            let said = language == .en ? note.en : note.ru
            return language == .en
                ? "\(said); the count matches neither, and may be of a part of them, include subtests, or come from a run not committed"
                : "\(said); счёт не совпадает ни с одним из чисел и может относиться к части тестов, включать подтесты или другой, не сохранённый запуск"
        }
        return .unverifiable(unmatched)
    }

    private static func otherRunNote(claimed: Double, executed: Double, scope: ClaimScopeEvidence) -> LocalizedText {
        ClaimFigure.text { language in
            let (said, ran) = (ClaimFigure.number(claimed, language), ClaimFigure.number(executed, language))
            let results = language == .en ? scope.results.en : scope.results.ru
            return language == .en
                ? "the claim speaks of a run of \(said) tests, but \(ran) were executed \(results): another run or another part of the suite"
                : "утверждение говорит о запуске \(said) тестов, а \(results) выполнено \(ran): это другой запуск или другая часть набора"
        }
    }

    private static func noneLinkedNote(_ scope: ClaimScopeEvidence) -> LocalizedText {
        LocalizedText(
            en: "the repository has tests, but no test result or definition is linked to \(scope.name.en)",
            ru: "в репозитории есть тесты, но для \(scope.name.ru) не найдено ни результатов, ни определений тестов")
    }

    private static func notRunNote(defined: Int, scope: ClaimScopeEvidence) -> LocalizedText {
        ClaimFigure.text { language in
            let count = ClaimFigure.number(Double(defined), language)
            return language == .en
                ? "\(count) tests are defined for \(scope.name.en) but no result file shows any of them run"
                : "для \(scope.name.ru) определено тестов: \(count), но ни один файл результатов не показывает их запуска"
        }
    }

    private static func noTestsNote(_ scope: ClaimScopeEvidence) -> LocalizedText {
        LocalizedText(
            en: "no test result and no test definition was found for \(scope.name.en)",
            ru: "для \(scope.name.ru) не найдено ни результатов тестов, ни определений тестов")
    }
}
