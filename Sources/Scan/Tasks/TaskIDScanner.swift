import PhaseModel

/// Finds task ids in many texts (commit messages) quickly: a byte scan for `word-digits` tokens,
/// with each distinct word checked against the prefix pattern once.
///
/// Finds exactly what `TaskIDPattern.ids(in:)` finds: an id is a word of its own (no ASCII
/// letter, digit or `_` before it), and its number is not followed by one, nor by `.digit`.
struct TaskIDScanner {
    let pattern: TaskIDPattern
    private var prefixes: [String: Bool] = [:]

    init(pattern: TaskIDPattern) { self.pattern = pattern }

    mutating func ids(in text: String) -> [String] {
        // The byte scan keys on the dash; ids written without one (`F025`) take the expression.
        guard !pattern.separator.isEmpty else { return pattern.ids(in: text) }
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { scan($0) } ?? pattern.ids(in: text)
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var result: [String] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x2D, index + 1 < bytes.count, Self.isDigit(bytes[index + 1]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count && Self.isDigit(bytes[end]) { end += 1 }
            var start = index
            while start > 0 && Self.isWord(bytes[start - 1]) { start -= 1 }
            let followedByWord = end < bytes.count && Self.isWord(bytes[end])
            let followedByDecimal = end + 1 < bytes.count && bytes[end] == 0x2E && Self.isDigit(bytes[end + 1])
            if start < index && !followedByWord && !followedByDecimal {
                let prefix = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                if isPrefix(prefix) {
                    let id = pattern.canonical(prefix: prefix, number: String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self))
                    if !result.contains(id) { result.append(id) }
                }
            }
            index = end
        }
        return result
    }

    private mutating func isPrefix(_ prefix: String) -> Bool {
        if let known = prefixes[prefix] { return known }
        let matches = pattern.isPrefix(prefix)
        prefixes[prefix] = matches
        return matches
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private static func isWord(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
    }
}
