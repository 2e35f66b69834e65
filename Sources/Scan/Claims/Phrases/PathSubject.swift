import PhaseModel

/// The file a figure is about, when its path is written right before it: `design.md (1,970 LOC)`,
/// `` `Sources/x/y.swift`: 120 lines ``, `**requirements.md** — 962 lines`.
enum PathSubject {
    /// Longest path read; longer runs are prose or data, not a file name someone typed.
    private static let maximumLength = 256

    /// The path ending just before scalar `position` (past blanks, brackets, colons, dashes and
    /// emphasis), with the scalar position its quote starts at (the opening backtick, if any).
    static func before(_ position: Int, in scalars: ClaimScalars) -> (path: String, start: Int)? {
        var index = position - 1
        var steps = 0
        while steps < 8, let scalar = scalars[index],
            ClaimScalars.isBlank(scalar) || "(:—–-*_".unicodeScalars.contains(scalar)
        {
            index -= 1
            steps += 1
        }
        if scalars.is(index, "`") {
            var open = index - 1
            while open >= 0, index - open <= maximumLength, let scalar = scalars[open], scalar != "`",
                !PhraseLexer.isLineBreak(scalar)
            {
                open -= 1
            }
            guard scalars.is(open, "`"), open < index - 1 else { return nil }
            let path = scalars.slice(open + 1, index)
            return path.unicodeScalars.allSatisfy({ !ClaimScalars.isBlank($0) }) ? (path, open) : nil
        }
        var start = index + 1
        while start > 0, index - start < maximumLength, let scalar = scalars[start - 1], isPathScalar(scalar) {
            start -= 1
        }
        guard start <= index else { return nil }
        let path = scalars.slice(start, index + 1)
        return looksLikePath(path) ? (path, start) : nil
    }

    private static func isPathScalar(_ scalar: Unicode.Scalar) -> Bool {
        ClaimScalars.isDigit(scalar) || ClaimScalars.isLetter(scalar) || "._-/\\~+@".unicodeScalars.contains(scalar)
    }

    /// A name with a directory (`docs/guide`) or an extension that has a letter (`design.md`, `a.tar.gz`),
    /// but not a version or a number (`v1.2`, `1.5`).
    static func looksLikePath(_ path: String) -> Bool {
        let scalars = Array(path.unicodeScalars)
        guard scalars.contains(where: ClaimScalars.isLetter), let last = scalars.last, last != ".", last != "/"
        else { return false }
        if scalars.contains("/") || scalars.contains("\\") { return true }
        guard let dot = scalars.lastIndex(of: "."), dot > 0 else { return false }
        let extensionScalars = scalars[(dot + 1)...]
        return (1...10).contains(extensionScalars.count) && extensionScalars.contains(where: ClaimScalars.isLetter)
            && extensionScalars.allSatisfy { ClaimScalars.isDigit($0) || ClaimScalars.isLetter($0) }
    }
}
