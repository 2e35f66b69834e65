import PhaseModel
import Testing
@testable import Scan

/// Structure-level claims and scope, read by `ClaimExtractor` from small Markdown documents.
struct ClaimExtractionTests {
    /// TN-099 (phase 13, with a folder), TN-100 (phase 13), TN-200 (phase 14), TN-300 (no phase).
    func extractor() throws -> ClaimExtractor {
        let tasks = [
            TaskRecord(id: "TN-099", phase: "13", directories: ["tasks/TN-099-redis", "tasks/TN-99-redis"]),
            TaskRecord(id: "TN-100", phase: "13"),
            TaskRecord(id: "TN-200", phase: "14"),
            TaskRecord(id: "TN-300"),
        ]
        let phases = [
            Phase(id: "13", name: "Packaging", source: .file("tasks/TASKS.md", line: 1), tasks: ["TN-099", "TN-100"]),
            Phase(id: "14", name: "Operations", source: .file("tasks/TASKS.md", line: 9), tasks: ["TN-200"]),
        ]
        return ClaimExtractor(ids: try TaskIDPattern(), tasks: tasks, phases: phases)
    }

    func claims(_ markdown: String, file: String = "docs/REPORT.md") throws -> [Claim] {
        try extractor().claims(inMarkdown: markdown, file: file)
    }

    func claims(_ kind: ClaimKind, in markdown: String, file: String = "docs/REPORT.md") throws -> [Claim] {
        try claims(markdown, file: file).filter { $0.kind == kind }
    }

    // MARK: File counts

    /// A section split into sub-sections lists its sub-sections, not the bullets under them; the
    /// sub-headings here (`Code`, `Docs`) name no path, so the count is not compared with them.
    @Test func fileCountHeadingOverSubHeadingsThatNameNoPathIsNotComparedWithTheirItems() throws {
        let found = try claims(.fileCount, in: """
            ## Files Created (3 total)

            ### Code

            - `a.go`
            - `b.go`

            ### Docs

            - notes.md
            - guide.md

            ## Next Steps

            - release
            """)
        #expect(found.count == 1)
        #expect(found.first?.claimed == 3)
        #expect(found.first?.expected == nil)
        #expect(found.first?.source == .file("docs/REPORT.md", line: 1))
    }

    @Test func russianFileCountHeadingIsCheckedAgainstTheRowsOfTheTableBelowIt() throws {
        let all = try claims("""
            ## Созданные файлы (2)

            | Файл | Назначение |
            |------|------------|
            | `a.go` | сервер |
            | `b.go` | клиент |
            | `c.go` | общее |
            """)
        let count = all.filter { $0.kind == .fileCount }
        #expect(count.map(\.claimed) == [2])
        #expect(count.map(\.expected) == [3])
        #expect(all.filter { $0.kind == .deliverable }.map(\.subject) == ["a.go", "b.go", "c.go"])
    }

    @Test func leadInLineCountsOnlyTheListRightAfterIt() throws {
        let found = try claims(.fileCount, in: """
            **Files fixed** (2 total):

            - `x.yaml`
            - `y.yaml`
            - `z.yaml`

            Unrelated notes follow.

            - one
            - two
            """)
        #expect(found.map(\.claimed) == [2])
        #expect(found.map(\.expected) == [3])
    }

    @Test func fileCountWithNothingListedBelowItHasNoExpectedCount() throws {
        let found = try claims(.fileCount, in: "## Files (3 total)\n\nThey are described elsewhere.\n")
        #expect(found.allSatisfy { $0.expected == nil })
    }

    @Test func aBoundOrABreakdownIsNotComparedWithTheItemsListed() throws {
        let bound = try claims(.fileCount, in: "**Files touched**: 12+ files\n\n- `a.go`\n- `b.go`\n")
        #expect(bound.allSatisfy { $0.expected == nil })
        let breakdown = try claims(.fileCount, in: """
            **Total**: 30 files

            - Code: 20 files
            - Docs: 10 files
            """)
        #expect(breakdown.first { $0.claimed == 30 }?.expected == nil)
    }

    @Test func fileCountReplacesAnotherReadingOfTheSameFigure() throws {
        let all = try claims("### Tests (2 files)\n\n- `a_test.go`\n- `b_test.go`\n")
        #expect(all.filter { $0.kind == .fileCount }.map(\.expected) == [2])
        #expect(all.filter { $0.kind == .testCount }.isEmpty)
    }

    // MARK: Totals and averages

