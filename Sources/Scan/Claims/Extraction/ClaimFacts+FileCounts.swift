import Foundation
import PhaseModel

extension ClaimFacts.Lookup {
    /// A file count of a report or changelog line, against the files the commit it describes
    /// changed. That commit is, in this order: the one commit whose id the line writes; the
    /// commit a commit message's count stands in; the commit that wrote the line when it changed
    /// source files; else the one commit before it that changed source files and whose subject
    /// names the same feature or task id as its own (`docs(F011-B): validation report` describes
    /// `feat(F011-B): …`). Several such commits, or none, leave the claim as it was.
    ///
    /// `subject` says which files were counted (`FileCountScope`), `verified` how many, the basis
    /// `changedFiles` the commit. When no scope the text allows gives the figure, `verified` is
    /// every file changed and `ofPart` is set unless the line writes the commit's id and calls the
    /// figure its changed files, and every scope gives the same count: only then does the figure
    /// measure what the commit shows.
    mutating func addChangedFiles(to claim: inout Claim) {
        guard claim.expected == nil, claim.bound == nil, let claimed = claim.claimed, claimed >= 1,
            let history = facts.history
        else { return }
        let line: String
        switch claim.source {
        case .commit: line = claim.text
        case let .file(document, number?):
            guard let text = lineText(document, number) else { return }
            line = text
        case .file: return
        }
        // Which files the text counts is read first: finding the commit that wrote a line reads
        // the document's versions, wasted on the many figures that count no files.
        guard let reference = FileCountReference.of(claim.text, line: line) else { return }
        var commit: String?
        var written = false
        switch claim.source {
        case let .commit(id): commit = id
        case let .file(document, number):
            switch Self.commitIDs(in: line).map({ commits(withPrefix: $0) }).filter({ $0.count == 1 }).map(\.[0]).uniqued() {
            case let ids where ids.count == 1:
                commit = ids[0]
                written = true
            case let ids where ids.count > 1:
                return
            default:
                commit = number.flatMap { lineCommit(document: document, line: $0) }.flatMap { implementationCommit(for: $0) }
            }
        }
        guard let commit, let files = history.stats[commit]?.files, !files.isEmpty else { return }
        let tally: ChangedFileTally
        if let known = fileTallies[commit] {
            tally = known
        } else {
            tally = ChangedFileTally(files)
            fileTallies[commit] = tally
        }
        let new = reference.createdOnly
        func count(_ categories: [FileCategory]) -> Int { tally.count(categories, createdOnly: new) }
        let source: [FileCategory] = [.code, .tests]
        let counts: [(FileCountScope, Int)]
        switch reference.scope {
        case .named:
            counts = [(.named, files.count { ($0.path.split(separator: "/").last.map(String.init) ?? "") == reference.name })]
        case .tests:
            counts = [(new ? .createdTests : .tests, count([.tests]))]
        case .docs:
            counts = [(new ? .createdDocs : .docs, count([.docs]))]
        case .code:
            counts = new
                ? [(.createdSource, count(source))]
                : [(.code, count([.code])), (.source, count(source))]
        case .changed:
            guard !reference.isPart else { return }
            let modified = [(FileCountScope.modified, tally.modified)]
            let all = tally.count(createdOnly: new)
            counts = new
                ? [(.created, all)]
                : [(.all, all), (.withoutDocs, all - count([.docs])), (.source, count(source))]
                    + (reference.saysModified ? modified : [])
        }
        let basis = ClaimEvidenceBasis(.changedFiles, commit: commit)
        if let match = counts.first(where: { Double($0.1) == claimed }) {
            claim.subject = match.0.rawValue
            claim.verified = Double(match.1)
            claim.verifiedValue = reference.name
            claim.evidenceBasis = basis
            return
        }
        let measured = written && reference.saysChanged && Set(counts.map(\.1)).count == 1
        claim.subject = counts[0].0.rawValue
        claim.verified = Double(counts[0].1)
        claim.verifiedValue = reference.name
        claim.evidenceBasis = ClaimEvidenceBasis(.changedFiles, commit: commit, ofPart: measured ? nil : true)
    }

    /// The commit a report's line describes when `commit` wrote it: that commit when it changed
    /// source files, else the one commit before it that did and names the same id in its subject.
    private mutating func implementationCommit(for commit: String) -> String? {
        guard let history = facts.history, let files = history.stats[commit]?.files else { return nil }
        if files.contains(where: { Self.isSource($0.path) }) { return commit }
        guard let start = position(of: commit) else { return nil }
        let ids = Self.featureIDs(in: history.commits[start].subject)
        guard !ids.isEmpty else { return nil }
        var found: [String] = []
        for other in history.commits[(start + 1)...].prefix(Self.featureCommits) where !other.isMerge {
            guard !Self.featureIDs(in: other.subject).isDisjoint(with: ids),
                history.stats[other.id]?.files.contains(where: { Self.isSource($0.path) }) == true
            else { continue }
            found.append(other.id)
            if found.count > 1 { return nil }
        }
        return found.first
    }

    /// How many commits before a report's commit are searched for the work it describes.
    static let featureCommits = 500

    private static func isSource(_ path: String) -> Bool {
        let category = FileCategory.classify(path: path)
        return category == .code || category == .tests
    }

    /// Feature and task ids a commit subject names: `F011-B`, `PC-012`, `T-007`, `F026`.
    static func featureIDs(in subject: String) -> Set<String> {
        guard let regex = featureIDPattern else { return [] }
        let range = NSRange(subject.startIndex..., in: subject)
        return Set(regex.matches(in: subject, range: range).compactMap { Range($0.range, in: subject).map { String(subject[$0]) } })
    }

    private static let featureIDPattern = try? NSRegularExpression(
        pattern: "(?<![A-Za-z0-9-])[A-Z]{1,6}-?[0-9]{2,5}(?:-[A-Z](?![A-Za-z0-9]))?(?![A-Za-z0-9])")

    /// Hexadecimal words of seven to forty digits with a digit and a letter: commit ids as a line
    /// writes them (`(828a772)`, `` `b4fd6ec` ``), lower-cased.
    static func commitIDs(in line: String) -> [String] {
        line.split { !$0.isLetter && !$0.isNumber }.compactMap { word in
            guard (7...40).contains(word.count), word.allSatisfy(\.isHexDigit), word.contains(where: \.isNumber),
                word.contains(where: \.isLetter)
            else { return nil }
            return word.lowercased()
        }
    }
}

extension Array where Element: Hashable {
    fileprivate func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
