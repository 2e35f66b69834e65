import Foundation

/// Finds evidence files in a work tree by their content (SPEC §2), narrowed or extended by the
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

    /// Sniffs the files of an existing walk. Unrecognised files are passed over silently.
    public func discover(in files: WorkTreeFiles) -> Result {
        var found: [Candidate] = []
        var examined = 0
        for path in files.paths where selected(path) {
            examined += 1
            guard let head = EvidenceSniffer.head(of: URL(fileURLWithPath: tree.absolute(path))),
                let kind = EvidenceSniffer.kind(of: head)
            else { continue }
            found.append(Candidate(path: path, kind: kind))
        }
        return Result(files: found.sorted { $0.path < $1.path }, examined: examined)
    }

    /// Whether a path is looked at: its name may hold evidence, an include glob (if any) matches and
    /// no exclude glob does. An include glob also admits names that are otherwise skipped.
    func selected(_ path: String) -> Bool {
        if exclude.contains(where: { $0.matches(path) }) { return false }
        if include.isEmpty { return EvidenceSniffer.mayHoldEvidence(path: path) }
        return include.contains { $0.matches(path) }
    }
}
