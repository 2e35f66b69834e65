import Foundation

/// The `Encoder` that model values encode themselves to for `CanonicalJSON`: it hands every
/// value to one `CanonicalJSONWriter`, which writes the bytes.
///
/// The encoder and its containers are small structs around the shared writer and a handle (a
/// slot or a frame), so passing one as `any Encoder` allocates nothing; only the box that
/// `KeyedEncodingContainer` puts around a keyed container does, once per object.
struct CanonicalJSONEncoder: Encoder {
    let shared: Shared
    /// The slot this encoder's value goes in.
    let slot: Int
    /// The frame index a container of this value gets: the nesting depth.
    let level: Int

    /// Owns the writer that the encoder and its containers share, through a pointer so that
    /// reaching it costs no run-time exclusivity check (the writer's comment says why). Calls
    /// into the value being encoded are made from here, never from inside a writer method.
    final class Shared {
        let writer: UnsafeMutablePointer<CanonicalJSONWriter>

        init(pretty: Bool, baseDepth: Int = 0, keepsPieces: Bool = false) {
            writer = .allocate(capacity: 1)
            writer.initialize(to: CanonicalJSONWriter(pretty: pretty, baseDepth: baseDepth, keepsPieces: keepsPieces))
        }

        deinit {
            writer.deinitialize(count: 1)
            writer.deallocate()
        }

        /// Writes `value` into `slot`: scalars directly, the types Foundation treats specially
        /// through Foundation, anything else through its `encode(to:)`. Leaves the slot pending
        /// when the value wrote nothing; the caller decides what that means.
        func encode<T: Encodable>(_ value: T, slot: Int, level: Int) throws {
            // Generic code (`Array`, `Optional`, …) reaches scalars through here; writing them
            // without a round trip through `encode(to:)` is much of the speed.
            if T.self == String.self {
                try writer.pointee.fill(slot)
                writer.pointee.writeString(unsafeBitCast(value, to: String.self))
            } else if T.self == Int.self {
                try writer.pointee.fill(slot)
                writer.pointee.writeInteger(unsafeBitCast(value, to: Int.self))
            } else if T.self == Bool.self {
                try writer.pointee.fill(slot)
                writer.pointee.writeBool(unsafeBitCast(value, to: Bool.self))
            } else if T.self == Double.self {
                try writeNumber(unsafeBitCast(value, to: Double.self), slot: slot, level: level)
            } else if T.self == Float.self {
                try writeNumber(unsafeBitCast(value, to: Float.self), slot: slot, level: level)
            } else if T.self == Nullable<String>.self {
                // The model's optional members: through `Nullable.encode(to:)` each one looked up
                // `Optional<Value>`'s metadata at run time, a third of encoding the model.
                try fill(slot, unsafeBitCast(value, to: Nullable<String>.self).wrappedValue) { _ = $0.writeString($1) }
            } else if T.self == Nullable<Int>.self {
                try fill(slot, unsafeBitCast(value, to: Nullable<Int>.self).wrappedValue) { $0.writeInteger($1) }
            } else if T.self == Nullable<Bool>.self {
                try fill(slot, unsafeBitCast(value, to: Nullable<Bool>.self).wrappedValue) { $0.writeBool($1) }
            } else if T.self == Nullable<Double>.self {
                try orNull(slot, unsafeBitCast(value, to: Nullable<Double>.self).wrappedValue) {
                    try writeNumber($0, slot: slot, level: level)
                }
            } else if T.self == LocalizedText.self {
                // Findings are most of a large model's bytes, and each has one or two of these.
                try writeText(unsafeBitCast(value, to: LocalizedText.self), slot: slot, level: level)
            } else if T.self == Nullable<LocalizedText>.self {
                try orNull(slot, unsafeBitCast(value, to: Nullable<LocalizedText>.self).wrappedValue) {
                    try writeText($0, slot: slot, level: level)
                }
            } else if T.self == Severity.self {
                try writer.pointee.fill(slot)
                writer.pointee.writeString(unsafeBitCast(value, to: Severity.self).rawValue)
            } else if T.self == Finding.self {
                // The most numerous object of a large model: found without a conformance look-up.
                try writeObject(unsafeBitCast(value, to: Finding.self), slot: slot, level: level)
            } else if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
                // Foundation writes these by strategies of its own; its bytes for the value alone
                // are the same wherever the value stands (a number or a string).
                let data = try CanonicalJSON.foundationEncoder(pretty: false).encode(value)
                try writer.pointee.fill(slot)
                writer.pointee.writeRaw(data)
            } else if let object = value as? any CanonicalJSONObject {
                try writeObject(object, slot: slot, level: level)
            } else {
                try value.encode(to: CanonicalJSONEncoder(shared: self, slot: slot, level: level))
            }
        }

