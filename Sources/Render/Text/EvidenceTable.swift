import PhaseModel

/// The evidence files read, one row each: what they were read as and what they hold.
public enum EvidenceTable {
    public static func render(_ records: [EvidenceFileRecord]) -> String {
        guard !records.isEmpty else { return LocalizedText(message: "cli.evidence.none").en + "\n" }
        let rows = records.map { record -> [String] in
            [record.path, record.kind, summary(record), record.problems == 0 ? "" : "\(record.problems)"]
        }
        return TextTable(header: ["File", "Kind", "Holds", "Problems"], rows: rows).render()
    }

    static func summary(_ record: EvidenceFileRecord) -> String {
        if let tests = record.tests {
            var parts = ["\(tests.passed) passed", "\(tests.failed) failed", "\(tests.errored) errored", "\(tests.skipped) skipped"]
            if tests.flaky > 0 { parts.append("\(tests.flaky) flaky") }
            return parts.joined(separator: ", ")
        }
        if let coverage = record.coverage {
            let percent = coverage.percent.map { Decimal1.format($0) + "%" } ?? "—"
            let figures: [String: MessageArgument] = [
                "hit": .count(coverage.linesHit), "found": .count(coverage.linesFound), "percent": .text(percent),
                "files": .count(coverage.files),
            ]
            return LocalizedText(message: "cli.evidence.coverage", figures).en
        }
        if let charts = record.charts {
            return charts.map { "\($0.chart): \($0.status.rawValue)" }.joined(separator: ", ")
        }
        return ""
    }
}
