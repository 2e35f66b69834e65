/// "Did you mean" for an unknown key: a close spelling at the same level, or else the same key at
/// another level (`idWidth` written at the top for `tasks.idWidth`).
enum KeySuggestion {
    static func suggest(for key: String, among keys: [String], elsewhere paths: [String]) -> String? {
        let wanted = normalize(key)
        // The standard library's diff counts a changed or swapped letter (`weigths`) as two edits, one out and one in.
        let best = keys.map { ($0, normalize($0).difference(from: wanted).count) }.min { $0.1 < $1.1 }
        if let best, best.1 <= 2 * max(1, min(3, wanted.count / 3)) { return best.0 }
        return paths.first { $0.contains(".") && normalize(String($0.split(separator: ".").last ?? "")) == wanted }
    }

    /// Case, `_` and `-` differences are the usual slips (`id_width`, `IdWidth`).
    private static func normalize(_ key: String) -> [Character] {
        Array(key.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
    }
}