        /// The object `LocalizedText.encode(to:)` writes, written as its keyed container would.
        private func writeText(_ text: LocalizedText, slot: Int, level: Int) throws {
            let frame = writer.pointee.frame(slot: slot, level: level, object: true)
            try writer.pointee.prepare(frame.index, frame.id)
            writer.pointee.beginEntry("en")
            writer.pointee.writeString(text.en)
            try writer.pointee.prepare(frame.index, frame.id)
            writer.pointee.beginEntry("ru")
            writer.pointee.writeString(text.ru)
        }

        /// An object written member by member (see `CanonicalJSONObject`).
        private func writeObject(_ object: some CanonicalJSONObject, slot: Int, level: Int) throws {
            let frame = writer.pointee.frame(slot: slot, level: level, object: true)
            try object.writeMembers(to: CanonicalJSONMembers(shared: self, index: frame.index, id: frame.id))
        }

        /// Fills `slot` with `value` written by `write`, or with `null`: what `Nullable.encode(to:)`
        /// writes through a single-value container.
        @inline(__always)
        private func fill<V>(_ slot: Int, _ value: V?, _ write: (inout CanonicalJSONWriter, V) -> Void) throws {
            try writer.pointee.fill(slot)
            if let value { write(&writer.pointee, value) } else { writer.pointee.writeNull() }
        }

        /// `value` written by `write`, which fills `slot` itself, or `null` in `slot`: what
        /// `Nullable.encode(to:)` writes for a member that is an object or a number.
        @inline(__always)
        private func orNull<V>(_ slot: Int, _ value: V?, _ write: (V) throws -> Void) throws {
            if let value {
                try write(value)
            } else {
                try writer.pointee.fill(slot)
                writer.pointee.writeNull()
            }
        }

        func writeNumber<T: BinaryFloatingPoint & LosslessStringConvertible>(_ value: T, slot: Int, level: Int) throws {
            guard writer.pointee.pendingSlot == slot else { throw writer.pointee.giveUp() }
            try writer.pointee.writeFloatingPoint(value, path: writer.pointee.codingPath(level: level))
            try writer.pointee.fill(slot)
        }

        /// Writes `value` alone into the (emptied) writer, without the trailing newline; `false`
        /// when Foundation has to write it (see the note in CanonicalJSONWriter.swift).
        func encodeAlone<T: Encodable>(_ value: T) throws -> Bool {
            writer.pointee.reset()
            let slot = writer.pointee.beginSlot()
            do {
                try encode(value, slot: slot, level: 0)
                if writer.pointee.pendingSlot == slot {
                    throw EncodingError.invalidValue(value, EncodingError.Context(
                        codingPath: [], debugDescription: LocalizedText(message: "error.json.nothing-encoded", ["type": .text("\(T.self)")]).en
                    ))
                }
                try writer.pointee.endValue(level: 0)
            } catch {
                // An error Foundation throws as well, unless the writer gave up first (the value may
                // have caught that and thrown an error of its own).
                if writer.pointee.needsFoundation { return false }
                throw error
            }
            return !writer.pointee.needsFoundation
        }

