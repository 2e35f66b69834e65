import Foundation
import PhaseModel
import TestSupport

/// A repository built at test time for the acceptance tests of scoring and audit, with what was
/// written into it kept at hand, so a test can say where a finding or claim must point without
/// counting lines by hand.
struct FixtureRepository: Sendable {
    let repository: GitRepositoryBuilder
    /// The text of every file written, by repository-relative path, as last written.
    let files: [String: String]
    /// Commit ids by subject, in the order they were made.
    let commits: [(subject: String, id: String)]

    var path: String { repository.path }

    /// The full id of the commit with this subject.
    func commit(_ subject: String) -> String? { commits.first { $0.subject == subject }?.id }

    /// The 1-based line of `file` holding `needle`, first match; `nil` when no line does.
    func line(of needle: String, in file: String) -> Int? {
        guard let text = files[file] else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }
}

/// Writes files and commits them with fixed dates, remembering both.
private final class FixtureWriter {
    let repository: GitRepositoryBuilder
    private(set) var files: [String: String] = [:]
    private(set) var commits: [(subject: String, id: String)] = []
    private var minute = 0

    init() throws {
        repository = try GitRepositoryBuilder()
    }

    func write(_ path: String, _ text: String) throws {
        try repository.write(path, text)
        files[path] = text
    }

    /// Commits everything on `day` (`yyyy-MM-dd`), one minute after the previous commit, so
    /// every date a report states can be checked against a known span.
    @discardableResult
    func commit(_ subject: String, on day: String) throws -> String {
        minute += 1
        let time = "\(day)T09:\(minute < 10 ? "0" : "")\(minute):00+00:00"
        let id = try repository.commit(subject, date: time)
        commits.append((subject, id))
        return id
    }

    /// A task folder with non-trivial `requirements.md` (unless left out) and a `tasks.md` whose items
    /// are checked as given.
    func task(_ folder: String, title: String, items: [(String, Bool)], requirements: Bool = true) throws {
        if requirements {
            try write("\(folder)/requirements.md", """
                # Requirements: \(title)

                - The \(title.lowercased()) works end to end.
                - Errors are reported to the caller with a reason.
                - The behaviour is described in the checklist.

                """)
        }
        let lines = items.map { "- [\($0.1 ? "x" : " ")] \($0.0)" }
        try write("\(folder)/tasks.md", "# Checklist\n\n" + lines.joined(separator: "\n") + "\n")
    }

    func finish() -> FixtureRepository {
        SharedFixtureFolders.keepUntilExit(repository.folder)
        return FixtureRepository(repository: repository, files: files, commits: commits)
    }
}

/// The two repositories of the acceptance tests.
///
/// **Dirty** (phase 1 "Core Services" TN-001…TN-008, phase 2 "Release Hardening" TN-009…TN-016)
/// holds one instance of every evidence finding rule and claims of every kind with every verdict:
///
/// | task | what is wrong with it |
/// |---|---|
/// | TN-001 | its chart `charts/api` fails `helm lint` (Chart.yaml without a version) |
/// | TN-002 | its chart `charts/web` fails `helm template` at templates/broken.yaml:15 |
/// | TN-003 | one of its three pytest tests fails |
/// | TN-004 | `// TODO(TN-004): …` in src/billing.go; its report names a missing runbook |
/// | TN-005 | its Go test file defines two tests that never ran |
/// | TN-006 | checked in the master list with 3 of 4 checklist items done; its report says COMPLETE |
/// | TN-007 | not checked; one checklist item deferred to the next phase |
/// | TN-008 | no requirements.md |
/// | TN-009 | folder `tasks/TN-09-search-index` |
/// | TN-010 | two folders |
/// | TN-011 | listed, not checked, no folder |
/// | TN-012 | checked, but no commit names it |
/// | TN-013 | 60% line coverage of the file it touched |
/// | TN-014 | checked, depends on TN-007 |
/// | TN-015 | all good: 4 passing tests, 90% coverage, a truthful report |
/// | TN-016 | its report claims 9/9 passing tests with no test linked to it (unverifiable: the repository has tests), a wrong LOC, 16 files over 17 |
///
/// plus an English phase-1 report and a Russian phase-2 summary with the arithmetic patterns.
/// Every commit is on 2025-12-01.
///
/// **Clean** (phase 1 "Ledger", TN-001 and TN-002) is complete, documented, tested, covered and
/// committed over 2025-12-01…2025-12-04, with a report whose every claim holds.
enum AssessmentFixture {
    /// The day every commit of the dirty repository is made on.
    static let dirtyDay = "2025-12-01"

