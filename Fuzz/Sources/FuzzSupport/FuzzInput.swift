import Foundation

/// The fuzzer's bytes read as a stream of small decisions, for harnesses that build a document
/// instead of parsing the bytes as they are.
///
/// Past the end every read answers zero, so any input, the empty one included, describes some
/// document, and a short input describes a short one.
public struct FuzzInput {
    private let bytes: [UInt8]
    private var index = 0

    /// Copies the bytes libFuzzer hands to `LLVMFuzzerTestOneInput`.
    public init(_ start: UnsafeRawPointer, _ count: Int) {
        bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// Whether every byte has been read.
    public var isExhausted: Bool { index >= bytes.count }

    /// The next byte, or 0 past the end.
    public mutating func byte() -> UInt8 {
        guard index < bytes.count else { return 0 }
        defer { index += 1 }
        return bytes[index]
    }

    /// A number in `0..<bound` (`bound` at most 256), from one byte.
    public mutating func number(below bound: Int) -> Int {
        precondition(bound > 0 && bound <= 256)
        return Int(byte()) % bound
    }

    /// A number in `0..<bound`, from two bytes, for bounds above 256.
    public mutating func wideNumber(below bound: Int) -> Int {
        precondition(bound > 0)
        return (Int(byte()) << 8 | Int(byte())) % bound
    }

    /// True for about one byte value in `oneIn`.
    public mutating func chance(oneIn: Int) -> Bool {
        number(below: oneIn) == 0
    }

    /// One of `choices`.
    public mutating func pick<T>(_ choices: [T]) -> T {
        choices[number(below: choices.count)]
    }

    /// The bytes not read yet.
    public mutating func rest() -> [UInt8] {
        defer { index = bytes.count }
        return index < bytes.count ? Array(bytes[index...]) : []
    }
}