        /// Writes the array `elements` into `slot` with its elements encoded on every core, when
        /// it is long enough to be worth it; `false` (nothing written) when it is not, or when an
        /// element cannot be written alone, so that the caller writes it one element at a time
        /// and meets whatever that element does there.
        ///
        /// An element written alone gives the bytes it gives inside the array: its writer indents
        /// every line after the first by the array's depth (`CanonicalJSONWriter.baseDepth`).
        func encodeInParallel<E: Encodable & Sendable>(_ elements: [E], slot: Int, level: Int) throws -> Bool {
            try encodeInParallel(SendableElements(elements: elements), slot: slot, level: level)
        }

        func encodeInParallel<E: Encodable>(_ sendable: SendableElements<E>, slot: Int, level: Int) throws -> Bool {
            let elements = sendable.elements
            let cores = ProcessInfo.processInfo.activeProcessorCount
            guard cores > 1, elements.count >= CanonicalJSONEncoder.parallelMinimum, writer.pointee.pendingSlot == slot,
                writer.pointee.frames.count == level
            else { return false }
            let pretty = writer.pointee.pretty
            guard let parts = Self.parts(of: sendable, range: elements.indices, pretty: pretty, level: level) else { return false }
            try writer.pointee.fill(slot)
            // Written straight into the writer, room made once: joining the pieces in a buffer of
            // their own first, grown by doubling, cost a 290 MB model a second of fresh pages.
            let (opening, separator, closing) = ArrayPunctuation(pretty: pretty, level: level).bytes
            if writer.pointee.keepsPieces {
                var pieces = [opening]
                for (index, part) in parts.enumerated() {
                    if index > 0 { pieces.append(separator) }
                    pieces.append(part)
                }
                pieces.append(closing)
                writer.pointee.insert(pieces)
                return true
            }
            writer.pointee.makeRoom(
                for: opening.count + parts.reduce(0) { $0 + $1.count } + separator.count * (parts.count - 1) + closing.count)
            writer.pointee.writeRaw(opening)
            for (index, part) in parts.enumerated() {
                if index > 0 { writer.pointee.writeRaw(separator) }
                writer.pointee.writeRaw(part)
            }
            writer.pointee.writeRaw(closing)
            return true
        }

        /// The elements of `sendable` in `range`, each written alone as it stands in an array at
        /// `level`, in consecutive parts joined by the array's separator, on every core; `nil`
        /// when an element cannot be written alone.
        static func parts<E: Encodable>(of sendable: SendableElements<E>, range: Range<Int>, pretty: Bool, level: Int) -> [[UInt8]]? {
            let cores = ProcessInfo.processInfo.activeProcessorCount
            let pieces = max(1, min(cores * 4, range.count / (CanonicalJSONEncoder.parallelMinimum / 4)))
            let size = (range.count + pieces - 1) / pieces
            let punctuation = ArrayPunctuation(pretty: pretty, level: level)
            let (indent, separator) = (punctuation.indent, punctuation.separator)
            let written = ResultSlots<[UInt8]>(count: pieces)
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                let elements = sendable.elements
                // One writer a piece, emptied for each element, indented as the array's elements are.
                let alone = Shared(pretty: pretty, baseDepth: pretty ? level + 1 : 0)
                var bytes: [UInt8] = []
                let part = (range.lowerBound + piece * size)..<min(range.upperBound, range.lowerBound + (piece + 1) * size)
                for index in part {
                    guard (try? alone.encodeAlone(elements[index])) == true else { return }
                    if index == part.lowerBound {
                        // Room for the piece guessed from its first element, so that a piece of
                        // tens of megabytes is not grown by doubling through fresh pages. Pages
                        // reserved and never written cost no memory; the cap keeps an outsized
                        // first element from reserving gigabytes of address space.
                        let guess = (alone.writer.pointee.bytes.count + indent.count * 8) * part.count * 5 / 4
                        bytes.reserveCapacity(min(guess, 1 << 28))
                    }
                    if index > part.lowerBound { bytes += separator }
                    bytes.append(contentsOf: alone.writer.pointee.bytes)
                }
                written.set(piece, bytes)
            }
            // A piece that met an element it could not write alone left its slot empty.
            guard written.finished() == pieces else { return nil }
            return written.values()
        }

        /// A member or element whose value may throw or nest, begun by `begin`: a value that
        /// throws leaves nothing behind, as in Foundation, and containers it opened close when
        /// it returns.
        func encode<T: Encodable>(_ value: T, level: Int, begin: (inout CanonicalJSONWriter) -> Void) throws {
            let mark = writer.pointee.mark()
            begin(&writer.pointee)
            let slot = writer.pointee.beginSlot()
            do {
                try encode(value, slot: slot, level: level)
                try writer.pointee.endValue(level: level)
            } catch {
                writer.pointee.rollback(to: mark)
                throw error
            }
        }
    }

    /// Writes `value` alone, with a trailing newline; `nil` when Foundation has to write it
    /// (see the note in CanonicalJSONWriter.swift).
    static func encode<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8]? {
        let shared = Shared(pretty: pretty)
        guard try shared.encodeAlone(value) else { return nil }
        return shared.writer.pointee.finish()
    }

    /// `encode(_:pretty:)`'s bytes as the pieces they were written in (see
    /// `CanonicalJSONWriter.keepsPieces`); `nil` when Foundation has to write the value.
    static func encodePieces<T: Encodable>(_ value: T, pretty: Bool) throws -> [[UInt8]]? {
        let shared = Shared(pretty: pretty, keepsPieces: true)
        guard try shared.encodeAlone(value) else { return nil }
        return shared.writer.pointee.finishPieces()
    }

    var codingPath: [any CodingKey] { shared.writer.pointee.codingPath(level: level) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let frame = shared.writer.pointee.frame(slot: slot, level: level, object: true)
        return KeyedEncodingContainer(KeyedContainer(shared: shared, index: frame.index, id: frame.id))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let frame = shared.writer.pointee.frame(slot: slot, level: level, object: false)
        return UnkeyedContainer(shared: shared, index: frame.index, id: frame.id)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(shared: shared, slot: slot, level: level)
    }
}

