import PhaseModel

/// Judges test counts ("39/39 tests passing", "36 tests") against the scope's tests.
///
/// - Executed results come first. Subject `passing`: the claimed count against the tests that
///   passed, and the denominator of `n/m`, if written, against the tests executed. Any other
///   subject: verified when the count equals the tests executed or the tests defined.
/// - No executed results but tests defined: **unverifiable**; the `tests.not-run` finding
///   that this deserves is raised by the evidence rules, not here.
/// - Over the whole repository (no task or phase, or a repository without a plan), a count
///   below the tests executed may be about a part of them: **unverifiable**.
/// - No results and no tests defined: **contradicted** with 0, since the claimed tests leave
///   no trace at all ("9/9 passing" with neither a result file nor a test function).
struct TestCountJudge: ClaimJudge {
    let kinds: Set<ClaimKind> = [.testCount]
    let usesScope = true

    func judge(_ claim: Claim, in context: ClaimContext) -> ClaimJudgement {
        guard let claimed = claim.claimed else { return .unverifiable(ClaimNotes.noFigure) }
        let scope = context.scope
        guard let tests = scope.tests, tests.executed > 0 else {
            if let defined = scope.tests?.defined, defined > 0 {
                return .unverifiable(Self.notRunNote(defined: defined, scope: scope))
            }
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
        let note = ClaimFigure.text { language in
            let results = language == .en ? scope.results.en : scope.results.ru
            let (part, whole) = (ClaimFigure.number(passed, language), ClaimFigure.number(executed, language))
            return language == .en
                ? "\(part) of \(whole) executed tests passed \(results)"
                : "\(results) прошли \(part) из \(whole) выполненных тестов"
        }
        let countHolds = tolerance.accepts(claimed, against: passed, as: .count, bound: bound)
        let totalHolds = denominator.map { tolerance.accepts($0, against: executed, as: .count) } ?? true
        guard countHolds && totalHolds else { return .contradicted(claimed, evidence: passed, note: note) }
        return .verified(note, evidence: passed)
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
        return .contradicted(claimed, evidence: executed, note: note)
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
