/// Repository-relative paths by every trailing run of their components (`b.md`, `a/b.md`,
/// `x/a/b.md` for `x/a/b.md`), so that finding the files a written name or trailing path could
/// mean is one lookup. A search through the paths for each claim made name lookups most of a
/// scan of a plan with 20,000 files and 18,000 line-count claims, half of them naming one
/// common file name.
struct PathSuffixIndex: Sendable {
    /// The paths a suffix names: exactly one, or several.
    enum Match: Sendable, Equatable {
        case one(String)
        case several
    }

    private var bySuffix: [String: Match] = [:]
    private var paths = Set<String>()

    /// The index of `paths`; a path given twice counts once.
    init<S: Sequence>(_ paths: S) where S.Element == String {
        for path in paths where self.paths.insert(path).inserted {
            let bytes = path.utf8
            if !bytes.contains(where: { $0 >= 0x80 }) {
                // In ASCII each byte is a character, so the slashes are found among the bytes:
                // searching the characters backwards was most of building the index of the
                // 100,000-commit repository's paths (Benchmarks/RESULTS-scale.md, twentieth round).
                var start = bytes.endIndex
                while let slash = bytes[..<start].lastIndex(of: UInt8(ascii: "/")) {
                    add(String(path[bytes.index(after: slash)...]), for: path)
                    start = slash
                }
            } else {
                var start = path.endIndex
                while let slash = path[..<start].lastIndex(of: "/") {
                    add(String(path[path.index(after: slash)...]), for: path)
                    start = slash
                }
            }
            add(path, for: path)
        }
    }

    private mutating func add(_ suffix: String, for path: String) {
        guard !suffix.isEmpty else { return }
        bySuffix[suffix] = bySuffix[suffix] == nil ? .one(path) : .several
    }

    /// The paths equal to `suffix` or ending with `/` + `suffix` (`suffix` has no leading `/`).
    func match(_ suffix: String) -> Match? {
        bySuffix[suffix]
    }

    /// Whether `path` itself is one of the paths.
    func contains(_ path: String) -> Bool {
        paths.contains(path)
    }
}
