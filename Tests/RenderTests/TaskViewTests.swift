import PhaseModel
import Testing
import TextSupport
@testable import Render

/// The completion report of one task, in English and Russian.
struct TaskViewTests {
    private static func lines(_ markdown: String) -> [String] { markdown.components(separatedBy: "\n") }

    private static let sections: [ReportLocale: [String]] = [
        .en: [
            "# Task TN-001\\: completion report", "## Changes by category", "### Documentation", "### Tests", "### Manifests",
            "### Other", "## Checklist", "## Git history", "## Tests", "## Coverage", "## Dependencies", "## Findings",
            "## Certification",
        ],
        .ru: [
            "# Задача TN-001\\: отчёт о выполнении", "## Изменения по категориям", "### Документация", "### Тесты",
            "### Манифесты", "### Прочее", "## Чек-лист", "## История git", "## Тесты", "## Покрытие", "## Зависимости",
            "## Замечания", "## Сертификация",
        ],
    ]

    @Test(arguments: ReportLocale.allCases)
    func everySectionIsThereInOrder(locale: ReportLocale) throws {
        let lines = Self.lines(try AuditFixture.task("TN-001", locale))
        var from = 0
        for heading in Self.sections[locale] ?? [] {
            let found = try #require(lines[from...].firstIndex(of: heading), "missing \(heading)")
            from = found + 1
        }
        // A category without files gets no heading.
        #expect(!lines.contains("### Code") && !lines.contains("### Код"))
    }

