import Foundation
import PhaseModel

/// Finds evidence files in a work tree by their content (docs/design/pipeline.md#evidence-discovery), narrowed or extended by the
/// `evidence.include` / `evidence.exclude` globs of the configuration.
public struct EvidenceDiscovery: Sendable {
    /// A file recognised as evidence.
    public struct Candidate: Sendable, Equatable {
        public var path: String
        public var kind: EvidenceKind
    }

    public struct Result: Sendable {
        /// Recognised files, in path order.
        public var files: [Candidate]
        /// Files that were looked at (opened and sniffed).
        public var examined: Int
        /// Files that look like evidence but were not read, or are copies of one that was; in path order.
        public var unread: [UnreadEvidence] = []
    }

    let tree: RepositoryTree
    let include: [Glob]
    let exclude: [Glob]
    let reportsFolder: String

    public init(root: String, configuration: Configuration) {
        self.init(tree: RepositoryTree(root: root), configuration: configuration)
    }

    public init(tree: RepositoryTree, configuration: Configuration) {
        self.tree = tree
        include = configuration.evidence.include.map(Glob.init)
        exclude = configuration.evidence.exclude.map(Glob.init)
        reportsFolder = configuration.reports.folder
    }

    /// Walks the work tree and sniffs each file.
    public func discover() -> Result {
        discover(in: WorkTreeFiles(tree: tree, reportsFolder: reportsFolder, include: include))
    }

    /// Sniffs the files of an existing walk. Files that are not evidence are passed over silently; files
    /// that look like evidence but cannot be read, are not in a format phasecert reads, or repeat an earlier
    /// result file are returned in `unread`.
    public func discover(in files: WorkTreeFiles) -> Result {
        var found: [Candidate] = []
        var unread: [UnreadEvidence] = []
        var examined = 0
        for path in files.paths where selected(path) {
            examined += 1
            guard let head = EvidenceSniffer.head(of: URL(fileURLWithPath: tree.absolute(path))) else {
                unread.append(UnreadEvidence(path: path, reason: .unreadable))
                continue
            }
            if let kind = EvidenceSniffer.kind(of: head) {
                found.append(Candidate(path: path, kind: kind))
            } else if let reason = EvidenceSniffer.unreadReason(head: head, path: path) {
                unread.append(UnreadEvidence(path: path, reason: reason))
            }
        }
        for entry in files.unreadable where !excluded(entry.path) {
            if entry.kind == .directory {
                unread.append(UnreadEvidence(path: entry.path, reason: .folderUnreadable))
            } else if selected(entry.path) {
                unread.append(UnreadEvidence(path: entry.path, reason: .notRegularFile))
            }
        }
        for link in files.skippedLinks where link.problem != .alreadyRead && selected(link.path)
            && EvidenceNames.looksLikeEvidence(link.path)
        {
            unread.append(UnreadEvidence(path: link.path, reason: .link(link.problem)))
        }
        let sorted = found.sorted { $0.path < $1.path }
        let copies = DuplicateResultFiles(tree: tree).copies(in: sorted)
        unread += copies
        let copied = Set(copies.map(\.path))
        return Result(
            files: sorted.filter { !copied.contains($0.path) }, examined: examined,
            unread: unread.sorted { $0.path < $1.path })
    }

    private func excluded(_ path: String) -> Bool {
        exclude.contains { $0.matches(path) || $0.matches(path + "/") }
    }

    /// Whether a path is looked at: its name may hold evidence, an include glob (if any) matches and
    /// no exclude glob does. An include glob also admits names that are otherwise skipped.
    func selected(_ path: String) -> Bool {
        if exclude.contains(where: { $0.matches(path) }) { return false }
        if include.isEmpty { return EvidenceSniffer.mayHoldEvidence(path: path) }
        return include.contains { $0.matches(path) }
    }
}
