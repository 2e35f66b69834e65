import Foundation
import PhaseModel
import Testing
import TestSupport

/// Figures of a report that are taken as no claim, or judged more carefully: commit ids missing
/// from the history, removed files, `path:19-21`, counts over sub-headings and over action items,
/// table totals in mixed units, approximate or over subtotal rows.
struct ReportFigureRulesTests {
    static let english = "tasks/TN-001-parser/REPORT.md"
    static let russian = "tasks/TN-001-parser/REPORT.ru.md"

    static let built: Result<HandCheckRepository, any Error> = Result {
        var repository = try HandCheckRepository()
        try repository.write("src/parser.py", (1...30).map { "a\($0) = \($0)" }.joined(separator: "\n") + "\n")
        try repository.write("src/lexer.py", "b = 1\n")
        try repository.write("src/tokens.py", "c = 1\n")
        try repository.write("docs/deployment-guide.md", "# Deployment\n")
        let parser = try repository.commit("TN-001: parser", on: "2025-12-02")
        try repository.write(english, """
            # TN-001 Parser report

            ## History

            | Commit | Change |
            |---|---|
            | `\(parser.prefix(7))` | parser |
            | `deadbee` | lexer, squashed since |

            ## Deleted Files

            - `src/old_parser.py`
            - `src/legacy_tokens.py`

            ## Files Modified

            - `src/parser.py:19-21`
            - `src/gone.py`
            - `docs/deployment.md`

            #### Modified Files (3)

            ##### `src/parser.py`

            - split the header reader
            - kept the body reader

            ##### `src/lexer.py`

            - new tokens

            ##### `src/tokens.py`

            - renamed

            ## Changed Files (2)

            ### `src/parser.py`

            ### `src/lexer.py`

            ### `src/tokens.py`

            ## Cleanup (2 files)

            - Remove the debug flag from the parser
            - Drop the unused token table

            ## Effort

            | Step | Time |
            |---|---|
            | Design | 30 min |
            | Code | 90 min |
            | Review | 30 min |
            | Total | 2.5 hours |

            ## Calls

            | Endpoint | Calls |
            |---|---|
            | /parse | ~400 |
            | /lex | 495 |
            | Total | ~895 |

            ## Estimates

            | Part | Tests |
            |---|---|
            | Parser | 30+ |
            | Lexer | 60 |
            | Total | 90 |

            ## Tests by Area

            | Area | Tests |
            |---|---|
            | Parser | 10 |
            | Lexer | 5 |
            | Backend total | 15 |
            | Docs | 3 |
            | TOTAL | 18 |

            ## Template

            | Item | Hours |
            |---|---|
            | Design | 8 |
            | Code | 4 |
            | Total | ${data.totalHours || 88} |

            ## Template rows

            | Item | Hours |
            |---|---|
            | Design | ${data.designHours || 8} |
            | Code | 4 |
            | Review | 2 |
            | Total | 14 |

            """)
        try repository.write(russian, """
            # TN-001 Парсер: отчёт

            ## История

            | Коммит | Изменение |
            |---|---|
            | `badc0de` | лексер |

            ## Удалённые файлы

            - `src/old_lexer.py`

            ## Результаты анализа

            - `src/not_there.py` — прочитан

            ## Трудозатраты

            | Этап | Часы |
            |---|---|
            | Парсер | 4 |
            | Лексер | 2 |
            | Итого по бэкенду | 6 |
            | Документация | 1 |
            | Итого | 7 |

            """)
        try repository.commit("docs: reports", on: "2025-12-03")
        return repository
    }

    static let scanned: Result<Workspace, any Error> = Result { try built.get().scan() }

    func claims(_ kind: ClaimKind, _ file: String, _ needle: String) throws -> [Claim] {
        try Self.built.get().claims(kind, in: file, at: needle, of: try Self.scanned.get())
    }

    func claim(_ kind: ClaimKind, _ file: String, _ needle: String) throws -> Claim {
        try Self.built.get().claim(kind, in: file, at: needle, of: try Self.scanned.get())
    }

    // MARK: Commits

