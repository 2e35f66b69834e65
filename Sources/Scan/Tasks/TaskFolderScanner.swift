import PhaseModel
import TextSupport

/// Finds task folders under the tasks root and reads their documents, checklist and metadata.
///
/// A folder whose name starts with an id is a task folder and is not searched for further task
/// folders; other folders (a folder per phase, say) are searched, a few levels deep. A name
/// whose prefix is not in upper case (`tn-099-x`) counts only when that prefix is known from
/// the master list or from an upper-case sibling, so a grouping folder named `phase-13` is not
/// taken for task `PHASE-013`.
public struct TaskFolderScanner: Sendable {
    public let tree: RepositoryTree
    public let ids: TaskIDPattern
    public let configuration: Configuration.Tasks
    /// Id prefixes in upper case that the master list uses.
    public let knownPrefixes: Set<String>
    /// How deep grouping folders are searched for task folders.
    public static let maximumGroupingDepth = 3

    public init(tree: RepositoryTree, ids: TaskIDPattern, configuration: Configuration.Tasks, knownPrefixes: Set<String> = []) {
        self.tree = tree
        self.ids = ids
        self.configuration = configuration
        self.knownPrefixes = knownPrefixes
    }

    /// Every task folder under `root`, sorted by path, and the findings met on the way.
    public func scan(root: String) -> (folders: [TaskFolder], findings: [Finding]) {
        let result = scanNotingRefusals(root: root)
        return (result.folders, result.findings)
    }

    /// `scan(root:)`, and the id prefixes (upper-cased) of the folders refused for their prefix's
    /// case: a scan with more `knownPrefixes` differs only when it knows one of them.
    func scanNotingRefusals(root: String) -> (folders: [TaskFolder], findings: [Finding], refused: Set<String>) {
        var folders: [TaskFolder] = []
        var findings: [Finding] = []
        var visited = Set<String>()
        var refused = Set<String>()

        func search(_ path: String, realPath: String, depth: Int) {
            let entries: [RepositoryTree.Entry]
            do {
                entries = try tree.entries(of: path)
            } catch {
                let reason = LocalizedText(message: "problem.folder.cannot-be-listed").en
                findings.append(ScanFindings.unreadable(path, problem: .unreadable(reason)))
                return
            }
            let siblingPrefixes = Set(entries.compactMap { entry -> String? in
                guard entry.kind == .directory, let name = ids.folderName(entry.name) else { return nil }
                let prefix = Self.prefix(of: name.written)
                return prefix == prefix.uppercased() ? prefix : nil
            })
            for entry in entries {
                switch entry.kind {
                case .directory:
                    let real = entry.realPath ?? tree.absolute(entry.path)
                    if real == realPath || realPath.hasPrefix(real + "/") {
                        findings.append(ScanFindings.skippedLink(entry.path, problem: .loop))
                        continue
                    }
                    guard visited.insert(real).inserted else {
                        findings.append(ScanFindings.skippedLink(entry.path, problem: .alreadyRead))
                        continue
                    }
                    let name = ids.folderName(entry.name)
                    if let name, accepts(Self.prefix(of: name.written), siblings: siblingPrefixes) {
                        folders.append(read(entry.path, id: name.id, written: name.written, slug: name.slug, findings: &findings))
                        continue
                    }
                    if let name { refused.insert(Self.prefix(of: name.written).uppercased()) }
                    if depth < Self.maximumGroupingDepth, !entry.name.hasPrefix(".") {
                        search(entry.path, realPath: real, depth: depth + 1)
                    }
                case let .badLink(problem):
                    findings.append(ScanFindings.skippedLink(entry.path, problem: problem))
                case .file, .other:
                    continue
                }
            }
        }

        let rootReal = tree.realPath(of: root) ?? tree.absolute(root)
        visited.insert(rootReal)
        search(root, realPath: rootReal, depth: 0)
        return (folders.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }, findings, refused)
    }

    private func accepts(_ prefix: String, siblings: Set<String>) -> Bool {
        let upper = prefix.uppercased()
        return prefix == upper || knownPrefixes.contains(upper) || siblings.contains(upper)
    }

    /// `TN` of `TN-99`.
    static func prefix(of writtenID: String) -> String {
        writtenID.lastIndex(of: "-").map { String(writtenID[..<$0]) } ?? writtenID
    }

    private func read(_ path: String, id: String, written: String, slug: String?, findings: inout [Finding]) -> TaskFolder {
        var documents: [Document] = []
        var texts: [String: String] = [:]
        var checklist: Checklist?
        var metadata: TaskMetadata?
        var frontMatterCandidate: (FrontMatter, String)?

        var unread: [String] = []
        let files = tree.files(under: path, unreadable: { entry in
            guard entry.kind == .directory else { return }
            unread.append(entry.path)
            let reason = LocalizedText(message: "problem.folder.could-not-be-listed").en
            findings.append(ScanFindings.unreadable(entry.path, problem: .unreadable(reason), task: id))
        }) { entry, problem in
            findings.append(ScanFindings.skippedLink(entry.path, problem: problem))
        }
        for file in files {
            let relativeName = String(file.path.dropFirst(path.count + 1))
            let lower = relativeName.lowercased()
            if lower == "task.yml" || lower == "task.yaml" {
                switch TextFileReader.read(absolutePath: tree.absolute(file.path), path: file.path) {
                case let .success(text):
                    metadata = readMetadata(yaml: text.text, firstLine: 1, file: file.path, task: id, findings: &findings)
                case let .failure(problem):
                    findings.append(ScanFindings.unreadable(file.path, problem: problem, task: id))
                }
                continue
            }
            guard lower.hasSuffix(".md") || lower.hasSuffix(".markdown") else { continue }
            let text: TextFile
            switch TextFileReader.read(absolutePath: tree.absolute(file.path), path: file.path) {
            case let .success(read):
                text = read
            case let .failure(problem):
                findings.append(ScanFindings.unreadable(file.path, problem: problem, task: id))
                if case .unreadable = problem { unread.append(file.path) }
                continue
            }
            if text.hadInvalidUTF8 { findings.append(ScanFindings.invalidUTF8(file.path, task: id)) }
            documents.append(Document(path: file.path, lines: text.lines, nonBlankLines: text.nonBlankLines, bytes: text.bytes))
            texts[file.path] = text.text
            if relativeName == configuration.checklist
                || (checklist == nil && lower == configuration.checklist.lowercased())
            {
                checklist = ChecklistParser.parse(text.text, file: file.path)
            }
            if frontMatterCandidate == nil, let frontMatter = FrontMatter.split(text.text).frontMatter {
                frontMatterCandidate = (frontMatter, file.path)
            }
        }
        if metadata == nil, let (frontMatter, file) = frontMatterCandidate {
            metadata = readMetadata(yaml: frontMatter.yaml, firstLine: frontMatter.firstLine, file: file, task: id, findings: &findings)
        }
        return TaskFolder(
            path: path, id: id, writtenID: written, slug: slug, documents: documents, texts: texts, checklist: checklist,
            metadata: metadata, unread: unread)
    }

    private func readMetadata(yaml: String, firstLine: Int, file: String, task: String, findings: inout [Finding]) -> TaskMetadata? {
        switch TaskMetadataReader.read(yaml: yaml, firstLine: firstLine, source: file, ids: ids) {
        case let .success(metadata):
            return metadata
        case let .failure(problem):
            findings.append(ScanFindings.invalidMetadata(.file(file, line: problem.line), task: task, problem: problem.message))
            return nil
        }
    }
}
