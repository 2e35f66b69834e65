import PhaseModel
import Testing
import TextSupport
@testable import Render

/// The audit report of a phase: claimed | verified | discrepancy | verdict, in English and Russian.
struct AuditViewTests {
    private static let sections: [ReportLocale: [String]] = [
        .en: [
            "# Phase 13\\: audit of claims", "## Summary", "## Claimed and verified, by task", "### Task TN-001",
            "### Task TN-002", "## Claimed and verified, for the phase as a whole", "## Contradicted claims",
            "## Inconsistent claims", "## Arithmetic errors in existing reports", "## Claims that could not be checked",
            "## Figures from other scoring models", "## Sources read",
        ],
        .ru: [
            "# Фаза 13\\: аудит утверждений", "## Сводка", "## Заявлено и проверено: по задачам", "### Задача TN-001",
            "### Задача TN-002", "## Заявлено и проверено: фаза в целом", "## Опровергнутые утверждения",
            "## Противоречивые утверждения", "## Арифметические ошибки в существующих отчётах",
            "## Утверждения, которые нельзя проверить", "## Оценки других моделей", "## Прочитанные источники",
        ],
    ]

    private static func lines(_ markdown: String) -> [String] { markdown.components(separatedBy: "\n") }

    @Test(arguments: ReportLocale.allCases)
    func everySectionIsThereInOrder(locale: ReportLocale) throws {
        let lines = Self.lines(try AuditFixture.audit(locale))
        let positions = try (Self.sections[locale] ?? []).map { heading in
            try #require(lines.firstIndex(of: heading), "missing \(heading)")
        }
        #expect(positions == positions.sorted())
    }

    @Test func theVerdictsAreCountedAndAddUpToTheTotal() throws {
        let en = Self.lines(try AuditFixture.audit(.en))
        #expect(en.contains("phasecert found 12 claims about this phase and its tasks."))
        let counts = ["| `verified` | 3 |", "| `contradicted` | 3 |", "| `inconsistent` | 3 |", "| `unverifiable` | 1 |", "| `not judged` | 2 |", "| Total | 12 |"]
        let start = try #require(en.firstIndex(of: counts[0]))
        #expect(Array(en[start..<(start + counts.count)]) == counts)
        let ru = Self.lines(try AuditFixture.audit(.ru))
        #expect(ru.contains("phasecert нашёл 12 утверждений об этой фазе и её задачах."))
        #expect(ru.contains("| `опровергнуто` | 3 |"))
        #expect(ru.contains("| Итого | 12 |"))
    }

