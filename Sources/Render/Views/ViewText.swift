import PhaseModel

/// Formats model values for one locale: numbers, percentages, dates and labels from the catalog.
/// A missing value is the catalog's "no evidence", never 0.
struct ViewText: Sendable {
    let catalog: Catalog
    /// Shared by the views of one report run (`ReportRenderer` hands its own to each).
    var memo = FigureTextMemo()
    var locale: ReportLocale { catalog.locale }

    var none: String { catalog.text("value.none") }

    func number(_ value: Double?, digits: Int = 1) -> String {
        value.map { locale.number($0, fractionDigits: digits) } ?? none
    }

    func integer(_ value: Int?) -> String {
        value.map { locale.number(Double($0), fractionDigits: 0) } ?? none
    }

    func percent(_ value: Double?, digits: Int = 1) -> String {
        value.map { locale.percent($0, fractionDigits: digits) } ?? none
    }

    /// A signed change, "+2" / "-1,5"; "±0" for no change.
    func delta(_ value: Double, digits: Int = 1, percent: Bool = false) -> String {
        let shown = percent ? locale.percent(abs(value), fractionDigits: digits) : locale.number(abs(value), fractionDigits: digits)
        if shown == locale.number(0, fractionDigits: 0) || shown == locale.percent(0, fractionDigits: 0) { return "±" + shown }
        return (value < 0 ? "-" : "+") + shown
    }

    /// "done of total": "28/30", "7.25/8" (two decimals, so the ratio beside it can be checked).
    func fraction(_ part: Double, _ whole: Int) -> String {
        locale.number(part, fractionDigits: 2) + "/" + locale.number(Double(whole), fractionDigits: 0)
    }

    func date(_ isoDay: String?) -> String {
        isoDay.flatMap(locale.date) ?? none
    }

    func severity(_ severity: Severity) -> String { catalog.text("severity.\(severity.rawValue)") }

    func verdict(_ verdict: Verdict?) -> String { catalog.text("verdict.\(verdict?.rawValue ?? "notJudged")") }

    func passed(_ passed: Bool) -> String { catalog.text(passed ? "status.passed" : "status.failed") }

    /// A gate condition's actual figure; for one held failed by unread result files, with how many.
    func held(_ condition: GateCondition, actual: String) -> String {
        guard let unread = condition.unreadEvidence else { return actual }
        return catalog.text("gate.heldByUnread", ["actual": actual, "files": catalog.counted(unread, "noun.resultFile")])
    }

    func chart(_ status: ChartStatus) -> String { catalog.text("chart.\(status.rawValue)") }

    func text(_ localized: LocalizedText) -> String { localized.text(in: locale) }

    func location(_ file: String?, _ line: Int?, commit: String? = nil) -> String {
        if let file { return line.map { "\(file):\($0)" } ?? file }
        if let commit { return catalog.text("location.commit", ["id": String(commit.prefix(12))]) }
        return none
    }

    func location(_ provenance: Provenance?) -> String {
        switch provenance {
        case let .file(path, line)?: location(path, line)
        case let .commit(id)?: location(nil, nil, commit: id)
        case nil: none
        }
    }

    /// Findings by severity in one line: "1 critical, 0 major, 2 minor, 3 info".
    func findingCounts(_ counts: FindingCounts?) -> String {
        guard let counts else { return none }
        return Severity.allCases.map { catalog.counted(counts[$0], "count.\($0.rawValue)") }.joined(separator: ", ")
    }

    /// Findings as "c/M/m/i" for a table cell.
    func findingCells(_ counts: FindingCounts?) -> String {
        guard let counts else { return none }
        return Severity.allCases.map { String(counts[$0]) }.joined(separator: "/")
    }

    /// A task's state from its completion: done, in progress, not started, or unknown.
    func taskStatus(_ completion: Double?) -> String {
        switch completion {
        case nil: catalog.text("task.status.unknown")
        case let value? where value >= 1: catalog.text("task.status.done")
        case let value? where value > 0: catalog.text("task.status.inProgress")
        default: catalog.text("task.status.open")
        }
    }

    /// Tests of a task or phase as "passed/executed", with what did not pass named after it.
    func tests(_ tests: TestEvidence?) -> String {
        guard let tests, tests.executed > 0 else {
            if let defined = tests?.defined, defined > 0 {
                return catalog.text("tests.definedOnly", ["defined": integer(defined)])
            }
            return none
        }
        return integer(tests.passed) + "/" + integer(tests.executed)
    }
}
