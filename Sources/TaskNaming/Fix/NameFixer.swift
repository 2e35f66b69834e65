import Foundation
import PhaseModel
import Scan

/// `check-names --fix`: renames folders whose canonical name follows from their own name and
/// rewrites the Markdown links that pointed into them.
///
/// `plan` changes nothing; `apply` does the plan. In a git work tree a folder with uncommitted
/// changes (modified, staged, deleted or untracked files; ignored files do not count) is not
/// renamed, and a renamed folder's index entries move with it.
public struct NameFixer: Sendable {
    /// The repository folder; paths in reports and plans are relative to it.
    public let tree: RepositoryTree
    /// Largest Markdown file whose links are rewritten.
    public let markdownLimit: Int

    public init(tree: RepositoryTree, markdownLimit: Int = TextFileReader.defaultLimit) {
        self.tree = tree
        self.markdownLimit = markdownLimit
    }

    /// A whole `--fix`: plans, hands the plan to `planned` (to print it before anything changes),
    /// then, unless `dryRun`, applies it. The run's report is `report` without the violations
    /// renamed away, refused and failed renames marked as not renamed.
    public func run(_ report: NameReport, dryRun: Bool, planned: (FixPlan) -> Void) throws -> FixRun {
        let plan = try plan(report)
        planned(plan)
        let left = report.notRenaming(plan.refusalReasons)
        guard !dryRun else { return FixRun(plan: plan, outcome: nil, report: left) }
        let outcome = try apply(plan)
        return FixRun(plan: plan, outcome: outcome, report: left.removing(renamed: outcome.renamed).notRenaming(outcome.failureReasons(in: plan)))
    }

    /// What `apply` would do for the renamable violations of `report`.
    public func plan(_ report: NameReport) throws -> FixPlan {
        let git = try GitWorkTree.around(tree.root)
        var renames: [FolderRename] = []
        var refused: [FixPlan.Refusal] = []
        for change in report.renames {
            if let git {
                let changed = try git.uncommittedChanges(under: change.from)
                if !changed.isEmpty {
                    let reason = LocalizedText(message: "names.not-renamed.uncommitted").en
                    refused.append(FixPlan.Refusal(rename: change, reason: reason, files: changed.map(Self.describe)))
                    continue
                }
                let staged = try git.uncommittedChanges(under: change.to)
                if !staged.isEmpty {
                    let reason = LocalizedText(message: "names.not-renamed.git-lists-target", ["folder": .text(change.to)]).en
                    refused.append(FixPlan.Refusal(rename: change, reason: reason, files: staged.map(Self.describe)))
                    continue
                }
            }
            renames.append(change)
        }
        var links: [LinkEdit] = []
        var skipped: [FixPlan.SkippedFile] = []
        if !renames.isEmpty {
            let rewriter = MarkdownLinkRewriter(renames: renames)
            for path in MarkdownFiles.paths(in: tree) {
                switch MarkdownFiles.read(path, in: tree, limit: markdownLimit) {
                case let .success(bytes):
                    links += rewriter.edits(in: bytes, file: path)
                case let .failure(reason):
                    skipped.append(FixPlan.SkippedFile(path: path, reason: reason))
                }
            }
        }
        return FixPlan(renames: renames, refused: refused, links: links, skippedFiles: skipped)
    }

    /// Does `plan`: each rename in turn (one that fails leaves its folder whole under one name and
    /// does not stop the others), then the links into the folders renamed, each file replaced
    /// atomically. Links are found again in each file as it is now, so a file edited since the
    /// plan is not overwritten with stale text.
    public func apply(_ plan: FixPlan) throws -> FixOutcome {
        var outcome = FixOutcome()
        guard !plan.renames.isEmpty else { return outcome }
        let mover = FolderMover(tree: tree, git: try GitWorkTree.around(tree.root))
        for change in plan.renames {
            do {
                try mover.move(change)
                outcome.renamed.append(change)
            } catch {
                outcome.failed.append(FixOutcome.Failure(path: change.from, reason: error.description))
            }
        }
        guard !outcome.renamed.isEmpty else { return outcome }
        let rewriter = MarkdownLinkRewriter(renames: outcome.renamed)
        var files: [String] = []
        for file in plan.links.map(\.file) where files.last != file { files.append(file) }
        for file in files {
            let current = outcome.renamed.reduce(file) { path, change in change.moved(path) }
            let bytes: [UInt8]
            switch MarkdownFiles.read(current, in: tree, limit: markdownLimit) {
            case let .success(read): bytes = read
            case let .failure(reason):
                outcome.unwritten.append(FixOutcome.Failure(path: current, reason: reason.description))
                continue
            }
            let edits = rewriter.edits(in: bytes, file: current)
            guard !edits.isEmpty else { continue }
            do {
                try MarkdownFiles.write(MarkdownLinkRewriter.applying(edits, to: bytes), to: current, in: tree)
                outcome.rewrittenFiles.append(current)
                outcome.rewrittenLinks += edits.count
            } catch {
                outcome.unwritten.append(FixOutcome.Failure(path: current, reason: (error as NSError).localizedDescription))
            }
        }
        return outcome
    }

    private static func describe(_ status: GitPathStatus) -> String {
        "\(status.path) (\(status.changes.map(words).joined(separator: ", ")))"
    }

    /// A change as `git status` words it.
    private static func words(_ change: GitPathStatus.Change) -> String {
        let key = switch change {
        case .stagedNew: "names.git-status.staged-new"
        case .stagedModified: "names.git-status.staged-modified"
        case .stagedDeleted: "names.git-status.staged-deleted"
        case .stagedRenamed: "names.git-status.staged-renamed"
        case .stagedTypeChange: "names.git-status.staged-type-change"
        case .modified: "names.git-status.modified"
        case .deleted: "names.git-status.deleted"
        case .typeChange: "names.git-status.type-change"
        case .renamed: "names.git-status.renamed"
        case .untracked: "names.git-status.untracked"
        case .unreadable: "names.git-status.unreadable"
        case .conflicted: "names.git-status.conflicted"
        }
        return LocalizedText(message: key).en
    }
}

/// One `--fix`: the plan, what was done, and the violations left.
public struct FixRun: Sendable, Equatable {
    public var plan: FixPlan
    /// `nil` for a dry run.
    public var outcome: FixOutcome?
    /// The report after the run.
    public var report: NameReport

    /// Whether a rename or a link rewrite failed.
    public var failed: Bool { outcome.map { !$0.failed.isEmpty || !$0.unwritten.isEmpty } ?? false }
}