    @Test func aContradictedClaimIsShownWithItsSourceQuoteFiguresAndVerdict() throws {
        let en = Self.lines(try AuditFixture.audit(.en))
        let source = "tasks/TN-001-redis/COMPLETION\\_REPORT.md\\:12"
        #expect(en.contains(
            "| \(source) | test count | \\`39/39 tests passing\\` | 39/39 | 38 | \\-1 | `contradicted` |"))
        #expect(en.contains(
            "| \(source) | \\`39/39 tests passing\\` | 39/39 | 38 | \\-1 | "
                + "\\`38 of 39 executed tests passed in results linked to TN-001\\` |"))
        let ru = Self.lines(try AuditFixture.audit(.ru))
        #expect(ru.contains(
            "| \(source) | число тестов | \\`39/39 tests passing\\` | 39/39 | 38 | \\-1 | `опровергнуто` |"))
        #expect(ru.contains(
            "| \(source) | \\`39/39 tests passing\\` | 39/39 | 38 | \\-1 | "
                + "\\`по-русски\\: 38 of 39 executed tests passed in results linked to TN-001\\` |"))
    }

    @Test func percentagesDatesAndCommitsUseTheLocaleAndTheClaimsUnit() throws {
        let en = Self.lines(try AuditFixture.audit(.en))
        #expect(en.contains(
            "| tasks/TASKS.md\\:3 | completion | \\`COMPLETED 100%\\` | 100% | 66\\.67% | \\-33.33 pp | `contradicted` |"))
        #expect(en.contains(
            "| commit 0123456789ab | commit reference | \\`0123456\\` | 0123456 | 0123456789ab | — | `verified` |"))
        // A date would be read as a claim again, so the report quotes it too.
        #expect(en.contains {
            $0.contains("| \\`December 24, 2025\\` | \\`November 1, 2025 to November 30, 2025\\` | \\`24 days\\` |")
        })
        let ru = Self.lines(try AuditFixture.audit(.ru))
        #expect(ru.contains(
            "| tasks/TASKS.md\\:3 | завершённость | \\`COMPLETED 100%\\` | 100\u{A0}% | 66,67\u{A0}% | \\-33,33\u{A0}п.\u{A0}п. | `опровергнуто` |"))
        #expect(ru.contains {
            $0.contains("| \\`24 декабря 2025\u{A0}г.\\` | \\`с 1 ноября 2025\u{A0}г. по 30 ноября 2025\u{A0}г.\\` | \\`24 дня\\` |")
        })
    }

    @Test func inconsistentClaimsShowWhatTheDocumentsOwnFiguresGive() throws {
        let en = Self.lines(try AuditFixture.audit(.en))
        let source = "tasks/TN-001-redis/COMPLETION\\_REPORT.md\\:31"
        #expect(en.contains("| \(source) | \\`7,321\\` | 7,321 | 7,205 | \\-116 | the column “LOC” adds up to 7,205 |"))
        #expect(en.contains("| \(source) | total | \\`7,321\\` | 7,321 | 7,205 by the document's figures | \\-116 | `inconsistent` |"))
    }

    @Test func arithmeticErrorsJoinInconsistentSumsWithArithmeticFindings() throws {
        let en = Self.lines(try AuditFixture.audit(.en))
        let start = try #require(en.firstIndex(of: "## Arithmetic errors in existing reports"))
        let end = try #require(en.firstIndex(of: "## Claims that could not be checked"))
        let rows = en[start..<end].filter { $0.hasPrefix("| tasks/") }
        #expect(rows.count == 4)
        #expect(rows.map { $0.components(separatedBy: " | ")[1] } == ["total", "ratio", "file count", "—"])
        // The finding no claim explains is listed with its message, quoted since it states a figure.
        #expect(rows.last?.contains("\\`“Average\\: 95% quality” states 95%, but the column’s mean is 90%\\`") == true)
    }

    @Test func unverifiableAndOtherModelClaimsHaveTheirOwnSections() throws {
        let en = Self.lines(try AuditFixture.audit(.en))
        #expect(en.contains(
            "| tasks/TN-001-redis/COMPLETION\\_REPORT.md\\:60 | coverage | \\`93\\.2% coverage\\` | 93\\.2% | the repository has no evidence for it |"))
        #expect(en.contains {
            $0.hasPrefix("| tasks/TN-001-redis/COMPLETION\\_REPORT.md\\:70 | \\`150% quality\\` | 150% | \\`88\\.25%, grade B+\\` |")
        })
        #expect(en.contains(
            "| tasks/TN-001-redis/COMPLETION\\_REPORT.md\\:71 | grade | \\`Grade A+\\` | \\`A+\\` | \\`88\\.25%, grade B+\\` | not compared | `not judged` |"))
    }

    @Test func theSourcesReadAreCountedAndListed() throws {
        let en = try AuditFixture.audit(.en)
        #expect(en.contains("The claims above were read from 2 files:\n\n- tasks/TASKS.md\n- tasks/TN-001-redis/COMPLETION\\_REPORT.md\n"))
        #expect(en.contains("Claims were also read from the messages of 1 commit."))
        let ru = try AuditFixture.audit(.ru)
        #expect(ru.contains("Источники утверждений выше — 2 файла:\n\n- tasks/TASKS.md\n"))
        #expect(ru.contains("Кроме того, утверждения прочитаны из сообщений 1 коммита."))
    }

    @Test(arguments: ReportLocale.allCases)
    func aPhaseWithoutClaimsSaysSoInEverySection(locale: ReportLocale) throws {
        let markdown = try AuditFixture.audit(locale, input: AuditFixture.input(claims: []))
        let sentences: [String] = switch locale {
        case .en: [
            "phasecert found no claim about this phase or its tasks.", "No claim is about a task of this phase.",
            "No claim is about the phase as a whole.", "No claim was contradicted by the evidence.",
            "No claim disagrees with the document it stands in.",
            "No claim was left unchecked for want of evidence.",
            "No claim gives a quality percentage or grade from another scoring model.",
            "No claim about this phase was read from a file.",
        ]
        case .ru: [
            "phasecert не нашёл ни одного утверждения об этой фазе или её задачах.",
            "Ни одно утверждение не относится к задачам этой фазы.", "Ни одно утверждение не относится к фазе в целом.",
            "Данные не опровергли ни одного утверждения.",
            "Ни одно утверждение не расходится с документом, в котором оно написано.",
            "Каждое утверждение удалось проверить или оно относится к другой модели оценки.",
            "Ни одно утверждение не приводит процент качества или оценку другой модели.",
            "Ни одно утверждение об этой фазе не было прочитано из файла.",
        ]
        }
        let lines = Self.lines(markdown)
        for sentence in sentences { #expect(lines.contains(sentence), "missing: \(sentence)") }
        // The arithmetic findings stay, with nothing else: no empty table anywhere.
        let tables = lines.filter { $0.hasPrefix("|---") }
        #expect(tables.count == 1)
        #expect(!markdown.contains("\n\n\n"))
    }

    @Test(arguments: [(1, "1 утверждение", "1 claim"), (2, "2 утверждения", "2 claims"), (5, "5 утверждений", "5 claims"), (21, "21 утверждение", "21 claims")])
    func theClaimCountTakesThePluralFormOfItsNumber(count: Int, ru: String, en: String) throws {
        let claims = (0..<count).map { index in
            AuditFixture.claim(.loc, "a.md (\(index) LOC)", line: index + 1, claimed: Double(index), verdict: .unverifiable)
        }
        let input = AuditFixture.input(claims: claims)
        #expect(try AuditFixture.audit(.ru, input: input).contains("phasecert нашёл \(ru) об этой фазе"))
        #expect(try AuditFixture.audit(.en, input: input).contains("phasecert found \(en) about this phase"))
    }

    @Test func russianFileAndCommitCountsTakeTheirForms() throws {
        func claims(files: Int, commits: Int) -> [Claim] {
            (0..<files).map { AuditFixture.claim(.loc, "x", line: 1, file: "r\($0).md", verdict: .unverifiable) }
                + (0..<commits).map { index in
                    Claim(kind: .commitRef, text: "abc", source: .commit("c\(index)"), phase: "13", verdict: .unverifiable)
                }
        }
        for (count, file, commit) in [(1, "1 файл", "1 коммита"), (2, "2 файла", "2 коммитов"), (5, "5 файлов", "5 коммитов"), (21, "21 файл", "21 коммита")] {
            let ru = try AuditFixture.audit(.ru, input: AuditFixture.input(claims: claims(files: count, commits: count)))
            #expect(ru.contains("Источники утверждений выше — \(file):"))
            #expect(ru.contains("из сообщений \(commit)."))
        }
    }

    @Test(arguments: ReportLocale.allCases)
    func anUntrustedClaimTextStaysOneInertTableCell(locale: ReportLocale) throws {
        let hostile = AuditFixture.claim(
            .testCount, AuditFixture.hostileTitle + " 39/39 tests", line: 5, file: "docs/REPORT.md", task: "TN-003",
            claimed: 39, verified: 0, discrepancy: -39, verdict: .contradicted)
        let markdown = try AuditFixture.audit(locale, input: AuditFixture.input(claims: [hostile]))
        let quoted = "\\`\\`\\<script\\>alert\\(1\\)\\</script\\> \\| \\`x\\` \\*\\*bold\\*\\* Редис 39/39 tests\\`\\`"
        let rows = Self.lines(markdown).filter { $0.hasPrefix("| docs/REPORT.md\\:5 |") }
        #expect(rows.count == 2)
        for row in rows { #expect(row.contains(" | \(quoted) | ")) }
        #expect(!markdown.contains("<script>"))
        let html = MarkdownHTML.render(markdown)
        #expect(!html.contains("<script>"))
        #expect(html.contains("``&lt;script&gt;alert(1)&lt;/script&gt; | `x` **bold** Редис 39/39 tests``"))
    }

    /// The audit of a phase lists the claims the phase owns: those about its tasks, and those
    /// about no task that name it. A claim about another phase's task (TN-077) is that phase's.
    @Test func taskTablesFollowThePhaseOrderAndLeaveOutTasksOfOtherPhases() throws {
        let claims = [
            AuditFixture.claim(.loc, "a", line: 1, file: "a.md", task: "TN-077", verdict: .unverifiable),
            AuditFixture.claim(.loc, "b", line: 1, file: "b.md", task: "TN-003", verdict: .unverifiable),
            AuditFixture.claim(.loc, "c", line: 1, file: "c.md", task: "TN-001", verdict: .unverifiable),
        ]
        let lines = Self.lines(try AuditFixture.audit(.en, input: AuditFixture.input(claims: claims)))
        #expect(lines.filter { $0.hasPrefix("### ") } == ["### Task TN-001", "### Task TN-003"])
        #expect(!lines.contains { $0.contains("a.md") })
    }

    @Test func anUnknownPhaseThrows() throws {
        let catalog = try Catalog.builtIn(.en)
        #expect(throws: UnknownSubjectError(kind: "phase", id: "99", known: ["13"])) {
            try AuditView(phase: "99", input: AuditFixture.input(), text: ViewText(catalog: catalog))
        }
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        for locale in ReportLocale.allCases {
            #expect(try AuditFixture.audit(locale) == AuditFixture.audit(locale))
        }
        let shuffled = AuditFixture.input(claims: AuditFixture.claims.reversed())
        #expect(try AuditFixture.audit(.en, input: shuffled) == AuditFixture.audit(.en))
    }
}