    @Test func totalRowIsComparedWithTheSumOfEachNumericColumnAbove() throws {
        let found = try claims(.total, in: """
            | Area | Files | LOC | Share |
            |------|-------|-----|-------|
            | API | 4 | 1,200 | 60% |
            | CLI | 2 | 700 | 40% |
            | Docs | - | (none) | 0% |
            | **Total** | **6** | **2,000** | **100%** |
            """)
        #expect(found.map(\.subject) == ["Files", "LOC"])
        #expect(found.map(\.claimed) == [6, 2000])
        #expect(found.map(\.expected) == [6, 1900])
        #expect(found.map(\.text) == ["6", "2,000"])
        #expect(found.allSatisfy { $0.source == .file("docs/REPORT.md", line: 6) })
    }

    @Test func percentColumnIsSummedOnlyWhenItsHeaderSaysTotal() throws {
        let found = try claims(.total, in: """
            | Area | Total share |
            |------|-------------|
            | API | 60% |
            | CLI | 30% |
            | Итого | 100% |
            """)
        #expect(found.map(\.claimed) == [100])
        #expect(found.map(\.expected) == [90])
    }

    @Test func columnWithFewerThanTwoFiguresGetsNoTotal() throws {
        let found = try claims(.total, in: """
            | Item | Count |
            |------|-------|
            | a | 3 |
            | b | n/a |
            | Всего | 3 |
            """)
        #expect(found.isEmpty)
    }

    @Test func averageRowIsComparedWithTheMeanOfEachColumn() throws {
        let found = try claims(.average, in: """
            | Task | Quality | Tests |
            |------|---------|-------|
            | TN-099 | 90% | 10 |
            | TN-100 | **100%** ✅ | 20 |
            | **Average** | 96% | 15 |
            """)
        #expect(found.map(\.subject) == ["Quality", "Tests"])
        #expect(found.map(\.claimed) == [96, 15])
        #expect(found.map(\.expected) == [95, 15])
        #expect(found.allSatisfy { $0.task == nil })
    }

    @Test func averageLineBelowATableIsCheckedAgainstTheColumnItNames() throws {
        let all = try claims("""
            | Task | Coverage | Quality | Δ |
            |------|----------|---------|---|
            | TN-099 | 80% | 150% | +2% |
            | TN-100 | 90% | 140% | -4% |

            **Average quality**: 148.3% (well above plan)
            """)
        let averages = all.filter { $0.kind == .average }
        #expect(averages.map(\.subject) == ["Quality"])
        #expect(averages.map(\.claimed) == [148.3])
        #expect(averages.map(\.expected) == [145])
        #expect(averages.map(\.text) == ["Average quality: 148.3%"])
        #expect(averages.first?.source == .file("docs/REPORT.md", line: 6))
        // The same figure is not also a quality claim.
        #expect(all.filter { $0.kind == .quality }.isEmpty)
    }

    @Test func russianAverageLineMatchesItsColumnByStem() throws {
        let found = try claims(.average, in: """
            | Задача | Качество | Покрытие |
            |--------|----------|----------|
            | TN-099 | 150 % | 80 % |
            | TN-100 | 140 % | 90 % |

            **Средний уровень качества**: 148,3 %
            """)
        #expect(found.map(\.subject) == ["Качество"])
        #expect(found.map(\.claimed) == [148.3])
        #expect(found.map(\.expected) == [145])
    }

    @Test func averageLineNamingNoColumnUsesTheLastPercentColumnThatIsNotADifference() throws {
        let found = try claims(.average, in: """
            | Task | Claimed | Verified | Discrepancy |
            |------|---------|----------|-------------|
            | TN-099 | 150% | 145% | -5% |
            | TN-100 | 150% | 150% | 0% |

            Average: 147%
            """)
        #expect(found.map(\.subject) == ["Verified"])
        #expect(found.map(\.expected) == [147.5])
    }

    @Test func averageLineInAnotherSectionIsNotCheckedAgainstTheTable() throws {
        let found = try claims(.average, in: """
            | Task | Quality |
            |------|---------|
            | a | 90% |
            | b | 100% |

            ## Later

            Average quality: 97%
            """)
        #expect(found.isEmpty)
    }

    @Test func eachLineOfAParagraphStatesItsOwnAverage() throws {
        let found = try claims(.average, in: """
            | Task | Quality | Coverage |
            |------|---------|----------|
            | a | 90% | 80% |
            | b | 100% | 70% |

            **Total**: 2 tasks
            **Average quality**: 95%
            **Mean coverage**: 77%
            """)
        #expect(found.map(\.subject) == ["Quality", "Coverage"])
        #expect(found.map(\.expected) == [95, 75])
        #expect(found.map(\.source.line) == [7, 8])
    }

