import Foundation
import Testing
@testable import PhaseModel

/// The model's optional members of scalar type are written without `Nullable.encode(to:)`: the
/// bytes are those Foundation writes through it, present or `null`, in an object and in an array.
struct CanonicalJSONNullableTests {
    struct Members: Codable, Sendable, Equatable {
        @Nullable var text: String?
        @Nullable var count: Int?
        @Nullable var share: Double?
        @Nullable var flag: Bool?
        @Nullable var note: LocalizedText?
    }

    static let values: [Members] = [
        Members(text: "a \"quoted\" ü\n", count: -3, share: 0.1, flag: true, note: LocalizedText(en: "e", ru: "р")),
        Members(text: nil, count: nil, share: nil, flag: nil, note: nil),
        Members(text: "", count: Int.max, share: 1e21, flag: false, note: nil),
        Members(text: nil, count: 0, share: -0.5, flag: nil, note: LocalizedText(en: "", ru: "")),
    ]

    @Test(arguments: [true, false])
    func scalarOptionalsAreWrittenAsFoundationWritesThem(pretty: Bool) throws {
        for value in Self.values {
            #expect(try CanonicalJSONEncoder.encode(value, pretty: pretty) == (try foundation(value, pretty: pretty)))
        }
        #expect(try CanonicalJSONEncoder.encode(Self.values, pretty: pretty) == (try foundation(Self.values, pretty: pretty)))
    }

    @Test func anArrayOfOptionalsIsWrittenAsFoundationWritesIt() throws {
        let items: [Nullable<String>] = [Nullable(wrappedValue: "x"), Nullable(wrappedValue: nil)]
        #expect(try CanonicalJSONEncoder.encode(items, pretty: true) == (try foundation(items, pretty: true)))
    }

    private func foundation<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        try [UInt8](CanonicalJSON.foundationEncoder(pretty: pretty).encode(value)) + [0x0A]
    }
}
