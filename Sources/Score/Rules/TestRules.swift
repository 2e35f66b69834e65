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
        let listed: [String: MessageArgument] = ["names": .text(shown.joined(separator: ", ")), "more": .count(more)]
        let names =
            shown.isEmpty
            ? .empty
            : LocalizedText(message: more > 0 ? "finding.tests.failing.names.more" : "finding.tests.failing.names", listed)
        let subject =
            task.map { LocalizedText(message: "finding.tests.failing.subject.task", ["task": .text($0.id)]) }
            ?? LocalizedText(message: "finding.tests.failing.subject.unlinked")
        return .rule(
            .testsFailing, task: task, at: failures.first?.source,
            message: LocalizedText(
                message: "finding.tests.failing.message",
                [
                    "subject": .localized(subject), "failed": .count(failed), "errored": .count(errored),
                    "executed": .count(executed), "names": .localized(names),
                ]),
            remediation: LocalizedText(message: "finding.tests.failing.remediation"))
    }

    private static func notRun(task: TaskRecord, defined: Int) -> Finding {
        .rule(
            .testsNotRun, task: task, at: nil,
            message: LocalizedText(message: "finding.tests.not-run.message", ["task": .text(task.id), "defined": .count(defined)]),
            remediation: LocalizedText(message: "finding.tests.not-run.remediation"))
    }
}
