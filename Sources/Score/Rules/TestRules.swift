import PhaseModel

/// `tests.failing` and `tests.not-run`: what the test results linked to each task say.
enum TestRules {
    /// Most failing test names quoted in one message.
    static let namesShown = 3

    static func findings(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for task in context.workspace.tasks {
            guard let tests = task.tests else { continue }
            let broken = tests.failed + tests.errored
            if broken > 0 {
                let failures = context.workspace.testFailures.filter { $0.tasks.contains(task.id) }
                findings.append(
                    failing(
                        task: task, failed: tests.failed, errored: tests.errored, executed: tests.executed,
                        failures: failures))
            }
            if let defined = tests.defined, defined > 0, tests.executed == 0 {
                findings.append(notRun(task: task, defined: defined))
            }
        }
        if let unlinked = context.workspace.tests?.unlinked, unlinked.failed + unlinked.errored > 0 {
            let failures = context.workspace.testFailures.filter(\.tasks.isEmpty)
            findings.append(
                failing(
                    task: nil, failed: unlinked.failed, errored: unlinked.errored, executed: unlinked.executed,
                    failures: failures))
        }
        return findings
    }

    private static func failing(task: TaskRecord?, failed: Int, errored: Int, executed: Int, failures: [TestFailure]) -> Finding {
        let shown = failures.prefix(namesShown).map(\.name)
        let more = failures.count - shown.count
        let namesEn = shown.isEmpty ? "" : " Failing: " + shown.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "") + "."
        let namesRu = shown.isEmpty ? "" : " Не прошли: " + shown.joined(separator: ", ") + (more > 0 ? " и ещё \(more)" : "") + "."
        let subjectEn = task.map { "Tests of \($0.id)" } ?? "Tests linked to no task"
        let subjectRu = task.map { "Тесты задачи \($0.id)" } ?? "Тесты, не связанные ни с одной задачей,"
        return .rule(
            .testsFailing, task: task, at: failures.first?.source,
            message: LocalizedText(
                en: "\(subjectEn) do not pass: \(failed) failed, \(errored) errored of \(executed) run.\(namesEn)",
                ru: "\(subjectRu) не проходят: упало — \(failed), с ошибкой — \(errored), всего запущено — \(executed).\(namesRu)"),
            remediation: LocalizedText(
                en: "Fix the failing tests or the code they test, run them again and save the new results.",
                ru: "Исправьте падающие тесты или проверяемый ими код, запустите их снова и сохраните новые результаты."))
    }

    private static func notRun(task: TaskRecord, defined: Int) -> Finding {
        .rule(
            .testsNotRun, task: task, at: nil,
            message: LocalizedText(
                en: "The test files of \(task.id) define \(defined) tests, but no result file shows any of them run.",
                ru: "В тестовых файлах задачи \(task.id) определено тестов: \(defined), но ни один файл результатов не показывает их запуска."),
            remediation: LocalizedText(
                en: "Run the tests and keep their results in the repository as JUnit XML, go test -json output or TAP.",
                ru: "Запустите тесты и сохраните их результаты в репозитории в формате JUnit XML, go test -json или TAP."))
    }
}