    // MARK: Deliverables and lines of code

    @Test func deliverablesAreThePathsListedUnderAFilesOrDeliverablesHeading() throws {
        let found = try claims(.deliverable, in: """
            ## Deliverables

            - `deploy/k8s/namespace.yaml` - namespace
            - [runbook](docs/runbook.md#restart)
            - scripts/rollout.sh: rolls the release out
            - ✅ **`charts/app/values.yaml`**
            - Helm chart reviewed by the platform team
            - N/A
            - see https://example.com/page.html

            ## Notes

            - `other/file.md`
            """)
        #expect(found.map(\.subject) == [
            "deploy/k8s/namespace.yaml", "docs/runbook.md", "scripts/rollout.sh", "charts/app/values.yaml",
        ])
        #expect(found.map(\.source.line) == [3, 4, 5, 6])
        #expect(found.allSatisfy { $0.verified == nil && $0.verdict == nil })
    }

    @Test func bareWordsWithASlashAreDeliverablesOnlyWhenPlainlyPaths() throws {
        let found = try claims(.deliverable, in: """
            ## Files

            - Before/after comparison
            - read/write split
            - deploy/k8s/base for the cluster
            - charts/app/ chart folder
            - `deploy/k8s` overlay
            """)
        #expect(found.map(\.subject) == ["deploy/k8s/base", "charts/app/", "deploy/k8s"])
    }

    @Test func aPathNamedInTwoCellsOfARowIsOneDeliverable() throws {
        let found = try claims(.deliverable, in: """
            ## Deliverables

            | Deliverable | Location |
            |-------------|----------|
            | `pyproject.toml` (PEP 621) | `/pyproject.toml` |
            | `setup.cfg` | `./setup.cfg` |
            """)
        #expect(found.map(\.subject) == ["pyproject.toml", "setup.cfg"])
    }

    @Test func linesOfCodeClaimedForAPathAlsoNameADeliverable() throws {
        let all = try claims("## Notes\n\n- design.md (1,970 LOC) explains the layout\n")
        #expect(all.filter { $0.kind == .loc }.map(\.subject) == ["design.md"])
        #expect(all.filter { $0.kind == .deliverable }.map(\.subject) == ["design.md"])
    }

    @Test func linesOfCodeTotalAboveAListIsTheSumOfTheFilesListed() throws {
        let found = try claims(.loc, in: """
            ### Code (2 files, 500 LOC)

            - `a.go` (120 LOC)
            - `b.go` (300 LOC)
            """)
        let total = found.filter { $0.subject == nil }
        #expect(total.map(\.claimed) == [500])
        #expect(total.map(\.expected) == [420])
    }

    @Test func linesOfCodeTotalOfAnIncompleteListingHasNoExpectedSum() throws {
        let found = try claims(.loc, in: """
            ### Code (2 files, 500 LOC)

            - `a.go` (120 LOC)
            - `b.go`
            """)
        #expect(found.filter { $0.subject == nil }.map(\.expected) == [nil])
    }

    @Test func totalItemOfAListIsTheSumOfItsSiblings() throws {
        let found = try claims(.loc, in: """
            - `a.go` (120 LOC)
            - `b.go` (300 LOC)
            - Total: 400 LOC
            """)
        #expect(found.filter { $0.subject == nil }.map(\.expected) == [420])
    }

    // MARK: Commit ids

    @Test func commitIdsAreReadFromTheCommitColumnOfHistoryTables() throws {
        let found = try claims(.commitRef, in: """
            | SHA | Subject | Lines |
            |-----|---------|-------|
            | `a1b2c3d` | first | 1234567 |
            | **ABCDEF0123** | second | 12 |
            | [9f8e7d6](https://example.com/c/9f8e7d6) | third | 3 |
            | (next) | pending | 4 |
            | 123456 | too short | 5 |

            | Коммит | Сообщение |
            |--------|-----------|
            | 0a1b2c3d4e | TN-099: чарт |
            """)
        #expect(found.map(\.claimedValue) == ["a1b2c3d", "abcdef0123", "9f8e7d6", "0a1b2c3d4e"])
        #expect(found.map(\.text) == ["a1b2c3d", "ABCDEF0123", "9f8e7d6", "0a1b2c3d4e"])
        #expect(found.map(\.source.line) == [3, 4, 5, 11])
        #expect(found.map(\.task) == [nil, nil, nil, "TN-099"])
    }

    @Test func hexWordsOutsideACommitColumnAreNotCommitIds() throws {
        let found = try claims(.commitRef, in: """
            | Step | Build |
            |------|-------|
            | a | deadbeef1 |
            """)
        #expect(found.isEmpty)
    }

    // MARK: Scope

    @Test func documentInATaskFolderBelongsToThatTaskAndItsPhase() throws {
        let found = try claims(.coverage, in: "We reached 91% coverage.\n", file: "tasks/TN-99-redis/notes/REPORT.md")
        #expect(found.map(\.task) == ["TN-099"])
        #expect(found.map(\.phase) == ["13"])
    }

    @Test func documentOutsideTaskFoldersTakesThePhaseItsFirstHeadingNames() throws {
        #expect(try claims(.coverage, in: "# Phase 13: Packaging Report\n\n91% coverage\n").map(\.phase) == ["13"])
        #expect(try claims(.coverage, in: "# Фаза 14 — итоги\n\n91% coverage\n").map(\.phase) == ["14"])
        #expect(try claims(.coverage, in: "# Phase 99: Unknown\n\n91% coverage\n").map(\.phase) == [nil])
        #expect(try claims(.coverage, in: "# Report\n\nSome text.\n\n## Phase 13\n\n91% coverage\n").map(\.phase) == [nil])
    }

    @Test func headingNamingOneTaskScopesItsSectionUntilTheNextHeadingOfTheSameLevel() throws {
        let found = try claims(.coverage, in: """
            # Phase 13: Packaging

            ## TN-100 Storage

            92% coverage

            ### Details

            93% coverage

            ## Summary

            94% coverage
            """)
        #expect(found.map(\.claimed) == [92, 93, 94])
        #expect(found.map(\.task) == ["TN-100", "TN-100", nil])
        #expect(found.map(\.phase) == ["13", "13", "13"])
    }

    @Test func rowOrItemNamingOneKnownTaskScopesOnlyItself() throws {
        let found = try claims(.coverage, in: """
            # Phase 13: Packaging

            - TN-099: 90% coverage
              - with 91% coverage on the chart
            - 92% coverage overall
            - TN-555: 95% coverage
            - TN-200 in another phase: 96% coverage
            - TN-300 without a phase: 97% coverage

            | Task | Note |
            |------|------|
            | tn-99 | 93% coverage |
            | TN-099, TN-100 | 94% coverage |
            """)
        #expect(found.map(\.claimed) == [90, 91, 92, 95, 96, 97, 93, 94])
        #expect(found.map(\.task) == ["TN-099", "TN-099", nil, nil, "TN-200", "TN-300", "TN-099", nil])
        #expect(found.map(\.phase) == ["13", "13", "13", "13", "14", "13", "13", "13"])
    }

    // MARK: Text

    @Test func emphasisCodeAndLinksContributeTheirTextToTheSpan() throws {
        let found = try claims(.testCount, in: "The suite shows **39/39** tests [passing](ci.md).\n")
        #expect(found.map(\.claimed) == [39])
        #expect(found.map(\.text) == ["39/39 tests passing"])
    }

    @Test func claimsOnLaterLinesOfAParagraphGetThoseLines() throws {
        let found = try claims("Intro line\nwith 91% coverage\nand 39/39 tests passing\n")
        #expect(found.map(\.kind) == [.coverage, .testCount])
        #expect(found.map(\.source.line) == [2, 3])
    }

    @Test func codeBlocksAreNotRead() throws {
        #expect(try claims("```\n39/39 tests passing\n```\n").isEmpty)
    }

    @Test func frontMatterKeepsTheLinesOfTheFile() throws {
        let found = try claims("---\ntitle: x\n---\n\n91% coverage\n")
        #expect(found.map(\.source.line) == [5])
    }

    @Test func masterListClaimTextsKeepTheirSourceTaskAndPhase() throws {
        let text = ClaimText(
            text: "✅ 39/39 tests passing, 91% coverage", source: .file("tasks/TASKS.md", line: 5), task: "TN-099",
            phase: "13")
        let found = try extractor().claims(in: [text])
        #expect(found.map(\.kind) == [.testCount, .coverage])
        #expect(found.allSatisfy { $0.source == .file("tasks/TASKS.md", line: 5) && $0.task == "TN-099" && $0.phase == "13" })
    }
}
