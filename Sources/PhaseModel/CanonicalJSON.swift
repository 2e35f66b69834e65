import Foundation

/// The one JSON form of the model: sorted keys, `/` unescaped, fixed indentation.
///
/// The same value always gives the same bytes, which the certification digest relies on.
public enum CanonicalJSON {
    /// Encodes a value in canonical form, with a trailing newline.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        var formatting: JSONEncoder.OutputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if pretty { formatting.insert(.prettyPrinted) }
        encoder.outputFormatting = formatting
        encoder.nonConformingFloatEncodingStrategy = .throw
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// Decodes a value written by `encode`.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONDecoder().decode(type, from: data)
    }
}
