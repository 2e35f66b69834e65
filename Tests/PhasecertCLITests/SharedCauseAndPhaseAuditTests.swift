import Foundation
import PhaseModel
import Testing
import TestSupport

/// End to end: documents saying "done" of a task with nothing ticked cannot be checked, and the
/// three of one task give one finding while the two of another give two; the audit report of a
/// phase lists exactly the claims its `phase.json` holds.
struct SharedCauseAndPhaseAuditTests {
    static let documents = [
        "tasks/TN-001-parser/STATUS.md": "# TN-001 status\n\nStatus: ✅ COMPLETE\n",
        "tasks/TN-001-parser/FINAL.md": "# TN-001 final\n\nStatus: ✅ COMPLETE\n",
        "tasks/TN-001-parser/ИТОГ.md": "# TN-001 итог\n\nСтатус: ЗАВЕРШЕНО\n",
        "tasks/TN-002-lexer/STATUS.md": "# TN-002 status\n\nStatus: ✅ COMPLETE\n",
        "tasks/TN-002-lexer/ИТОГ.md": "# TN-002 итог\n\nСтатус: ГОТОВО\n",
    ]

    static let built: Result<HandCheckRepository, any Error> = Result {
        var repository = try HandCheckRepository(firstChecklist: "- [ ] Write the parser\n- [ ] Test the parser\n")
        try repository.write("src/parser.py", "a = 1\n")
        try repository.commit("TN-001: parser", on: "2025-12-02")
        for (path, text) in documents { try repository.write(path, text) }
        try repository.commit("docs: status", on: "2025-12-03")
        return repository
    }

    static let scanned: Result<Workspace, any Error> = Result { try built.get().scan() }

    @Test func doneOfATaskWithNothingTickedCannotBeChecked() throws {
        let (repository, workspace) = (try Self.built.get(), try Self.scanned.get())
        for (path, text) in Self.documents {
            let claim = try repository.claim(.status, in: path, at: text.contains("Статус:") ? "Статус:" : "Status:", of: workspace)
            #expect(claim.claimedValue == "done", "\(path)")
            #expect(claim.verdict == .unverifiable, "\(path)")
            #expect(claim.note?.en.contains("is ticked") == true, "\(path)")
            #expect(claim.note?.ru.contains("ничего не отмечено") == true, "\(path)")
        }
    }

    @Test func threeClaimsOfOneTaskWithOneCauseGiveOneFindingAndTwoGiveTwo() throws {
        let workspace = try Self.scanned.get()
        let unverifiable = workspace.findings.filter { $0.rule == .claimUnverifiable }
        let first = unverifiable.filter { $0.task == "TN-001" }
        #expect(first.count == 1)
        #expect(first.first?.message.en.hasPrefix("3 claims cannot be checked for one reason: nothing of") == true)
        #expect(first.first?.message.ru.hasPrefix("Утверждений, которые нельзя проверить по одной причине: 3.") == true)
        for path in Self.documents.keys where path.hasPrefix("tasks/TN-001") {
            #expect(first.first?.message.en.contains(path) == true, "\(path)")
        }
        let second = unverifiable.filter { $0.task == "TN-002" }
        #expect(second.count == 2)
        #expect(second.allSatisfy { $0.message.en.contains("cannot be checked: nothing of") })
        #expect(Set(second.compactMap(\.file)) == ["tasks/TN-002-lexer/STATUS.md", "tasks/TN-002-lexer/ИТОГ.md"])
    }

    // MARK: The audit of a phase

