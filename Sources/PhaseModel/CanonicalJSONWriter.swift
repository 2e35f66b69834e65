// Why phasecert writes its own JSON: a profile of `scan` on a 50,000-task plan spent about a
// third of its CPU time in Foundation's `JSONEncoder` (certification ids encode every phase's
// evidence, and `scan --json` the whole model). `JSONEncoder` builds a tree of boxed values and
// a dictionary per object before it writes a byte; this writer puts bytes straight into one
// buffer and only reorders an object's members when it closes.
//
// The bytes must stay exactly what `JSONEncoder` wrote with `.sortedKeys`,
// `.withoutEscapingSlashes`, optionally `.prettyPrinted`, and `nonConformingFloatEncodingStrategy
// = .throw`: certification ids are SHA-256 digests of them, and golden files hold those ids.
// Every rule below copies what that encoder does on this toolchain (the differential tests in
// CanonicalJSONWriterTests compare the two):
// - members sorted by the UTF-8 bytes of their keys (not by `String <`, which normalizes);
// - a key written twice keeps the last value; keys equal as `String`s are one member there;
// - numbers as `description` less a trailing ".0"; non-finite numbers throw;
// - strings as their own UTF-8, with `"`, `\` and U+0000–U+001F escaped;
// - pretty: two spaces a level, `"key" : value`, and `[\n\n<indent>]` for an empty container;
// - a value that encodes nothing is `{}`, and a member whose value throws is left out.
// The few uses of `Encoder` whose result Foundation settles only later (a container written to
// after its parent moved on, a super encoder left unused, two nested containers under one key,
// two spellings of one key) are not imitated: the writer notices them and `CanonicalJSON` asks
// Foundation for that value instead.

import Foundation

/// The bytes of one value being written as canonical JSON, and the containers open in it.
///
/// Containers nest as a stack of frames. A value is written where it stands; an object's
/// members are written in the order they come, each remembered by where its bytes lie, and put
/// in key order when the object closes. A container handle that is no longer on top closes the
/// frames above it, as the end of a nested value does.
///
/// A struct reached through a pointer (see `CanonicalJSONEncoder.Shared`): in a class, every
/// access to a stored property is checked for exclusivity at run time, which cost as much as
/// the writing. No method here calls into the value being encoded, so no access overlaps.
struct CanonicalJSONWriter {
    /// Thrown, and remembered, when the value uses `Encoder` in a way this writer does not copy.
    struct NeedsFoundation: Error {}

    /// An open array or object.
    struct Frame {
        /// Tells a live handle from one whose container has closed.
        var id: Int
        /// The slot the container fills: a second container asked of the same encoder is this one.
        var slot: Int
        var isObject: Bool
        /// Elements or members begun so far.
        var count: Int
        /// Where this frame's members start in `entries`.
        var firstEntry: Int
    }

    /// A member of an open object, by where its bytes are in `bytes`.
    struct Entry {
        /// The key, kept only when its written form is not its plain ASCII bytes (escapes or
        /// non-ASCII characters); otherwise read back from `bytes`, which spares a retain.
        var key: String?
        /// The opening quote of the key.
        var start: Int
        /// Just after the closing quote of the key.
        var keyEnd: Int
        /// Just after the value; set once the next member begins or the object closes.
        var end: Int
        /// Made by `nestedContainer` or `superEncoder`, which Foundation merges when repeated.
        var nested: Bool
        /// The key's first eight UTF-8 bytes, big-endian and padded with zeros: most keys of an
        /// object differ there, so most comparisons are one integer comparison.
        var prefix: UInt64
    }

    /// Where the writer stood before a value, to take the value back when it throws.
    struct Mark {
        var bytes: Int
        var entries: Int
        var frames: Int
        var insertions: Int
        /// The top frame then, and its count, which a value that throws must leave as they were.
        var topID: Int
        var count: Int
    }