    /// Built once per test process; tests only read it.
    static let dirty: Result<FixtureRepository, any Error> = Result { try buildDirty() }

    /// Built once per test process; tests only read it.
    static let clean: Result<FixtureRepository, any Error> = Result { try buildClean() }

    // MARK: Dirty

    static let masterList = """
        # Shop Platform Tasks

        ## Phase 1: Core Services

        - [x] **TN-001** API chart
        - [x] **TN-002** Web chart
        - [x] **TN-003** Orders service
        - [x] **TN-004** Billing service
        - [x] **TN-005** Stock service
        - [x] **TN-006** Checkout flow
        - [ ] **TN-007** Reporting exports
        - [x] **TN-008** Audit log

        ## Phase 2: Release Hardening

        - [x] **TN-009** Search index
        - [x] **TN-010** Cache layer
        - [ ] **TN-011** Load testing
        - [x] **TN-012** Operations runbook
        - [x] **TN-013** Pricing rules
        - [x] **TN-014** Monthly statements
        - [x] **TN-015** Notifications
        - [x] **TN-016** Refunds

        """

    static let done = [("Sketch the design", true), ("Write the code", true), ("Review the change", true)]

    /// The seventeen files TN-016's report lists under a heading that says sixteen.
    static let refundFiles = [
        "__init__.py", "api.py", "models.py", "schemas.py", "service.py", "repository.py", "events.py",
        "errors.py", "policies.py", "ledger.py", "notifications.py", "permissions.py", "serializers.py",
        "settings.py", "tasks.py", "urls.py", "views.py",
    ].map { "src/refunds/\($0)" }

    static let lintOutput = """
        ==> Linting charts/api
        [ERROR] Chart.yaml: version is required
        [INFO] Chart.yaml: icon is recommended
        [ERROR] templates/: validation: chart.metadata.version is required
        [ERROR] : unable to load chart
        \tvalidation: chart.metadata.version is required

        Error: 1 chart(s) linted, 1 chart(s) failed

        """

    static let templateOutput = """
        Error: parse error at (web/templates/broken.yaml:15): function "foo" not defined

        Use --debug flag to render out invalid YAML

        """

    static let ordersResults = """
        <?xml version="1.0" encoding="utf-8"?>
        <testsuites>
        <testsuite name="pytest" errors="0" failures="1" skipped="0" tests="3">
        <testcase classname="tests.test_orders" name="test_create" time="0.01"/>
        <testcase classname="tests.test_orders" name="test_cancel" time="0.01"><failure message="expected cancelled, got open">assert 'open' == 'cancelled'</failure></testcase>
        <testcase classname="tests.test_orders" name="test_list" time="0.01"/>
        </testsuite>
        </testsuites>

        """

    static let notifyResults = """
        <?xml version="1.0" encoding="utf-8"?>
        <testsuites>
        <testsuite name="pytest" errors="0" failures="0" skipped="0" tests="4">
        <testcase classname="tests.test_notify" name="test_email" time="0.01"/>
        <testcase classname="tests.test_notify" name="test_sms" time="0.01"/>
        <testcase classname="tests.test_notify" name="test_retry" time="0.01"/>
        <testcase classname="tests.test_notify" name="test_template" time="0.01"/>
        </testsuite>
        </testsuites>

        """

    /// lcov for `path`: `found` instrumented lines, the first `hit` of them run.
    static func lcovRecord(_ path: String, found: Int, hit: Int) -> String {
        let lines = (1...found).map { "DA:\($0),\($0 <= hit ? 1 : 0)" }
        return (["TN:", "SF:\(path)"] + lines + ["LF:\(found)", "LH:\(hit)", "end_of_record"]).joined(separator: "\n") + "\n"
    }

    /// `count` lines of Python, numbered so no two files are alike.
    static func python(_ name: String, lines count: Int) -> String {
        (1...count).map { "\(name)_value_\($0) = \($0)" }.joined(separator: "\n") + "\n"
    }

    /// A commit prefix that names no commit of the history.
    static func unknownPrefix(besides commits: [(subject: String, id: String)]) -> String {
        let candidates = ["deadbee", "badc0de", "0ddba11", "feedfac", "c0ffee5"]
        return candidates.first { prefix in !commits.contains { $0.id.hasPrefix(prefix) } } ?? "fffffff"
    }

