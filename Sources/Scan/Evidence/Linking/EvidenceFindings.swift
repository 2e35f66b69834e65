import PhaseModel

/// Findings the evidence stage raises about the files it read, worded from the message catalogs.
///
/// A reader's problem detail (`EvidenceProblem.message`) is English, and the Russian finding
/// quotes it as it is: translating it would change phase.json, and so certification ids, before a
/// schemaVersion change.
enum EvidenceFindings {
    /// Most problem findings per file; the rest are counted in one more finding.
    static let perFileLimit = 20

    static func problem(_ problem: EvidenceProblem, kind: String) -> Finding {
        if problem.resultsKept { return figureProblem(problem, kind: kind) }
        return Finding(
            rule: .evidenceMalformed, severity: .major, at: .file(problem.file, line: problem.line),
            message: LocalizedText(message: "finding.evidence.malformed.message", arguments(problem, kind: kind)),
            remediation: LocalizedText(message: "finding.evidence.malformed.remediation")
        )
    }

    /// A figure beside a result (a duration) that could not be read; the result itself counts.
    static func figureProblem(_ problem: EvidenceProblem, kind: String) -> Finding {
        Finding(
            rule: .evidenceFigureUnreadable, severity: .minor, at: .file(problem.file, line: problem.line),
            message: LocalizedText(message: "finding.evidence.figure-unreadable.message", arguments(problem, kind: kind))
        )
    }

    /// The format's name, the file with its line, and the reader's detail.
    private static func arguments(_ problem: EvidenceProblem, kind: String) -> [String: MessageArgument] {
        let place = problem.file + (problem.line.map { ":\($0)" } ?? "")
        return ["kind": .text(kind), "place": .text(place), "problem": .text(problem.message)]
    }

    static func moreProblems(_ count: Int, file: String) -> Finding {
        Finding(
            rule: .evidenceMalformed, severity: .major, at: .file(file, line: nil),
            message: LocalizedText(message: "finding.evidence.malformed.more", ["file": .text(file), "count": .count(count)])
        )
    }

    static func moreFigureProblems(_ count: Int, file: String) -> Finding {
        Finding(
            rule: .evidenceFigureUnreadable, severity: .minor, at: .file(file, line: nil),
            message: LocalizedText(message: "finding.evidence.figure-unreadable.more", ["file": .text(file), "count": .count(count)])
        )
    }

    static func testSourceProblem(_ problem: EvidenceProblem) -> Finding {
        Finding(
            rule: .evidenceTestSourceUnreadable, severity: .minor, at: .file(problem.file, line: problem.line),
            message: LocalizedText(
                message: "finding.evidence.test-source-unreadable.message", ["file": .text(problem.file), "problem": .text(problem.message)])
        )
    }

    static func unlinked(_ counts: TestCounts) -> Finding {
        Finding(
            rule: .testsUnlinked, severity: .info,
            message: LocalizedText(message: "finding.tests.unlinked.message", ["count": .count(counts.executed)]),
            remediation: LocalizedText(message: "finding.tests.unlinked.remediation")
        )
    }

    /// `reason` is English in both languages, as phase.json has always stored it.
    static func helmRunFailed(chart: String, command: String, reason: String) -> Finding {
        let arguments: [String: MessageArgument] = ["command": .text(command), "chart": .text(chart), "reason": .text(reason)]
        return Finding(
            rule: .helmRunFailed, severity: .major, at: .file(chart, line: nil),
            message: LocalizedText(message: "finding.helm.run-failed.message", arguments),
            remediation: LocalizedText(message: "finding.helm.run-failed.remediation", arguments)
        )
    }
}