    let pretty: Bool
    private(set) var bytes: [UInt8] = []
    private(set) var frames: [Frame] = []
    private var entries: [Entry] = []
    /// The slot waiting for its value (0: none). A slot is a place for one value: the top level,
    /// a member, an element.
    private(set) var pendingSlot = 0
    /// The pending slot belongs to a super encoder, which Foundation fills only when it goes away.
    private var pendingIsSuper = false
    /// Set once the value used `Encoder` in a way this writer does not copy; sticky, so that a
    /// `try?` inside a model's `encode(to:)` cannot hide it.
    private(set) var needsFoundation = false
    private var nextID = 1
    /// Reused while members are put in order, so that closing an object allocates nothing.
    private var scratch: [UInt8] = []
    private var order: [Int] = []
    private var spaces: [UInt8] = []

    /// Levels of indentation every line after the first starts with: an element written alone
    /// for an array at that depth (`CanonicalJSONEncoder.Shared.encodeInParallel`).
    let baseDepth: Int
    /// Whether long arrays written on several cores are kept as their pieces (`insert(_:)`)
    /// instead of being copied into `bytes`: set for a value written out whole (`scan --json`),
    /// where copying 290 MB into one buffer, through fresh pages, was a tenth of the run.
    let keepsPieces: Bool
    /// Pieces that stand at an offset of `bytes`, in order: what `keepsPieces` keeps.
    private(set) var insertions: [(offset: Int, pieces: [[UInt8]])] = []

    init(pretty: Bool, baseDepth: Int = 0, keepsPieces: Bool = false) {
        self.pretty = pretty
        self.baseDepth = baseDepth
        self.keepsPieces = keepsPieces
        // Enough for a phase's evidence without growing; a whole model grows from there.
        bytes.reserveCapacity(4096)
        frames.reserveCapacity(16)
        entries.reserveCapacity(64)
    }