    private static func buildDirty() throws -> FixtureRepository {
        let w = try FixtureWriter()
        let day = dirtyDay
        try w.write("tasks/TASKS.md", masterList)
        try w.task("tasks/TN-001-api-chart", title: "API chart", items: done)
        try w.task("tasks/TN-002-web-chart", title: "Web chart", items: done)
        try w.task("tasks/TN-003-orders-service", title: "Orders service", items: done)
        try w.task("tasks/TN-004-billing-service", title: "Billing service", items: done)
        try w.task("tasks/TN-005-stock-service", title: "Stock service", items: done)
        try w.task("tasks/TN-006-checkout-flow", title: "Checkout flow", items: [
            ("Sketch the design", true), ("Write the code", true), ("Review the change", true),
            ("Handle expired carts", false),
        ])
        try w.task("tasks/TN-007-reporting-exports", title: "Reporting exports", items: [
            ("Define the export format", true), ("Build the CSV writer", true),
            ("Schedule nightly exports (deferred to the next phase)", false), ("Add PDF output", false),
        ])
        try w.task("tasks/TN-008-audit-log", title: "Audit log", items: done, requirements: false)
        try w.task("tasks/TN-09-search-index", title: "Search index", items: done)
        try w.task("tasks/TN-010-cache", title: "Cache layer", items: done)
        try w.write("tasks/TN-010-cache-layer/notes.md", "# Notes\n\nAn earlier folder for the cache layer.\n")
        try w.task("tasks/TN-012-operations-runbook", title: "Operations runbook", items: done)
        try w.task("tasks/TN-013-pricing-rules", title: "Pricing rules", items: done)
        try w.task("tasks/TN-014-monthly-statements", title: "Monthly statements", items: done)
        try w.write("tasks/TN-014-monthly-statements/task.yml", "dependencies:\n  - TN-007\n")
        try w.task("tasks/TN-015-notifications", title: "Notifications", items: done)
        try w.task("tasks/TN-016-refunds", title: "Refunds", items: done)
        try w.commit("chore: master list and task folders", on: day)

        try w.write("charts/api/Chart.yaml", "apiVersion: v2\nname: api\n")
        try w.write("charts/api/templates/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\n")
        try w.commit("TN-001: api chart", on: day)

        try w.write("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n")
        let broken = ["apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: web", "data:"]
            + "abcdefghi".map { "  \($0): \"1\"" } + ["  j: {{ foo .Values }}"]
        try w.write("charts/web/templates/broken.yaml", broken.joined(separator: "\n") + "\n")
        try w.commit("TN-002: web chart", on: day)

        try w.write("src/orders.py", python("orders", lines: 8))
        try w.write("tests/test_orders.py", """
            def test_create():
                pass


            def test_cancel():
                pass


            def test_list():
                pass

            """)
        try w.commit("TN-003: orders service with tests", on: day)

        try w.write("src/billing.go", """
            package billing

            func Invoice(amount int) int {
            \t// TODO(TN-004): apply the regional tax table before invoicing
            \treturn amount
            }

            """)
        try w.commit("TN-004: billing service", on: day)

        try w.write("inventory/stock.go", "package inventory\n\nfunc Reserve(n int) int {\n\treturn n\n}\n")
        try w.write("inventory/stock_test.go", """
            package inventory

            import "testing"

            func TestReserve(t *testing.T) {}
            func TestRelease(t *testing.T) {}

            """)
        try w.commit("TN-005: stock service", on: day)

        try w.write("src/checkout.py", python("checkout", lines: 6))
        try w.commit("TN-006: checkout flow", on: day)
        try w.write("src/exports.py", python("exports", lines: 6))
        try w.commit("TN-007: csv export writer", on: day)
        try w.write("src/audit.py", python("audit", lines: 5))
        try w.commit("TN-008: audit log", on: day)
        try w.write("src/search.py", python("search", lines: 5))
        try w.commit("TN-009: search index", on: day)
        try w.write("src/cache.py", python("cache", lines: 5))
        try w.commit("TN-010: cache layer", on: day)
        try w.write("src/pricing.py", python("pricing", lines: 10))
        try w.commit("TN-013: pricing rules", on: day)
        try w.write("src/statements.py", python("statements", lines: 5))
        try w.commit("TN-014: monthly statements", on: day)

        try w.write("src/notify.py", python("notify", lines: 40))
        try w.write("tests/test_notify.py", """
            def test_email():
                pass


            def test_sms():
                pass


            def test_retry():
                pass


            def test_template():
                pass

            """)
        try w.commit("TN-015: notification sender, 4/4 tests passing", on: day)

        try w.write("src/refund_rules.py", python("refund_rules", lines: 12))
        for file in refundFiles {
            try w.write(file, python(file.split(separator: "/").last.map { String($0.dropLast(3)) } ?? "m", lines: 2))
        }
        try w.commit("TN-016: refunds", on: day)

        try w.write("ci/helm-lint.txt", lintOutput)
        try w.write("ci/helm-template.txt", templateOutput)
        try w.write("results/orders.xml", ordersResults)
        try w.write("results/notify.xml", notifyResults)
        try w.write("coverage/lcov.info", lcovRecord("src/pricing.py", found: 10, hit: 6) + lcovRecord("src/notify.py", found: 10, hit: 9))
        try w.commit("ci: helm output, test results and coverage", on: day)

        let orders = w.commits.first { $0.subject.hasPrefix("TN-003") }?.id ?? ""
        try writeDirtyReports(w, ordersCommit: String(orders.prefix(7)), unknown: unknownPrefix(besides: w.commits))
        try w.commit("docs: completion reports", on: day)
        return w.finish()
    }

