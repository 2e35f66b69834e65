import Foundation

// Why a value is streamed: `scan --json` of the 100,000-commit claim-heavy repository is 147 MB,
// and its pieces, all written before the first byte went out, were 216 MB of the cold scan's
// 503 MB heap peak (Benchmarks/RESULTS-scale.md, twentieth round). Written a member at a time,
// and the long arrays among them some thousands of elements at a time, the output never stands
// whole in memory; every part is still written on every core, and the bytes are those
// `CanonicalJSON.bytes` gives (CanonicalJSONStreamTests compares them).

extension CanonicalJSONEncoder {
    /// Elements of a long array written and handed over at a time by `stream`.
    static let streamWindow = 8_192

    /// `value`'s canonical bytes handed to `write` in order, a member of its top-level object at
    /// a time (long arrays a window of elements at a time); `false`, with nothing written, when
    /// the value is not an object whose members `MemberCollector` can tell apart.
    /// - Throws: what encoding a member throws, after the members before it were written; and
    ///   `CanonicalJSONStreamError` for a member only Foundation can write.
    static func stream<T: Encodable>(_ value: T, pretty: Bool, to write: ([UInt8]) throws -> Void) throws -> Bool {
        guard let members = try MemberCollector.members(of: value), !members.isEmpty else { return false }
        let memberIndent = [UInt8](repeating: 0x20, count: pretty ? 2 : 0)
        var head: [UInt8] = pretty ? [0x7B, 0x0A] : [0x7B]
        let alone = Shared(pretty: pretty, baseDepth: pretty ? 1 : 0)
        for (position, member) in members.enumerated() {
            if position > 0 { head += pretty ? [0x2C, 0x0A] : [0x2C] }
            head += memberIndent
            head.append(0x22)
            head += member.key.utf8
            head += pretty ? [0x22, 0x20, 0x3A, 0x20] : [0x22, 0x3A]
            if let array = member.value as? any CanonicalJSONStreamedArray, array.streamedCount >= parallelMinimum {
                try write(head)
                head = []
                try array.stream(pretty: pretty, level: 1, to: write)
                continue
            }
            guard try alone.encodeAlone(member.value) else { throw CanonicalJSONStreamError(key: member.key) }
            head += alone.writer.pointee.bytes
        }
        head += pretty ? [0x0A, 0x7D, 0x0A] : [0x7D, 0x0A]
        try write(head)
        return true
    }
}

/// A member of the value being streamed that only Foundation's encoder can write.
struct CanonicalJSONStreamError: Error, CustomStringConvertible {
    var key: String
    var description: String { LocalizedText(message: "error.json.not-streamed", ["key": .text(key)]).en }
}

/// An array `CanonicalJSONEncoder.stream` writes a window of elements at a time.
protocol CanonicalJSONStreamedArray {
    var streamedCount: Int { get }
    /// Writes the array, as it stands in its parent at `level`, to `write` a window at a time.
    func stream(pretty: Bool, level: Int, to write: ([UInt8]) throws -> Void) throws
}

extension Array: CanonicalJSONStreamedArray where Element: Encodable {
    var streamedCount: Int { count }

    func stream(pretty: Bool, level: Int, to write: ([UInt8]) throws -> Void) throws {
        let (opening, separator, closing) = ArrayPunctuation(pretty: pretty, level: level).bytes
        try write(opening)
        let elements = SendableElements(elements: self)
        var start = 0
        while start < count {
            let range = start..<Swift.min(count, start + CanonicalJSONEncoder.streamWindow)
            guard let parts = CanonicalJSONEncoder.Shared.parts(of: elements, range: range, pretty: pretty, level: level) else {
                // An element failed: written one at a time, the first that fails says why.
                let alone = CanonicalJSONEncoder.Shared(pretty: pretty, baseDepth: pretty ? level + 1 : 0)
                for index in range where try !alone.encodeAlone(self[index]) {
                    throw CanonicalJSONStreamError(key: "[\(index)]")
                }
                throw CanonicalJSONStreamError(key: "[\(range.lowerBound)]")
            }
            for (index, part) in parts.enumerated() {
                if start > 0 || index > 0 { try write(separator) }
                try write(part)
            }
            start = range.upperBound
        }
        try write(closing)
    }
}

extension Indexed: CanonicalJSONStreamedArray where Value: CanonicalJSONStreamedArray {
    var streamedCount: Int { wrappedValue.streamedCount }

    func stream(pretty: Bool, level: Int, to write: ([UInt8]) throws -> Void) throws {
        try wrappedValue.stream(pretty: pretty, level: level, to: write)
    }
}

/// The members a value's `encode(to:)` writes, gathered without writing them: it must ask for
/// one keyed container and write plain keys (ASCII with nothing to escape), each once, with no
/// nested container or super encoder; then the members come back in key order, each with its
/// value (`null` for `encodeNil`). Anything else and it gives none, and the value is written whole.
final class MemberCollector: Encoder {
    struct Null: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }

    private(set) var members: [(key: String, value: any Encodable)] = []
    private(set) var unusual = false
    private var asked = false
    /// Where what an unusual request writes goes, never to be read.
    private lazy var scratch = CanonicalJSONEncoder.Shared(pretty: false)

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The members of `value` in the order `CanonicalJSONWriter` puts them (by their keys' UTF-8
    /// bytes); `nil` when they cannot be told apart (see the type's notes).
    static func members<T: Encodable>(of value: T) throws -> [(key: String, value: any Encodable)]? {
        let collector = MemberCollector()
        try value.encode(to: collector)
        guard collector.asked, !collector.unusual else { return nil }
        var keys = Set<String>()
        for member in collector.members {
            guard keys.insert(member.key).inserted,
                member.key.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C })
            else { return nil }
        }
        return collector.members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    func record(_ key: String, _ value: any Encodable) { members.append((key, value)) }

    /// An encoder whose containers write to `scratch`, for a request this collector does not follow.
    func unusualEncoder() -> any Encoder {
        unusual = true
        return CanonicalJSONEncoder(shared: scratch, slot: scratch.writer.pointee.beginSlot(), level: 0)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        guard !asked else { return unusualEncoder().container(keyedBy: type) }
        asked = true
        return KeyedEncodingContainer(CollectingContainer(collector: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { unusualEncoder().unkeyedContainer() }
    func singleValueContainer() -> any SingleValueEncodingContainer { unusualEncoder().singleValueContainer() }
}

private struct CollectingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let collector: MemberCollector
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { collector.record(key.stringValue, MemberCollector.Null()) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { collector.record(key.stringValue, value) }
    mutating func encode(_ value: String, forKey key: Key) throws { collector.record(key.stringValue, value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { collector.record(key.stringValue, value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { collector.record(key.stringValue, value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { collector.record(key.stringValue, value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { collector.record(key.stringValue, value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { collector.record(key.stringValue, value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { collector.record(key.stringValue, value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { collector.record(key.stringValue, value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { collector.record(key.stringValue, value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { collector.record(key.stringValue, value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { collector.record(key.stringValue, value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { collector.record(key.stringValue, value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { collector.record(key.stringValue, value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { collector.record(key.stringValue, value) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        collector.unusualEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        collector.unusualEncoder().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { collector.unusualEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { collector.unusualEncoder() }
}