    /// Back to an empty writer, keeping the buffers' capacity, for the next value written alone.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        insertions.removeAll()
        frames.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        pendingSlot = 0
        pendingIsSuper = false
        needsFoundation = false
        nextID = 1
    }

    /// The finished bytes, with the trailing newline.
    mutating func finish() -> [UInt8] {
        bytes.append(0x0A)
        materialize(from: 0)
        return bytes
    }

    /// The finished bytes, with the trailing newline, as the pieces they are kept in: written out
    /// one after another they are `finish()`'s bytes.
    mutating func finishPieces() -> [[UInt8]] {
        bytes.append(0x0A)
        var result: [[UInt8]] = []
        var start = 0
        for insertion in insertions {
            result.append(Array(bytes[start..<insertion.offset]))
            result += insertion.pieces
            start = insertion.offset
        }
        result.append(start == 0 ? bytes : Array(bytes[start...]))
        insertions.removeAll()
        return result.filter { !$0.isEmpty }
    }

    /// Pieces written at the end of `bytes` that stay apart from it until the end (`keepsPieces`).
    mutating func insert(_ pieces: [[UInt8]]) {
        insertions.append((bytes.count, pieces))
    }

    /// Copies the insertions at `offset` or after into `bytes`, where they stand, and moves the
    /// open members' offsets past them: an object about to be sorted holds no insertion.
    private mutating func materialize(from offset: Int) {
        guard let first = insertions.firstIndex(where: { $0.offset >= offset }) else { return }
        let moving = insertions[first...]
        insertions.removeSubrange(first...)
        var rebuilt: [UInt8] = []
        rebuilt.reserveCapacity(bytes.count + moving.reduce(0) { $0 + $1.pieces.reduce(0) { $0 + $1.count } })
        var start = 0
        var shifts: [(offset: Int, added: Int)] = []
        var added = 0
        for insertion in moving {
            rebuilt.append(contentsOf: bytes[start..<insertion.offset])
            for piece in insertion.pieces {
                rebuilt.append(contentsOf: piece)
                added += piece.count
            }
            shifts.append((insertion.offset, added))
            start = insertion.offset
        }
        rebuilt.append(contentsOf: bytes[start...])
        bytes = rebuilt
        // An offset at or after an insertion's moves by what was inserted up to it.
        func moved(_ position: Int) -> Int {
            shifts.last { $0.offset <= position }.map { position + $0.added } ?? position
        }
        for index in entries.indices {
            entries[index].start = moved(entries[index].start)
            entries[index].keyEnd = moved(entries[index].keyEnd)
            entries[index].end = moved(entries[index].end)
        }
    }

    // MARK: Slots and frames

    /// A new place for one value, which the next container or scalar fills.
    mutating func beginSlot(super isSuper: Bool = false) -> Int {
        let slot = nextID
        nextID += 1
        pendingSlot = slot
        pendingIsSuper = isSuper
        return slot
    }

    /// Claims `slot` for a value about to be written.
    @inline(__always)
    mutating func fill(_ slot: Int) throws {
        guard pendingSlot == slot else { throw giveUp() }
        pendingSlot = 0
    }

    /// Records that Foundation has to write this value, and returns the error that says so.
    mutating func giveUp() -> NeedsFoundation {
        needsFoundation = true
        return NeedsFoundation()
    }

    /// Gets the frame `index` (identified by `id`) ready for its next element or member: a slot
    /// left empty gets Foundation's `{}`, and frames opened above it are closed.
    @inline(__always)
    mutating func prepare(_ index: Int, _ id: Int) throws {
        if pendingSlot != 0 { try fillAbandonedSlot() }
        if index != frames.count - 1 || frames[index].id != id { try reach(index, id) }
    }

    private mutating func reach(_ index: Int, _ id: Int) throws {
        guard index < frames.count, frames[index].id == id else { throw giveUp() }
        while frames.count > index + 1 { try close() }
    }

    /// Gives a slot that got no value the `{}` Foundation writes for it. A super encoder's slot
    /// is left to Foundation: it places the value when the encoder is released.
    private mutating func fillAbandonedSlot() throws {
        guard !pendingIsSuper else { throw giveUp() }
        pendingSlot = 0
        try writeEmptyObject()
    }

    /// `{}` (pretty: `{\n\n<indent>}`) in the slot just claimed.
    mutating func writeEmptyObject() throws {
        open(object: true, slot: 0)
        try close()
    }

    /// Opens a container in the slot just claimed and returns its frame.
    @discardableResult
    mutating func open(object: Bool, slot: Int) -> (index: Int, id: Int) {
        let id = nextID
        nextID += 1
        frames.append(Frame(id: id, slot: slot, isObject: object, count: 0, firstEntry: entries.count))
        bytes.append(object ? 0x7B : 0x5B)
        if pretty { bytes.append(0x0A) }
        return (frames.count - 1, id)
    }

    /// The frame for a container asked of the encoder of `slot` at `level`: a new one while the
    /// slot is empty, the same one when the encoder already made it (Foundation merges them).
    mutating func frame(slot: Int, level: Int, object: Bool) -> (index: Int, id: Int) {
        if pendingSlot == slot {
            pendingSlot = 0
            return open(object: object, slot: slot)
        }
        if level < frames.count, frames[level].slot == slot, frames[level].isObject == object {
            return (level, frames[level].id)
        }
        // A second container of another kind, or one asked after the slot got a value: every
        // write through this handle fails.
        needsFoundation = true
        return (Int.max, 0)
    }

    /// Ends the value of a member or element: a slot it left empty gets `{}`, and the frames it
    /// opened (at `level` and above) close.
    mutating func endValue(level: Int) throws {
        if pendingSlot != 0 { try fillAbandonedSlot() }
        while frames.count > level { try close() }
    }

    func mark() -> Mark {
        Mark(
            bytes: bytes.count, entries: entries.count, frames: frames.count, insertions: insertions.count,
            topID: frames.last?.id ?? 0, count: frames.last?.count ?? 0
        )
    }

    /// Takes back a value that threw, as Foundation drops it: neither key nor value is written.
    mutating func rollback(to mark: Mark) {
        pendingSlot = 0
        let intact = frames.count >= mark.frames && (mark.frames == 0 || frames[mark.frames - 1].id == mark.topID)
        guard intact, bytes.count >= mark.bytes, entries.count >= mark.entries else {
            // Frames below the value closed while it was written: the buffer cannot be trusted.
            needsFoundation = true
            return
        }
        frames.removeLast(frames.count - mark.frames)
        if !frames.isEmpty { frames[frames.count - 1].count = mark.count }
        entries.removeLast(entries.count - mark.entries)
        bytes.removeLast(bytes.count - mark.bytes)
        insertions.removeLast(max(0, insertions.count - mark.insertions))
    }

    /// Starts the next element of the top frame (an array).
    @inline(__always)
    mutating func beginElement() {
        let index = frames.count - 1
        if frames[index].count > 0 { separator(depth: index + 1) } else if pretty { indent(index + 1) }
        frames[index].count += 1
    }

    /// Starts the member `key` of the top frame (an object): writes the key and the colon.
    @inline(__always)
    mutating func beginEntry(_ key: String, nested: Bool = false) {
        let index = frames.count - 1
        if frames[index].count > 0 {
            entries[entries.count - 1].end = bytes.count
            separator(depth: index + 1)
        } else if pretty {
            indent(index + 1)
        }
        frames[index].count += 1
        entries.append(writeKey(key, nested: nested))
        if pretty {
            bytes.append(0x20)
            bytes.append(0x3A)
            bytes.append(0x20)
        } else {
            bytes.append(0x3A)
        }
    }

    /// Between two elements or members: a comma, and in pretty output a new line indented.
    private mutating func separator(depth: Int) {
        bytes.append(0x2C)
        if pretty {
            bytes.append(0x0A)
            indent(depth)
        }
    }

    /// Two spaces a level, copied from `spaces`.
    private mutating func indent(_ depth: Int) {
        let count = 2 * (depth + baseDepth)
        if count > spaces.count { spaces = [UInt8](repeating: 0x20, count: max(64, 2 * count)) }
        spaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
    }

    /// Closes the top frame; an object's members are put in key order first.
    mutating func close() throws {
        let frame = frames.removeLast()
        let depth = frames.count
        if frame.isObject {
            let members = frame.firstEntry..<entries.count
            if !members.isEmpty {
                entries[members.upperBound - 1].end = bytes.count
                try sortMembers(members, depth: depth)
            }
            // One at a time: `removeLast(_:)` goes through the generic `replaceSubrange`.
            for _ in members { entries.removeLast() }
        }
        if pretty {
            bytes.append(0x0A)
            indent(depth)
        }
        bytes.append(frame.isObject ? 0x7D : 0x5D)
    }

    // MARK: Member order

    /// Puts the members of an object in the order Foundation writes them: by the UTF-8 bytes of
    /// their keys, the last of repeated keys only.
    private mutating func sortMembers(_ members: Range<Int>, depth: Int) throws {
        var sorted = true
        var notPlain = entries[members.lowerBound].key != nil
        for index in members.dropFirst() {
            notPlain = notPlain || entries[index].key != nil
            if sorted && compareKeys(index - 1, index) >= 0 { sorted = false }
        }
        // Foundation keeps members in a `[String: …]`, where canonically equivalent keys (`é` as
        // one scalar or two, K and the Kelvin sign) are one key: first spelling, last value.
        if notPlain, Set(members.map { key(of: $0) }).count < Set(members.map { Array(key(of: $0).utf8) }).count {
            throw giveUp()
        }
        guard !sorted else { return }

        // Taken out of `self` while `keep` reads `self`.
        var order = self.order
        self.order = []
        defer { self.order = order }
        order.removeAll(keepingCapacity: true)
        order.append(contentsOf: members)
        let kept: Int
        do {
            kept = try keep(&order)
        } catch {
            throw giveUp()
        }

        materialize(from: entries[members.lowerBound].start)
        let base = entries[members.lowerBound].start
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[base...])
        bytes.removeLast(bytes.count - base)
        for number in 0..<kept {
            if number > 0 { separator(depth: depth + 1) }
            let entry = entries[order[number]]
            bytes.append(contentsOf: scratch[(entry.start - base)..<(entry.end - base)])
        }
    }

    /// Sorts `order` (member indices) by key and keeps the last of each run of one key; returns
    /// how many are kept, first in `order`. Throws when repeated keys came from nested containers.
    private func keep(_ order: inout [Int]) throws -> Int {
        // Through pointers: a closure that captured `self` would copy the writer for every
        // comparison.
        try entries.withUnsafeBufferPointer { entries in
            try bytes.withUnsafeBufferPointer { bytes in
                // Ties (the same key twice) stay in the order written, so the last one is kept.
                order.sort { a, b in
                    let result = Self.compare(entries[a], entries[b], in: bytes)
                    return result < 0 || (result == 0 && a < b)
                }
                // Keep the last of each run of one key.
                var kept = 0
                var position = 0
                while position < order.count {
                    var last = position
                    while last + 1 < order.count, Self.compare(entries[order[last]], entries[order[last + 1]], in: bytes) == 0 {
                        last += 1
                    }
                    if last > position, order[position...last].contains(where: { entries[$0].nested }) {
                        // Nested containers under one key merge in Foundation.
                        throw NeedsFoundation()
                    }
                    order[kept] = order[last]
                    kept += 1
                    position = last + 1
                }
                return kept
            }
        }
    }

    private func compareKeys(_ a: Int, _ b: Int) -> Int {
        bytes.withUnsafeBufferPointer { Self.compare(entries[a], entries[b], in: $0) }
    }

    /// How `left`'s key compares with `right`'s in UTF-8 byte order: -1, 0 or 1.
    private static func compare(_ left: Entry, _ right: Entry, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if left.prefix != right.prefix { return left.prefix < right.prefix ? -1 : 1 }
        if left.key != nil || right.key != nil {
            let leftKey = left.key ?? key(of: left, in: bytes)
            let rightKey = right.key ?? key(of: right, in: bytes)
            if leftKey.utf8.elementsEqual(rightKey.utf8) { return 0 }
            return leftKey.utf8.lexicographicallyPrecedes(rightKey.utf8) ? -1 : 1
        }
        // Plain keys are their bytes, between the quotes.
        let base = bytes.baseAddress!
        let leftCount = left.keyEnd - left.start - 2
        let rightCount = right.keyEnd - right.start - 2
        let result = memcmp(base + left.start + 1, base + right.start + 1, min(leftCount, rightCount))
        if result != 0 { return result < 0 ? -1 : 1 }
        return leftCount == rightCount ? 0 : (leftCount < rightCount ? -1 : 1)
    }

    private static func key(of entry: Entry, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[(entry.start + 1)..<(entry.keyEnd - 1)]), as: UTF8.self)
    }

    /// The key of member `index`.
    private func key(of index: Int) -> String {
        let entry = entries[index]
        return entry.key ?? String(decoding: bytes[(entry.start + 1)..<(entry.keyEnd - 1)], as: UTF8.self)
    }

    /// The coding path of a value at `level`: the member key or element index open in each frame
    /// below it. Only errors need it, so it is worked out when asked.
    func codingPath(level: Int) -> [any CodingKey] {
        var path: [any CodingKey] = []
        for index in 0..<min(level, frames.count) {
            let frame = frames[index]
            if frame.isObject {
                let last = (index + 1 < frames.count ? frames[index + 1].firstEntry : entries.count) - 1
                if last >= frame.firstEntry { path.append(PathKey(stringValue: key(of: last))) }
            } else if frame.count > 0 {
                path.append(PathKey(intValue: frame.count - 1))
            }
        }
        return path
    }

    // MARK: Scalars

    mutating func writeNull() {
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C] as [UInt8])
    }

    mutating func writeBool(_ value: Bool) {
        if value {
            bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65] as [UInt8])
        } else {
            bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65] as [UInt8])
        }
    }

    /// Decimal digits, `-` first when negative: what `String(value)` gives, without the String.
    mutating func writeInteger<T: FixedWidthInteger>(_ value: T) {
        if value >= 0 && value < 10 {
            bytes.append(0x30 + UInt8(truncatingIfNeeded: value))
            return
        }
        guard T.bitWidth <= 64 else {
            bytes.append(contentsOf: String(value).utf8)
            return
        }
        var magnitude = UInt64(truncatingIfNeeded: value.magnitude)
        if value < 0 { bytes.append(0x2D) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var position = 20
            repeat {
                position -= 1
                digits[position] = 0x30 + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[position...]))
        }
    }

    /// `description` without a trailing ".0", as Foundation writes floating-point numbers, or
    /// Foundation's error for a non-finite number (the `.throw` strategy).
    mutating func writeFloatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(
        _ value: T, path: @autoclosure () -> [any CodingKey]
    ) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: path(),
                debugDescription: LocalizedText(message: "error.json.not-finite", ["type": .text("\(T.self)"), "value": .text("\(value)")]).en
            ))
        }
        var text = value.description
        text.withUTF8 { utf8 in
            var count = utf8.count
            if count > 2, utf8[count - 2] == 0x2E, utf8[count - 1] == 0x30 { count -= 2 }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<count]))
        }
    }

    /// A quoted string: its own UTF-8, with `"`, `\` and control characters escaped (`/`, DEL,
    /// U+2028 and everything else above U+001F as they are). Tells whether the string is plain:
    /// ASCII with nothing escaped, so that the bytes between the quotes are the string.
    @discardableResult
    mutating func writeString(_ string: String) -> Bool {
        var string = string
        return string.withUTF8 { writeString(utf8: $0) }
    }

    /// A member's key, as `writeString` writes it, and the entry that remembers it.
    private mutating func writeKey(_ key: String, nested: Bool) -> Entry {
        var key = key
        return key.withUTF8 { utf8 in
            let start = bytes.count
            let plain = writeString(utf8: utf8)
            // The first eight bytes as a big-endian number orders most keys in one comparison.
            var prefix: UInt64 = 0
            for index in 0..<8 {
                prefix <<= 8
                if index < utf8.count { prefix |= UInt64(utf8[index]) }
            }
            return Entry(
                key: plain ? nil : String(decoding: utf8, as: UTF8.self), start: start, keyEnd: bytes.count, end: 0,
                nested: nested, prefix: prefix
            )
        }
    }

    private mutating func writeString(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.append(0x22)
        var high: UInt8 = 0
        var escaped = false
        var runStart = 0
        // Eight bytes at a time while they are plain ASCII: no byte below 0x20, at or above
        // 0x80, nor `"` or `\` ("Bit Twiddling Hacks", hasless and haszero).
        var plainEnd = 0
        if let base = utf8.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highBits: UInt64 = 0x8080_8080_8080_8080
            while plainEnd + 8 <= utf8.count {
                let word = UnsafeRawPointer(base + plainEnd).loadUnaligned(as: UInt64.self)
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let below20 = (word &- ones &* 0x20) & ~word
                let hasQuote = (quote &- ones) & ~quote
                let hasBackslash = (backslash &- ones) & ~backslash
                if (word | below20 | hasQuote | hasBackslash) & highBits != 0 { break }
                plainEnd += 8
            }
        }
        for index in plainEnd..<utf8.count {
            let byte = utf8[index]
            high |= byte
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            writeEscape(byte)
            escaped = true
            runStart = index + 1
        }
        if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        bytes.append(0x22)
        return !escaped && high < 0x80
    }

    private mutating func writeEscape(_ byte: UInt8) {
        bytes.append(0x5C)
        switch byte {
        case 0x22: bytes.append(0x22)  // \"
        case 0x5C: bytes.append(0x5C)  // \\
        case 0x08: bytes.append(0x62)  // \b
        case 0x09: bytes.append(0x74)  // \t
        case 0x0A: bytes.append(0x6E)  // \n
        case 0x0C: bytes.append(0x66)  // \f
        case 0x0D: bytes.append(0x72)  // \r
        default:
            // u00XX, lowercase hex as Foundation writes it.
            let hex = { (digit: UInt8) -> UInt8 in digit < 10 ? 0x30 + digit : 0x57 + digit }
            bytes.append(contentsOf: [0x75, 0x30, 0x30, hex(byte >> 4), hex(byte & 0x0F)] as [UInt8])
        }
    }

    /// Bytes Foundation wrote for a value it treats specially (`Date`, `Data`, `URL`, `Decimal`).
    mutating func writeRaw(_ data: Data) {
        bytes.append(contentsOf: data)
    }

    /// Room for `count` more bytes, and for what follows them: at least half again the
    /// capacity, so that the writes after a long array do not copy the whole text again.
    mutating func makeRoom(for count: Int) {
        let needed = bytes.count + count
        guard bytes.capacity < needed + 4096 else { return }
        bytes.reserveCapacity(max(needed + 4096, bytes.capacity + bytes.capacity / 2))
    }

    /// Bytes already in canonical form for where they stand.
    mutating func writeRaw(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }
}

/// A coding-path component rebuilt from a written key or index.
private struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}
