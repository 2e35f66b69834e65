/// Repository-relative paths by every trailing run of their components (`b.md`, `a/b.md`,
/// `x/a/b.md` for `x/a/b.md`), so that finding the files a written name or trailing path could
/// mean is one lookup. A search through the paths for each claim made name lookups most of a
/// scan of a plan with 20,000 files and 18,000 line-count claims, half of them naming one
/// common file name.
///
/// A trailing run in ASCII is kept by a 64-bit hash of its bytes, not as a `String` of its own:
/// for the claims of the 100,000-commit repository every thread built an index per task, and
/// these indices were 75.7 MB of the cold scan's heap at its peak, and building them (with the
/// paths they index) 238 samples at 499 a second (Benchmarks/RESULTS-scale.md, twenty-second round). A path found by the hash is
/// checked to end with what was asked, so a hash shared by two runs never names a wrong file; at
/// worst (one pair in 2⁶⁴) a name that matches nothing reads as several matches, which no claim
/// is judged on. In ASCII each character is one byte and its own canonical form, so the bytes
/// compare as the `String`s did; other runs are kept as `String`s, which compare by canonical
/// equivalence.
struct PathSuffixIndex: Sendable {
    /// The paths a suffix names: exactly one, or several.
    enum Match: Sendable, Equatable {
        case one(String)
        case several
    }

    /// What a run names: the position of its one path in `list`, or `several`. A position, not
    /// the path: with a `Match` an entry of `byHash` took 32 bytes, with a position 12 (path-end
    /// indices were 28.3 MB of the heap at a cold scan's facts at 100,000 commits).
    private var byHash: [UInt64: Int32] = [:]
    private var bySuffix: [String: Int32] = [:]
    private var paths = Set<String>()
    private var list: [String] = []
    private static let several: Int32 = -1

    /// The index of `paths`; a path given twice counts once.
    init<S: Sequence>(_ paths: S) where S.Element == String {
        for path in paths where self.paths.insert(path).inserted {
            list.append(path)
            var contiguous = path
            let ascii = contiguous.withUTF8 { bytes in
                guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
                // Each run after a slash, and the whole path.
                for index in bytes.indices where bytes[index] == UInt8(ascii: "/") {
                    add(Self.hash(UnsafeBufferPointer(rebasing: bytes[(index + 1)...])))
                }
                add(Self.hash(bytes))
                return true
            }
            guard !ascii else { continue }
            var start = path.endIndex
            while let slash = path[..<start].lastIndex(of: "/") {
                add(String(path[path.index(after: slash)...]))
                start = slash
            }
            add(path)
        }
    }

    /// Adds a run of the path `list` ends with.
    private mutating func add(_ hash: UInt64?) {
        guard let hash else { return }
        let position = Int32(list.count - 1)
        byHash[hash] = byHash[hash] == nil ? position : Self.several
    }

    private mutating func add(_ suffix: String) {
        guard !suffix.isEmpty, !suffix.utf8.allSatisfy({ $0 < 0x80 }) else {
            // An ASCII run of a path that is not: kept by its hash, where ASCII runs are asked for.
            var suffix = suffix
            add(suffix.withUTF8 { Self.hash($0) })
            return
        }
        let position = Int32(list.count - 1)
        bySuffix[suffix] = bySuffix[suffix] == nil ? position : Self.several
    }

    /// The FNV-1a hash of a non-empty run; `nil` for an empty one (a path ending in `/`).
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        bytes.isEmpty ? nil : FNV1a.hash(bytes)
    }

    /// The paths equal to `suffix` or ending with `/` + `suffix` (`suffix` has no leading `/`).
    func match(_ suffix: String) -> Match? {
        var contiguous = suffix
        return contiguous.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return bySuffix[suffix].map(match) }
            guard let hash = Self.hash(bytes), let found = byHash[hash] else { return nil }
            guard found != Self.several else { return .several }
            let path = list[Int(found)]
            return Self.path(path, endsWith: bytes) ? .one(path) : nil
        }
    }

    private func match(_ position: Int32) -> Match {
        position == Self.several ? .several : .one(list[Int(position)])
    }

    /// Whether `path` is `suffix` or ends with `/` + `suffix`, byte for byte.
    private static func path(_ path: String, endsWith suffix: UnsafeBufferPointer<UInt8>) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            guard bytes.count >= suffix.count, bytes.count == suffix.count || bytes[bytes.count - suffix.count - 1] == UInt8(ascii: "/")
            else { return false }
            return bytes[(bytes.count - suffix.count)...].elementsEqual(suffix)
        }
    }

    /// Whether `path` itself is one of the paths.
    func contains(_ path: String) -> Bool {
        paths.contains(path)
    }
}
