import Foundation

/// Finds result files that repeat an earlier one: a link to it, or a byte-for-byte copy (a CI step that
/// copies `junit.xml` into an artifact folder beside the original). Counting both would count every
/// test twice ("9 run, 3 defined").
///
/// Files are compared only within the same kind and size, and then by content in chunks, so a large
/// result file is never held in memory and different files are told apart after one `stat`.
struct DuplicateResultFiles {
    let tree: RepositoryTree
    private static let chunk = 256 * 1024

    /// The later copies among `candidates` (in path order), each naming the first file it repeats. A file
    /// reached without a link counts as the original of the links to it, wherever they sort.
    func copies(in candidates: [EvidenceDiscovery.Candidate]) -> [UnreadEvidence] {
        var firstByRealPath: [String: String] = [:]
        var bySize: [SizeKey: [String]] = [:]
        var copies: [UnreadEvidence] = []
        let resolved = candidates.map { candidate in
            let absolute = tree.absolute(candidate.path)
            return (candidate, absolute, RepositoryTree.realPath(absolute) ?? absolute)
        }
        let ordered = resolved.filter { $0.1 == $0.2 } + resolved.filter { $0.1 != $0.2 }
        for (candidate, absolute, real) in ordered {
            if let first = firstByRealPath[real] {
                copies.append(UnreadEvidence(path: candidate.path, reason: .duplicate(of: first)))
                continue
            }
            firstByRealPath[real] = candidate.path
            guard let size = Self.size(of: real), size > 0 else { continue }
            let key = SizeKey(kind: candidate.kind, size: size)
            if let first = bySize[key, default: []].first(where: { Self.sameContent(tree.absolute($0), absolute) }) {
                copies.append(UnreadEvidence(path: candidate.path, reason: .duplicate(of: first)))
                // Links to this copy name the file that is counted.
                firstByRealPath[real] = first
                continue
            }
            bySize[key, default: []].append(candidate.path)
        }
        return copies.sorted { $0.path < $1.path }
    }

    private struct SizeKey: Hashable {
        var kind: EvidenceKind
        var size: Int
    }

    private static func size(of path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
    }

    /// Whether two files hold the same bytes; `false` when either cannot be read to the end.
    private static func sameContent(_ first: String, _ second: String) -> Bool {
        guard let lhs = FileHandle(forReadingAtPath: first), let rhs = FileHandle(forReadingAtPath: second) else { return false }
        defer {
            try? lhs.close()
            try? rhs.close()
        }
        while true {
            // `read(upToCount:)` gives nil or empty data at the end of a file.
            guard let left = try? lhs.read(upToCount: chunk) ?? Data(), let right = try? rhs.read(upToCount: chunk) ?? Data()
            else { return false }
            if left != right { return false }
            if left.isEmpty { return true }
        }
    }
}
