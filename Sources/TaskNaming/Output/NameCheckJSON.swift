import Foundation
import PhaseModel

/// `check-names --format json`: one entry per violation, and with `--fix` the plan and what was done.
///
/// Canonical JSON (sorted keys, the same input gives the same bytes), versioned by `schemaVersion`;
/// a value that does not apply is `null`, never left out.
public enum NameCheckJSON {
    /// Bumped only when a field is removed or changes meaning.
    public static let schemaVersion = 1

    /// The document of `report`, with the `--fix` part when `--fix` was given (`fix` is `null` otherwise).
    public static func render(_ report: NameReport, fix: FixRun?) throws -> Data {
        try CanonicalJSON.encode(Document(report: report, fix: fix.map(FixDocument.init)))
    }

    private struct Document: Encodable {
        var schemaVersion = NameCheckJSON.schemaVersion
        var tasksRoot: String
        var violations: [Entry]
        var counts: [String: Int]
        @Nullable var fix: FixDocument?

        init(report: NameReport, fix: FixDocument?) {
            tasksRoot = report.tasksRoot
            violations = report.violations.map(Entry.init)
            let counts = report.counts
            self.counts = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, counts[$0] ?? 0) })
            self.fix = fix
        }
    }

    private struct Entry: Encodable {
        var kind: NameViolation.Kind
        var rule: FindingRuleID
        var severity: Severity
        @Nullable var path: String?
        var folders: [String]
        @Nullable var id: String?
        @Nullable var suggested: String?
        var renamable: Bool
        @Nullable var notRenamedBecause: String?
        var problems: [NameProblem]
        var message: LocalizedText
        @Nullable var remediation: LocalizedText?

        init(_ violation: NameViolation) {
            kind = violation.kind
            rule = violation.rule
            severity = violation.severity
            path = violation.path
            folders = violation.folders
            id = violation.id
            suggested = violation.suggested
            renamable = violation.rename != nil
            notRenamedBecause = violation.notRenamedBecause
            problems = violation.problems
            message = violation.finding.message
            remediation = violation.finding.remediation
        }
    }

    private struct FixDocument: Codable, Equatable, Sendable {
        var dryRun: Bool
        var renames: [Rename]
        var refused: [Refused]
        var links: [Link]
        var skippedFiles: [Skipped]
        var rewrittenFiles: [String]

        init(_ fix: FixRun) {
            let outcome = fix.outcome
            dryRun = outcome == nil
            renames = fix.plan.renames.map { change in
                let failure = outcome?.failed.first { $0.path == change.from }
                let status = outcome == nil ? "planned" : failure == nil ? "done" : "failed"
                return Rename(from: change.from, to: change.to, status: status, reason: failure?.reason)
            }
            refused = fix.plan.refused.map { Refused(from: $0.rename.from, to: $0.rename.to, reason: $0.reason, files: $0.files) }
            links = fix.plan.links.map { Link(file: $0.file, line: $0.line, from: $0.old, to: $0.new) }
            skippedFiles = fix.plan.skippedFiles.map { Skipped(path: $0.path, reason: $0.reason.description) }
            rewrittenFiles = outcome?.rewrittenFiles ?? []
        }

        struct Rename: Codable, Equatable, Sendable {
            var from: String
            var to: String
            /// `planned` (dry run), `done` or `failed`.
            var status: String
            @Nullable var reason: String?
        }

        struct Refused: Codable, Equatable, Sendable {
            var from: String
            var to: String
            var reason: String
            var files: [String]
        }

        struct Link: Codable, Equatable, Sendable {
            var file: String
            var line: Int
            var from: String
            var to: String
        }

        struct Skipped: Codable, Equatable, Sendable {
            var path: String
            var reason: String
        }
    }
}