    @Test func theHeaderGivesTheTasksStateFromTheModel() throws {
        let en = try AuditFixture.task("TN-001", .en)
        #expect(en.contains("""
            | Phase | 13 — Production Packaging |
            | Status | in progress |
            | Completion | 66\\.6% |
            | Quality | 88\\.2 |
            | Grade | B+ |
            """))
        let ru = try AuditFixture.task("TN-001", .ru)
        #expect(ru.contains("| Завершённость | 66,6\u{A0}% |\n| Качество | 88,2 |"))
    }

    @Test(arguments: ReportLocale.allCases)
    func anUntrustedTitleAndSubjectStayOneInertTableRow(locale: ReportLocale) throws {
        let markdown = try AuditFixture.task("TN-001", locale)
        let label = locale == .en ? "Title" : "Название"
        let title = "| \(label) | \\<script\\>alert\\(1\\)\\</script\\> \\| \\`x\\` \\*\\*bold\\*\\* Редис |"
        #expect(Self.lines(markdown).contains(title))
        // The subject states a figure, so it is quoted as well as escaped.
        #expect(Self.lines(markdown).contains {
            $0.hasPrefix("| 89abcde | \\`TN-001\\: 39/39 tests passing \\| \\<b\\>done\\</b\\>\\` | \\+100 | \\-4 | ")
        })
        #expect(!markdown.contains("<script>") && !markdown.contains("<b>"))
        let html = MarkdownHTML.render(markdown)
        #expect(!html.contains("<script>") && !html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; | `x` **bold** Редис"))
    }

    @Test func filesAreGroupedByCategoryWithTheirCountAndChange() throws {
        let en = try AuditFixture.task("TN-001", .en)
        #expect(en.contains("""
            ### Documentation

            2 files in this category:

            | Change | Path | Added | Deleted | Commits |
            |---|---|---:|---:|---:|
            | removed | docs/old.md | \\+0 | \\-12 | 1 |
            | changed | docs/redis.md | \\+60 | \\-4 | 2 |

            ### Tests

            1 file in this category:
            """))
        #expect(en.contains("| created | logo.png | binary | binary | 1 |"))
        let ru = try AuditFixture.task("TN-001", .ru)
        #expect(ru.contains("### Документация\n\n2 файла в этой категории:"))
        #expect(ru.contains("### Манифесты\n\n1 файл в этой категории:"))
        #expect(ru.contains("| удалён | docs/old.md | \\+0 | \\-12 | 1 |"))
    }

    @Test func checklistPercentagesAreTheShareOfCheckedItems() throws {
        let en = Self.lines(try AuditFixture.task("TN-001", .en))
        #expect(en.contains("| 1 | Implementation | 3 | 3 | 100% |"))
        // A section title that states figures is quoted, so the audit does not read it as a claim.
        #expect(en.contains("| 2 | \\`Docs\\: 4 files, 100% done\\` | 1 | 3 | 33\\.3% |"))
        #expect(en.contains("| Total | | 4 | 6 | 66\\.6% |"))
        let ru = Self.lines(try AuditFixture.task("TN-001", .ru))
        #expect(ru.contains("| 2 | \\`Docs\\: 4 files, 100% done\\` | 1 | 3 | 33,3\u{A0}% |"))
        #expect(ru.contains("| Итого | | 4 | 6 | 66,6\u{A0}% |"))
    }

    @Test func theHistoryMarksMergesAndCommitsWithoutCounts() throws {
        let en = Self.lines(try AuditFixture.task("TN-001", .en))
        #expect(en.contains(
            "| 0123456 | *merge* Merge branch 'feature/TN-001-redis' | \\+120 | \\-4 | \\`November 30, 2025\\` |"))
        #expect(en.contains("| fedcba9 | TN-001\\: chart | no evidence | no evidence | \\`November 1, 2025\\` |"))
        let ru = Self.lines(try AuditFixture.task("TN-001", .ru))
        #expect(ru.contains(
            "| 0123456 | *слияние* Merge branch 'feature/TN-001-redis' | \\+120 | \\-4 | \\`30 ноября 2025\u{A0}г.\\` |"))
    }

    @Test func testsCoverageDependenciesFindingsAndCertificationComeFromTheModel() throws {
        let en = try AuditFixture.task("TN-001", .en)
        #expect(en.contains("| Passed | 38 |\n| Failed | 1 |\n| Errors | 0 |\n| Skipped | 2 |\n| Passed after a retry | 1 |"))
        #expect(en.contains("| Line coverage | 84\\.4% |\n| Lines run | 1,013 |\n| Lines instrumented | 1,200 |"))
        #expect(en.contains("""
            | TN-002 | Storage backend | done |
            | TN-003 | \\`39/39 tests passing, 150% quality\\` | not started |
            | TN-404 | no evidence | not in the repository |
            """))
        let findings = Self.lines(en).filter { $0.hasPrefix("| `") }
        #expect(findings.map { $0.components(separatedBy: " | ")[1] } == ["tests.failing", "claim.contradicted", "report.arithmetic", "report.arithmetic"])
        #expect(findings.first?.hasSuffix("| \\`1 test of TN-001 does not pass\\` | — |") == true)
        #expect(en.contains("Certification id of phase 13: `13-20251130-67PCT-D-0a1b2c3d`"))
        let ru = try AuditFixture.task("TN-001", .ru)
        #expect(ru.contains("| Инструментированные строки | 1\u{A0}200 |"))
        #expect(ru.contains("| TN-404 | нет данных | нет в репозитории |"))
        #expect(ru.contains("| `критично` | tests.failing | results/junit.xml\\:7 |"))
        #expect(ru.contains("Идентификатор сертификации фазы 13: `13-20251130-67PCT-D-0a1b2c3d`"))
    }

    @Test(arguments: ReportLocale.allCases)
    func aTaskWithoutEvidenceSaysSoInEverySection(locale: ReportLocale) throws {
        var input = AuditFixture.input()
        input.workspace.phases[0].certification = nil
        let markdown = try AuditFixture.task("TN-002", locale, input: input)
        let sentences: [String] = switch locale {
        case .en: [
            "There is no git history of this task to read.", "The task has no checklist.",
            "No commit is linked to this task.", "No test result or test definition is linked to this task.",
            "No coverage report covers the files this task changed.", "The task declares no dependency.",
            "No finding is open for this task.", "Phase 13 has no certification id.",
        ]
        case .ru: [
            "Истории git для этой задачи нет.", "У задачи нет чек-листа.", "С этой задачей не связан ни один коммит.",
            "С этой задачей не связаны ни результаты тестов, ни объявления тестов.",
            "Ни один отчёт о покрытии не охватывает файлы, изменённые задачей.", "Задача не объявляет зависимостей.",
            "Открытых замечаний по этой задаче нет.", "У фазы 13 нет идентификатора сертификации.",
        ]
        }
        let lines = Self.lines(markdown)
        for sentence in sentences { #expect(lines.contains(sentence), "missing: \(sentence)") }
        #expect(lines.filter { $0.hasPrefix("|---") }.count == 1)
        #expect(!markdown.contains("\n\n\n"))
    }

    @Test func aTaskWithHistoryButNoFilesAndNoPhaseSaysSo() throws {
        var input = AuditFixture.input()
        input.workspace.tasks.append(TaskRecord(id: "TN-009", title: "Loose"))
        input.histories["TN-009"] = TaskHistory(commits: [], files: [])
        let en = try AuditFixture.task("TN-009", .en, input: input)
        #expect(en.contains("The task's commits changed no file."))
        #expect(en.contains("| Phase | no phase |"))
        #expect(en.contains("The task belongs to no phase, so no certification id applies to it."))
        let ru = try AuditFixture.task("TN-009", .ru, input: input)
        #expect(ru.contains("Коммиты задачи не изменили ни одного файла."))
        #expect(ru.contains("| Фаза | вне фаз |"))
    }

    @Test func anUnknownTaskThrows() throws {
        let catalog = try Catalog.builtIn(.ru)
        #expect(throws: UnknownSubjectError(kind: "task", id: "TN-999", known: ["TN-001", "TN-002", "TN-003"])) {
            try TaskView(task: "TN-999", input: AuditFixture.input(), text: ViewText(catalog: catalog))
        }
    }
}