    private static func writeDirtyReports(_ w: FixtureWriter, ordersCommit: String, unknown: String) throws {
        try w.write("docs/PHASE-1-REPORT.md", """
            # Phase 1: Core Services — Completion Report

            Prepared by the platform team on 2025-12-01.

            ## Summary

            Completion: 95% (7.25/8 tasks complete)

            - Endpoints documented (9/10 = 95%)
            - Review comments resolved (28/30 = 93%)
            - Kick-off meeting held on 2025-10-01.
            - Phase quality: 148.3% (exceeds the 150% target by -1.7%)

            ## Task Matrix

            | Task | Title | Tests | Quality |
            | --- | --- | --- | --- |
            | TN-003 | Orders service | 3 | 140% |
            | TN-004 | Billing service | 5 | 150% |
            | TN-006 | Checkout flow | 4 | 152% |
            | **Total** | | 13 | |

            Average quality: 148.3%

            ## Effort

            | Task | Hours |
            | --- | --- |
            | TN-001 | 6 |
            | TN-002 | 4 |
            | TN-005 | 5 |
            | Total | 15 |

            ## History

            | Commit | Task | Change |
            | --- | --- | --- |
            | `\(ordersCommit)` | TN-003 | orders service |
            | `\(unknown)` | TN-004 | billing service |

            """)
        try w.write("docs/PHASE-2-SUMMARY.ru.md", """
            # Фаза 2: Укрепление релиза — итоговый отчёт

            Процент завершения: 90 % (7/8 задач завершены)

            ## Качество задач

            | Задача | Название | Качество |
            | --- | --- | --- |
            | TN-009 | Поисковый индекс | 150 % |
            | TN-013 | Правила цен | 146 % |
            | TN-015 | Уведомления | 144 % |

            **Средний уровень качества**: 148,3 %

            Итоговое качество фазы 148,3 % превышает цель 150 % на -1,7 %.

            ## Трудозатраты

            | Задача | Часы |
            | --- | --- |
            | TN-012 | 3 |
            | TN-013 | 5 |
            | Среднее | 4 |

            """)
        try w.write("tasks/TN-004-billing-service/COMPLETION-REPORT.md", """
            # Billing Service — Completion Report

            ## Deliverables

            - `src/billing.go`
            - `docs/billing-runbook.md`

            """)
        try w.write("tasks/TN-005-stock-service/COMPLETION-REPORT.md", """
            # Stock Service — Completion Report

            The stock package has 2 tests.

            """)
        try w.write("tasks/TN-006-checkout-flow/COMPLETION-REPORT.md", """
            # Checkout Flow — Completion Report

            Status: COMPLETE

            Checklist: 3/4 tasks complete

            """)
        try w.write("tasks/TN-015-notifications/COMPLETION-REPORT.md", """
            # Notifications — Completion Report

            Status: ✅ COMPLETE

            ## Figures

            - 4/4 tests passing
            - 90% coverage
            - `src/notify.py` (40 LOC)
            - Quality: 150%
            - Grade: A+
            - A delivery rate of 99.5% exceeds the 95% target by 4.5%.

            ## Deliverables (2 files)

            - `src/notify.py`
            - `tests/test_notify.py`

            """)
        let listed = refundFiles.map { "- `\($0)`" }.joined(separator: "\n")
        try w.write("tasks/TN-016-refunds/COMPLETION-REPORT.md", """
            # Refunds — Completion Report

            ## Figures

            - 9/9 tests passing
            - Coverage: 85%
            - `src/refund_rules.py` (250 LOC)
            - Duration: 4 hours

            ## Files Created (16 total)

            \(listed)

            """)
    }

