import Foundation

/// The one JSON form of the model: sorted keys, `/` unescaped, fixed indentation.
///
/// The same value always gives the same bytes, which the certification digest relies on. They
/// are the bytes Foundation's `JSONEncoder` writes with `.sortedKeys` and
/// `.withoutEscapingSlashes`, written by phasecert's own writer (CanonicalJSONWriter.swift says
/// why).
public enum CanonicalJSON {
    /// Encodes a value in canonical form, with a trailing newline: pretty-printed with two-space
    /// indentation, or on one line when `pretty` is false. A non-finite number is an error.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) throws -> Data {
        Data(try bytes(value, pretty: pretty))
    }

    /// `encode(_:pretty:)` as bytes, without the copy into `Data` (`scan --json` writes hundreds
    /// of megabytes).
    public static func bytes<T: Encodable>(_ value: T, pretty: Bool = true) throws -> [UInt8] {
        if let bytes = try CanonicalJSONEncoder.encode(value, pretty: pretty) {
            return bytes
        }
        // The value used `Encoder` in a way the writer does not copy (none of the model does).
        return [UInt8](try foundationEncoder(pretty: pretty).encode(value)) + [0x0A]
    }

    /// `bytes(_:pretty:)` as consecutive pieces, for a value written out whole: the long arrays
    /// written on several cores stay the pieces they were written in, never copied into one
    /// buffer (`scan --json` of a 50,000-task plan is 290 MB).
    public static func pieces<T: Encodable>(_ value: T, pretty: Bool = true) throws -> [[UInt8]] {
        if let pieces = try CanonicalJSONEncoder.encodePieces(value, pretty: pretty) {
            return pieces
        }
        return [try bytes(value, pretty: pretty)]
    }

    /// `bytes(_:pretty:)` handed to `write` in consecutive parts, for a value written out whole
    /// and never held whole: an object a member at a time, and its long arrays a window of
    /// elements at a time, each written on every core (CanonicalJSONStream.swift says why). A
    /// value that is not such an object is written as `pieces(_:pretty:)` gives it.
    /// - Throws: what encoding throws; parts before the one that failed have been written then.
    public static func stream<T: Encodable>(_ value: T, pretty: Bool = true, to write: ([UInt8]) throws -> Void) throws {
        if try CanonicalJSONEncoder.stream(value, pretty: pretty, to: write) { return }
        for piece in try pieces(value, pretty: pretty) { try write(piece) }
    }

    /// Decodes a value written by `encode`.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONDecoder().decode(type, from: data)
    }

    /// Foundation's encoder with the canonical options: what the writer's bytes must equal.
    static func foundationEncoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        var formatting: JSONEncoder.OutputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if pretty { formatting.insert(.prettyPrinted) }
        encoder.outputFormatting = formatting
        encoder.nonConformingFloatEncodingStrategy = .throw
        return encoder
    }
}