    /// Phase 1 (TN-001) and phase 2 (TN-002); the phase-1 summary names a commit of TN-002, a claim
    /// of phase 2, not of phase 1.
    static let twoPhases: Result<HandCheckRepository, any Error> = Result {
        var repository = try HandCheckRepository()
        try repository.writeTwoPhases()
        try repository.write("src/parser.py", "a = 1\n")
        try repository.commit("TN-001: parser", on: "2025-12-02")
        try repository.write("src/lexer.py", "b = 1\n")
        try repository.commit("TN-002: lexer", on: "2025-12-03")
        try repository.write("docs/PHASE-1-SUMMARY.md", """
            # Phase 1: Core — Summary

            Completion: 100% (1/1 tasks complete)

            | Task | Title | Tests |
            |---|---|---|
            | TN-001 | Parser | 3 |
            | TN-002 | Lexer | 4 |
            | Total | | 7 |

            | Commit | Task | Change |
            |---|---|---|
            | `deadbee` | TN-002 | lexer |

            """)
        try repository.write("tasks/TN-001-parser/REPORT.md", "# TN-001 report\n\nStatus: ✅ COMPLETE\n\n- `src/parser.py`\n")
        try repository.write("tasks/TN-002-lexer/REPORT.md", "# TN-002 report\n\nСтатус: ГОТОВО\n")
        try repository.commit("docs: reports", on: "2025-12-04")
        return repository
    }

    @Test func theAuditOfAPhaseListsExactlyTheClaimsOfItsPhaseJSON() throws {
        let repository = try Self.twoPhases.get()
        let out = try TemporaryFolder()
        let result = CapturedConsole.run(["report", "--repo", repository.path, "--out", out.path, "--quiet", "--format", "md,json"], in: "/")
        #expect(result.code == 0, "\(result.err)")
        let files = try ReportFiles.read(out.path)
        let scanned = try repository.scan()
        for phase in ["1", "2"] {
            let json = try #require(files["phase-\(phase)/phase.json"], "phase \(phase)")
            let model = try CanonicalJSON.decode(Workspace.self, from: json)
            let owned = scanned.claims(of: try #require(scanned.phase(phase)))
            #expect(model.claims.count == owned.count, "phase \(phase)")
            #expect(!model.claims.isEmpty, "phase \(phase)")
            let en = String(decoding: try #require(files["phase-\(phase)/audit.en.md"]), as: UTF8.self)
            let ru = String(decoding: try #require(files["phase-\(phase)/audit.ru.md"]), as: UTF8.self)
            #expect(en.contains("phasecert found \(model.claims.count) claim"), "phase \(phase)")
            #expect(en.contains("| Total | \(model.claims.count) |"), "phase \(phase)")
            #expect(ru.contains("| Итого | \(model.claims.count) |"), "phase \(phase)")
            // Every claim of the model is listed by its place; no claim of another phase is.
            for claim in model.claims {
                let place = "\(claim.source.file ?? "")\\:\(claim.source.line ?? 0)"
                #expect(en.contains(place), "phase \(phase): \(place)")
            }
            let listed = Set(model.claims.map { "\($0.source.file ?? ""):\($0.source.line ?? 0)" })
            for claim in scanned.claims {
                guard let file = claim.source.file, let line = claim.source.line, !listed.contains("\(file):\(line)") else { continue }
                #expect(!en.contains("| \(file)\\:\(line) |"), "phase \(phase) lists \(file):\(line) of another phase")
            }
        }
        // The row of the phase-1 summary about TN-002 belongs to phase 2.
        let row = try repository.line(of: "| `deadbee` | TN-002 |", in: "docs/PHASE-1-SUMMARY.md")
        let rowClaims = scanned.claims.filter { $0.source == .file("docs/PHASE-1-SUMMARY.md", line: row) }
        #expect(!rowClaims.isEmpty)
        #expect(rowClaims.allSatisfy { $0.task == "TN-002" })
        let first = String(decoding: try #require(files["phase-1/audit.en.md"]), as: UTF8.self)
        let second = String(decoding: try #require(files["phase-2/audit.en.md"]), as: UTF8.self)
        #expect(!first.contains("docs/PHASE-1-SUMMARY.md\\:\(row) |"))
        #expect(second.contains("docs/PHASE-1-SUMMARY.md\\:\(row) |"))
    }
}