    // MARK: Clean

    static let cleanMasterList = """
        # Ledger Tasks

        ## Phase 1: Ledger

        - [x] **TN-001** Ledger core
        - [x] **TN-002** Balance queries

        """

    static let cleanResults = """
        <?xml version="1.0" encoding="utf-8"?>
        <testsuites>
        <testsuite name="pytest" errors="0" failures="0" skipped="0" tests="7">
        <testcase classname="tests.test_ledger" name="test_post" time="0.01"/>
        <testcase classname="tests.test_ledger" name="test_reverse" time="0.01"/>
        <testcase classname="tests.test_ledger" name="test_close_day" time="0.01"/>
        <testcase classname="tests.test_ledger" name="test_reopen_day" time="0.01"/>
        <testcase classname="tests.test_balance" name="test_balance" time="0.01"/>
        <testcase classname="tests.test_balance" name="test_history" time="0.01"/>
        <testcase classname="tests.test_balance" name="test_empty" time="0.01"/>
        </testsuite>
        </testsuites>

        """

    /// Python test functions named `names`, each passing.
    static func pythonTests(_ names: [String]) -> String {
        names.map { "def \($0)():\n    pass\n" }.joined(separator: "\n\n")
    }

    private static func buildClean() throws -> FixtureRepository {
        let w = try FixtureWriter()
        try w.write("tasks/TASKS.md", cleanMasterList)
        try w.task("tasks/TN-001-ledger-core", title: "Ledger core", items: done)
        try w.task("tasks/TN-002-balance-queries", title: "Balance queries", items: done)
        try w.commit("chore: master list and task folders", on: "2025-12-01")

        try w.write("src/ledger.py", python("ledger", lines: 12))
        try w.commit("TN-001: ledger core", on: "2025-12-01")
        try w.write("tests/test_ledger.py", pythonTests(["test_post", "test_reverse", "test_close_day", "test_reopen_day"]))
        try w.commit("TN-001: ledger tests", on: "2025-12-02")
        try w.write("src/balance.py", python("balance", lines: 9))
        try w.commit("TN-002: balance queries", on: "2025-12-03")
        try w.write("tests/test_balance.py", pythonTests(["test_balance", "test_history", "test_empty"]))
        try w.commit("TN-002: balance tests", on: "2025-12-04")

        try w.write("results/junit.xml", cleanResults)
        try w.write("coverage/lcov.info", lcovRecord("src/ledger.py", found: 12, hit: 12) + lcovRecord("src/balance.py", found: 9, hit: 9))
        try w.commit("ci: test results and coverage", on: "2025-12-04")

        let core = w.id(of: "TN-001: ledger core").prefix(7)
        let balance = w.id(of: "TN-002: balance queries").prefix(7)
        try w.write("docs/PHASE-1-REPORT.md", """
            # Phase 1: Ledger — Completion Report

            Report date: 2025-12-04

            Status: ✅ COMPLETE

            Completion: 100% (2/2 tasks complete)

            ## Figures

            - 7/7 tests passing
            - 100% coverage
            - `src/ledger.py` (12 LOC)
            - Work started on 2025-12-01 and finished on 2025-12-04.
            - Duration: 3 days
            - Quality: 100%
            - Grade: A+

            ## Tests per Task

            | Task | Tests |
            | --- | --- |
            | TN-001 | 4 |
            | TN-002 | 3 |
            | Total | 7 |

            ## History

            | Commit | Task |
            | --- | --- |
            | `\(core)` | TN-001 |
            | `\(balance)` | TN-002 |

            ## Deliverables (4 files)

            - `src/ledger.py`
            - `src/balance.py`
            - `tests/test_ledger.py`
            - `tests/test_balance.py`

            """)
        try w.commit("docs: phase report", on: "2025-12-04")
        return w.finish()
    }
}

extension FixtureWriter {
    /// The id of the commit with this subject; empty when there is none (the report then names
    /// no commit, and the test that checks it fails).
    fileprivate func id(of subject: String) -> String {
        commits.first { $0.subject == subject }?.id ?? ""
    }
}
