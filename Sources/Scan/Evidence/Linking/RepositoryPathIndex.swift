/// Finds the work-tree file a path from an evidence file means: evidence names files absolutely
/// (`/home/ci/build/src/cart.py`), by Go import path (`example.com/shop/cart/cart.go`), relative to
/// some other root, or by a dotted class name (`com.example.CartTest`, `ScanTests.JUnitParserTests`).
///
/// Matching is by whole path components from the end, the longest match wins, and a tie between
/// different files is kept as all of them rather than guessed.
struct RepositoryPathIndex: Sendable {
    /// File name → repository-relative paths with that name.
    private let byName: [Substring: [String]]
    /// File name without extension → paths.
    private let byStem: [Substring: [String]]
    /// Folder → files directly inside it.
    private let byFolder: [String: [String]]
    private let folderComponents: [(folder: String, components: [Substring])]

    init(paths: [String]) {
        var byName: [Substring: [String]] = [:]
        var byStem: [Substring: [String]] = [:]
        var byFolder: [String: [String]] = [:]
        for path in paths {
            let name = Self.name(of: path)
            byName[name, default: []].append(path)
            byStem[Self.stem(of: name), default: []].append(path)
            byFolder[Self.folder(of: path), default: []].append(path)
        }
        self.byName = byName
        self.byStem = byStem
        self.byFolder = byFolder
        self.folderComponents = byFolder.keys.sorted().map { ($0, Self.components($0)) }
    }

    /// The repository files `path` (as an evidence file wrote it) refers to.
    func files(matching path: String) -> [String] {
        let parts = Self.components(path)
        guard let name = parts.last, let candidates = byName[name] else { return [] }
        return best(candidates) { Self.commonSuffix(Self.components($0), parts) }
    }

    /// The files of the folder a Go package import path names (`example.com/shop/cart` → `cart/`).
    func files(inPackage importPath: String) -> [String] {
        let parts = Self.components(importPath)
        guard !parts.isEmpty else { return [] }
        var matches: [(folder: String, score: Int)] = []
        for (folder, components) in folderComponents {
            let score = Self.commonSuffix(components, parts)
            // The whole folder path must be a suffix of the import path (module prefix aside).
            if score > 0, score == components.count { matches.append((folder, score)) }
        }
        guard let top = matches.map(\.score).max() else { return [] }
        return matches.filter { $0.score == top }.flatMap { byFolder[$0.folder] ?? [] }.sorted()
    }

    /// The files a dotted class name refers to: the longest prefix of its parts that ends in a file
    /// stem, with as many of the preceding parts as possible matching its folders.
    func files(forClass name: String) -> [String] {
        let parts = name.split(separator: ".").map { Substring($0) }
        guard !parts.isEmpty else { return [] }
        for length in stride(from: parts.count, through: 1, by: -1) {
            let prefix = Array(parts[0..<length])
            guard let candidates = byStem[prefix[length - 1]] else { continue }
            let folders = Array(prefix.dropLast())
            let found = best(candidates) { path in
                var components = Self.components(path)
                components.removeLast()
                return Self.commonSuffix(components, folders)
            }
            if !found.isEmpty { return found }
        }
        return []
    }

    private func best(_ candidates: [String], score: (String) -> Int) -> [String] {
        var top = -1
        var result: [String] = []
        for candidate in candidates {
            let value = score(candidate)
            if value > top {
                top = value
                result = [candidate]
            } else if value == top {
                result.append(candidate)
            }
        }
        return result.sorted()
    }

    /// How many trailing components two paths share.
    static func commonSuffix(_ lhs: [Substring], _ rhs: [Substring]) -> Int {
        var count = 0
        while count < lhs.count, count < rhs.count, lhs[lhs.count - 1 - count] == rhs[rhs.count - 1 - count] { count += 1 }
        return count
    }

    /// Path components; `\` counts as a separator too, for evidence written on Windows agents.
    static func components(_ path: String) -> [Substring] {
        path.split { $0 == "/" || $0 == "\\" }.filter { $0 != "." }
    }

    static func name(of path: String) -> Substring {
        components(path).last ?? Substring(path)
    }

    static func stem(of name: Substring) -> Substring {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return name[..<dot]
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}