    @Test func aCommitMissingFromTheHistoryIsUnverifiable() throws {
        let english = try claim(.commitRef, Self.english, "`deadbee`")
        #expect(english.verified == 0)
        #expect(english.verdict == .unverifiable)
        #expect(english.note?.en.contains("squashed or rebased away") == true)
        let russian = try claim(.commitRef, Self.russian, "`badc0de`")
        #expect(russian.verdict == .unverifiable)
        #expect(russian.note?.ru.contains("он мог быть объединён при слиянии") == true)
        let findings = try Self.built.get().findings(in: Self.english, at: "`deadbee`", of: Self.scanned.get())
        #expect(findings.map(\.rule) == [.claimUnverifiable])
        let known = try Self.built.get().line(of: "| parser |", in: Self.english)
        #expect(try Self.scanned.get().claims.first { $0.source == .file(Self.english, line: known) }?.verdict == .verified)
    }

    // MARK: Deliverables

    @Test(arguments: [(english, "src/old_parser.py"), (english, "src/legacy_tokens.py"), (russian, "src/old_lexer.py")])
    func filesUnderARemovedFilesHeadingAreNoDeliverables(file: String, path: String) throws {
        #expect(try claims(.deliverable, file, path).isEmpty)
        #expect(try Self.built.get().findings(in: file, at: path, of: Self.scanned.get()).isEmpty)
    }

    @Test func filesAnAnalysisLookedAtAreNoDeliverables() throws {
        #expect(try claims(.deliverable, Self.russian, "src/not_there.py").isEmpty)
    }

    @Test func aPathWithALineRangeNamesTheFile() throws {
        let claim = try claim(.deliverable, Self.english, "src/parser.py:19-21")
        #expect(claim.verified == 1)
        #expect(claim.verdict == .verified)
    }

    @Test func aMissingFileIsContradictedButNotOneWithANearNamesake() throws {
        let missing = try claim(.deliverable, Self.english, "src/gone.py")
        #expect(missing.verdict == .contradicted)
        // `docs/deployment-guide.md` stands beside it: the path is written wrong, the file is there.
        let namesake = try claim(.deliverable, Self.english, "docs/deployment.md")
        #expect(namesake.verdict != .contradicted)
        #expect(try Self.built.get().findings(in: Self.english, at: "docs/deployment.md", of: Self.scanned.get()).allSatisfy {
            $0.rule != .deliverableMissing
        })
    }

    // MARK: File counts

    @Test func aCountOverSubHeadingsNamingFilesCountsTheSubHeadings() throws {
        let right = try claim(.fileCount, Self.english, "#### Modified Files (3)")
        #expect(right.claimed == 3)
        #expect(right.expected == 3)
        #expect(right.verdict == .verified)
        let wrong = try claim(.fileCount, Self.english, "## Changed Files (2)")
        #expect(wrong.expected == 3)
        #expect(wrong.verdict == .inconsistent)
    }

    /// `Remove the debug flag…` says what to do with a file, not which: two actions need not be two files.
    @Test func aCountOverActionItemsIsNotComparedWithThem() throws {
        let claims = try claims(.fileCount, Self.english, "## Cleanup (2 files)")
        #expect(claims.allSatisfy { $0.expected == nil && $0.verdict != .inconsistent })
    }

    // MARK: Table totals

    @Test(arguments: ["| Total | 2.5 hours |", "| Total | ~895 |", "| Total | 90 |", "| Total | ${data.totalHours"])
    func aTotalInOtherUnitsApproximateOrOverATemplateIsNoClaim(needle: String) throws {
        #expect(try claims(.total, Self.english, needle).isEmpty)
        #expect(try Self.built.get().findings(in: Self.english, at: needle, of: Self.scanned.get()).isEmpty)
    }

    /// A template's placeholder in a body row is no figure: 8 + 4 + 2 may well be 14, so the
    /// total is not to be judged from the rows that hold numbers.
    ///
    /// Known bug in Sources: `TableGrid.number(in:)` gives a template cell no number, and the
    /// total is then summed over the other rows (4 + 2 = 6) and found inconsistent.
    @Test func aTotalOverATemplatePlaceholderRowIsNoClaim() throws {
        let found = try claims(.total, Self.english, "| Total | 14 |")
        #expect(found.map { "\($0.verdict?.rawValue ?? "nil") expected \($0.expected ?? -1): \($0.note?.en ?? "")" } == [])
    }

    /// 10 + 5 + 3 = 18: the `Backend total` row is a subtotal, not a row to add again.
    @Test func aTotalOverASubtotalRowIsNotCountedTwice() throws {
        let total = try claim(.total, Self.english, "| TOTAL | 18 |")
        #expect(total.expected == 18)
        #expect(total.verdict == .verified)
        let russian = try claim(.total, Self.russian, "| Итого | 7 |")
        #expect(russian.expected == 7)
        #expect(russian.verdict == .verified)
    }
}
