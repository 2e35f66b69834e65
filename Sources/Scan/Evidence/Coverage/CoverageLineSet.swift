/// The distinct lines of one source file that a coverage report lists, and which of them ran.
///
/// Adding a line twice never counts it twice; it is hit if any addition was a hit. Lines are kept
/// as bits while they are dense (real reports list most lines of a file), so memory is about two
/// bits per source line; a line number far beyond the lines seen so far goes to a dictionary instead,
/// so a bogus `DA:999999999,1` cannot make the bit arrays huge.
struct CoverageLineSet: Sendable {
    private var found: [UInt64] = []
    private var hit: [UInt64] = []
    private var sparse: [Int: Bool] = [:]
    private(set) var foundCount = 0
    private(set) var hitCount = 0

    /// Dense bits may reach this many per found line (plus a first 4096 for free).
    private static let densityFactor = 64
    private static let freeLines = 4096

    mutating func add(line: Int, hit isHit: Bool) {
        guard line >= 0 else { return }
        let word = line >> 6
        if word >= found.count {
            let limit = max(Self.freeLines, Self.densityFactor * (foundCount + 1))
            if line < limit {
                grow(toWords: word + 1)
            }
        }
        if word < found.count {
            let bit = UInt64(1) << UInt64(line & 63)
            if found[word] & bit == 0 {
                found[word] |= bit
                foundCount += 1
            }
            if isHit, hit[word] & bit == 0 {
                hit[word] |= bit
                hitCount += 1
            }
        } else if let was = sparse[line] {
            if isHit && !was {
                sparse[line] = true
                hitCount += 1
            }
        } else {
            sparse[line] = isHit
            foundCount += 1
            if isHit { hitCount += 1 }
        }
    }

    /// Adds every line of `other`.
    mutating func merge(_ other: CoverageLineSet) {
        other.forEach { add(line: $0, hit: $1) }
    }

    func forEach(_ body: (Int, Bool) -> Void) {
        for (index, word) in found.enumerated() where word != 0 {
            for offset in 0..<64 where word & (UInt64(1) << UInt64(offset)) != 0 {
                body(index << 6 + offset, hit[index] & (UInt64(1) << UInt64(offset)) != 0)
            }
        }
        for (line, isHit) in sparse { body(line, isHit) }
    }

    private mutating func grow(toWords words: Int) {
        // Grow geometrically so a file read line by line does not reallocate every 64 lines.
        let target = max(words, min(found.count * 2, max(Self.freeLines, Self.densityFactor * (foundCount + 1)) >> 6 + 1))
        found.append(contentsOf: repeatElement(0, count: target - found.count))
        hit.append(contentsOf: repeatElement(0, count: target - hit.count))
        // Lines that were too far out before may now fall inside the bits; move them so each line lives in one place.
        let limit = found.count << 6
        guard sparse.keys.contains(where: { $0 < limit }) else { return }
        for (line, isHit) in sparse where line < limit {
            sparse[line] = nil
            let word = line >> 6
            let bit = UInt64(1) << UInt64(line & 63)
            found[word] |= bit
            if isHit { hit[word] |= bit }
        }
    }
}
