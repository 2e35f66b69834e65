/// "Did you mean" for an unknown key: a close spelling at the same level, or else the same key at
/// another level (`idWidth` written at the top for `tasks.idWidth`).
enum KeySuggestion {
    static func suggest(for key: String, among keys: [String], elsewhere paths: [String]) -> String? {
        let wanted = normalize(key)
        let best = keys.map { ($0, distance(wanted, normalize($0))) }.min { $0.1 < $1.1 }
        if let best, best.1 <= max(1, min(3, wanted.count / 3)) { return best.0 }
        return paths.first { $0.contains(".") && normalize(String($0.split(separator: ".").last ?? "")) == wanted }
    }

    /// Case, `_` and `-` differences are the usual slips (`id_width`, `IdWidth`).
    private static func normalize(_ key: String) -> [Character] {
        Array(key.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    /// Optimal string alignment distance, so a swapped pair (`weigths`) costs 1.
    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var table = (0...a.count).map { i in (0...b.count).map { j in i == 0 ? j : j == 0 ? i : 0 } }
        for i in 1..<(a.count + 1) {
            for j in 1..<(b.count + 1) {
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