/// An object: members go to the writer's frame `index` while it is still open.
private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let shared: CanonicalJSONEncoder.Shared
    let index: Int
    let id: Int

    private var writer: UnsafeMutablePointer<CanonicalJSONWriter> { shared.writer }
    var codingPath: [any CodingKey] { writer.pointee.codingPath(level: index) }

    mutating func encodeNil(forKey key: Key) throws {
        let name = key.stringValue
        try writer.pointee.prepare(index, id)
        writer.pointee.beginEntry(name)
        writer.pointee.writeNull()
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        let name = key.stringValue
        try writer.pointee.prepare(index, id)
        writer.pointee.beginEntry(name)
        writer.pointee.writeBool(value)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        let name = key.stringValue
        try writer.pointee.prepare(index, id)
        writer.pointee.beginEntry(name)
        writer.pointee.writeString(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws { try encode(generic: value, forKey: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try encode(generic: value, forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try integer(value, key) }

    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func encode(_ value: Int128, forKey key: Key) throws { try integer(value, key) }

    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func encode(_ value: UInt128, forKey key: Key) throws { try integer(value, key) }

    private func integer<T: FixedWidthInteger>(_ value: T, _ key: Key) throws {
        let name = key.stringValue
        try writer.pointee.prepare(index, id)
        writer.pointee.beginEntry(name)
        writer.pointee.writeInteger(value)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encode(generic: value, forKey: key)
    }

    private func encode<T: Encodable>(generic value: T, forKey key: Key) throws {
        let name = key.stringValue
        try writer.pointee.prepare(index, id)
        try shared.encode(value, level: index + 1) { $0.beginEntry(name) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let frame = nested(key.stringValue, object: true)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(shared: shared, index: frame.index, id: frame.id))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let frame = nested(key.stringValue, object: false)
        return UnkeyedContainer(shared: shared, index: frame.index, id: frame.id)
    }

    /// A container opened as the value of `name`; a dead handle when this container is closed.
    private func nested(_ name: String, object: Bool) -> (index: Int, id: Int) {
        do {
            try writer.pointee.prepare(index, id)
        } catch {
            return (Int.max, 0)
        }
        writer.pointee.beginEntry(name, nested: true)
        return writer.pointee.open(object: object, slot: 0)
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(named: "super")
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        superEncoder(named: key.stringValue)
    }

    private func superEncoder(named name: String) -> any Encoder {
        do {
            try writer.pointee.prepare(index, id)
        } catch {
            return CanonicalJSONEncoder(shared: shared, slot: -1, level: Int.max)
        }
        writer.pointee.beginEntry(name, nested: true)
        return CanonicalJSONEncoder(shared: shared, slot: writer.pointee.beginSlot(super: true), level: index + 1)
    }
}

/// An array: elements go to the writer's frame `index` while it is still open.
private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let shared: CanonicalJSONEncoder.Shared
    let index: Int
    let id: Int

    private var writer: UnsafeMutablePointer<CanonicalJSONWriter> { shared.writer }
    var codingPath: [any CodingKey] { writer.pointee.codingPath(level: index) }

    var count: Int {
        let frames = writer.pointee.frames
        return index < frames.count && frames[index].id == id ? frames[index].count : 0
    }

    mutating func encodeNil() throws {
        try writer.pointee.prepare(index, id)
        writer.pointee.beginElement()
        writer.pointee.writeNull()
    }

    mutating func encode(_ value: Bool) throws {
        try writer.pointee.prepare(index, id)
        writer.pointee.beginElement()
        writer.pointee.writeBool(value)
    }

    mutating func encode(_ value: String) throws {
        try writer.pointee.prepare(index, id)
        writer.pointee.beginElement()
        writer.pointee.writeString(value)
    }

    mutating func encode(_ value: Double) throws { try encode(generic: value) }
    mutating func encode(_ value: Float) throws { try encode(generic: value) }
    mutating func encode(_ value: Int) throws { try integer(value) }
    mutating func encode(_ value: Int8) throws { try integer(value) }
    mutating func encode(_ value: Int16) throws { try integer(value) }
    mutating func encode(_ value: Int32) throws { try integer(value) }
    mutating func encode(_ value: Int64) throws { try integer(value) }
    mutating func encode(_ value: UInt) throws { try integer(value) }
    mutating func encode(_ value: UInt8) throws { try integer(value) }
    mutating func encode(_ value: UInt16) throws { try integer(value) }
    mutating func encode(_ value: UInt32) throws { try integer(value) }
    mutating func encode(_ value: UInt64) throws { try integer(value) }

    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func encode(_ value: Int128) throws { try integer(value) }

    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func encode(_ value: UInt128) throws { try integer(value) }

    private func integer<T: FixedWidthInteger>(_ value: T) throws {
        try writer.pointee.prepare(index, id)
        writer.pointee.beginElement()
        writer.pointee.writeInteger(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encode(generic: value)
    }

    private func encode<T: Encodable>(generic value: T) throws {
        try writer.pointee.prepare(index, id)
        try shared.encode(value, level: index + 1) { $0.beginElement() }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let frame = nested(object: true)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(shared: shared, index: frame.index, id: frame.id))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let frame = nested(object: false)
        return UnkeyedContainer(shared: shared, index: frame.index, id: frame.id)
    }

    private func nested(object: Bool) -> (index: Int, id: Int) {
        do {
            try writer.pointee.prepare(index, id)
        } catch {
            return (Int.max, 0)
        }
        writer.pointee.beginElement()
        return writer.pointee.open(object: object, slot: 0)
    }

    mutating func superEncoder() -> any Encoder {
        do {
            try writer.pointee.prepare(index, id)
        } catch {
            return CanonicalJSONEncoder(shared: shared, slot: -1, level: Int.max)
        }
        writer.pointee.beginElement()
        return CanonicalJSONEncoder(shared: shared, slot: writer.pointee.beginSlot(super: true), level: index + 1)
    }
}

/// The one value of a slot.
private struct SingleValueContainer: SingleValueEncodingContainer {
    let shared: CanonicalJSONEncoder.Shared
    let slot: Int
    let level: Int

    private var writer: UnsafeMutablePointer<CanonicalJSONWriter> { shared.writer }
    var codingPath: [any CodingKey] { writer.pointee.codingPath(level: level) }

    mutating func encodeNil() throws {
        try writer.pointee.fill(slot)
        writer.pointee.writeNull()
    }

    mutating func encode(_ value: Bool) throws {
        try writer.pointee.fill(slot)
        writer.pointee.writeBool(value)
    }

    mutating func encode(_ value: String) throws {
        try writer.pointee.fill(slot)
        writer.pointee.writeString(value)
    }

    mutating func encode(_ value: Double) throws { try shared.writeNumber(value, slot: slot, level: level) }
    mutating func encode(_ value: Float) throws { try shared.writeNumber(value, slot: slot, level: level) }
    mutating func encode(_ value: Int) throws { try integer(value) }
    mutating func encode(_ value: Int8) throws { try integer(value) }
    mutating func encode(_ value: Int16) throws { try integer(value) }
    mutating func encode(_ value: Int32) throws { try integer(value) }
    mutating func encode(_ value: Int64) throws { try integer(value) }
    mutating func encode(_ value: UInt) throws { try integer(value) }
    mutating func encode(_ value: UInt8) throws { try integer(value) }
    mutating func encode(_ value: UInt16) throws { try integer(value) }
    mutating func encode(_ value: UInt32) throws { try integer(value) }
    mutating func encode(_ value: UInt64) throws { try integer(value) }

    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func encode(_ value: Int128) throws { try integer(value) }

    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func encode(_ value: UInt128) throws { try integer(value) }

    private func integer<T: FixedWidthInteger>(_ value: T) throws {
        try writer.pointee.fill(slot)
        writer.pointee.writeInteger(value)
    }

    /// The value in this same slot; `{}` when it writes nothing, as in Foundation.
    mutating func encode<T: Encodable>(_ value: T) throws {
        guard writer.pointee.pendingSlot == slot else { throw writer.pointee.giveUp() }
        try shared.encode(value, slot: slot, level: level)
        if writer.pointee.pendingSlot == slot {
            try writer.pointee.fill(slot)
            try writer.pointee.writeEmptyObject()
        }
    }
}

extension CanonicalJSONEncoder {
    /// Elements an array needs before its elements are written on several cores: below this,
    /// starting the threads costs more than it saves.
    static let parallelMinimum = 4_096
}

/// An array whose elements `CanonicalJSONEncoder` may write on several cores (`Indexed` asks
/// this of the model's large arrays: tasks, findings, claims).
protocol CanonicalJSONArray {
    /// Writes the array through `encoder` in parallel; `false` when it did not (nothing written).
    func encodeInParallel(to encoder: CanonicalJSONEncoder) throws -> Bool
}

// `Sendable` cannot be a condition of a conformance; the one caller, `Indexed`, holds only
// `Sendable` values, so the elements are handed over as such.
extension Array: CanonicalJSONArray where Element: Encodable {
    func encodeInParallel(to encoder: CanonicalJSONEncoder) throws -> Bool {
        try encoder.shared.encodeInParallel(SendableElements(elements: self), slot: encoder.slot, level: encoder.level)
    }
}

/// Elements read (never changed) by the threads that encode them; see `Array.encodeInParallel`.
struct SendableElements<Element: Encodable>: @unchecked Sendable {
    let elements: [Element]
}

/// The bytes around and between the elements of an array standing at `level`: the elements'
/// indentation, the opening bracket with the first element's indentation, the separator with
/// the next one's, and the closing bracket on a line of the array's own indentation (all on one
/// line when not `pretty`). What the parallel and the streamed writing of an array share.
struct ArrayPunctuation {
    let indent: [UInt8]
    let opening: [UInt8]
    let separator: [UInt8]
    let closing: [UInt8]

    init(pretty: Bool, level: Int) {
        indent = [UInt8](repeating: 0x20, count: pretty ? 2 * (level + 1) : 0)
        opening = pretty ? [0x5B, 0x0A] + indent : [0x5B]
        separator = pretty ? [0x2C, 0x0A] + indent : [0x2C]
        closing = (pretty ? [0x0A] + indent.dropLast(2) : []) + [0x5D]
    }

    var bytes: (opening: [UInt8], separator: [UInt8], closing: [UInt8]) { (opening, separator, closing) }
}
