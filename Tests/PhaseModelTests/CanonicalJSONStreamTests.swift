import Foundation
@testable import PhaseModel
import Testing

/// `CanonicalJSON.stream` hands a value over a member at a time, and long arrays a window of
/// elements at a time: joined, the parts must be the bytes `CanonicalJSON.bytes` gives (which are
/// Foundation's), and no part may hold the long arrays whole.
@Suite("Canonical JSON: written a part at a time")
struct CanonicalJSONStreamTests {
    private static func items(_ count: Int) -> [Entry] {
        (0..<count).map { index in
            Entry(
                id: "TN-\(index)", note: index.isMultiple(of: 7) ? "line\nbreak \"quoted\" — Редис \u{1}" : "plain",
                figures: index.isMultiple(of: 5) ? [] : [Double(index) / 8, -0.0], child: index.isMultiple(of: 3) ? [[index], []] : nil)
        }
    }

    private static func streamed<T: Encodable>(_ value: T, pretty: Bool) throws -> [[UInt8]] {
        var parts: [[UInt8]] = []
        try CanonicalJSON.stream(value, pretty: pretty) { parts.append($0) }
        return parts
    }

    @Test("Joined, the parts are the bytes, and a long array comes a window at a time", arguments: [false, true])
    func partsAreTheBytes(pretty: Bool) throws {
        let long = Self.items(CanonicalJSONEncoder.streamWindow * 2 + 77)
        let value = Unsorted(zeta: "z", items: long, alpha: 1, more: Self.items(5), missing: nil, none: true, last: long)
        let parts = try Self.streamed(value, pretty: pretty)
        let bytes = try CanonicalJSON.bytes(value, pretty: pretty)
        #expect(Array(parts.joined()) == bytes)
        #expect(Array(parts.joined()) == (try foundation(value, pretty: pretty)))
        // Each long array in three windows or more, each window in parts of its own.
        #expect(parts.count > 12)
        #expect(parts.map(\.count).max() ?? 0 < bytes.count / 6)
    }

    @Test("The model's workspace, with a long array of claims, comes out as its bytes", arguments: [false, true])
    func workspace(pretty: Bool) throws {
        let claims = (0..<(CanonicalJSONEncoder.streamWindow + 10)).map { index in
            var claim = Claim(kind: .status, text: "TN-\(index) done", source: .file("docs/r\(index % 9).md", line: index + 1))
            claim.task = index.isMultiple(of: 2) ? "TN-\(index)" : nil
            return claim
        }
        var workspace = Workspace(
            sources: .init(tasksRoot: "tasks", masterList: "tasks/TASKS.md", config: nil),
            phases: [Phase(id: "1", name: "One", source: .file("tasks/TASKS.md", line: 3), tasks: ["TN-1"])],
            tasks: [TaskRecord(id: "TN-1")], findings: [], claims: claims)
        workspace.claimsNotKept = 12
        let parts = try Self.streamed(workspace, pretty: pretty)
        #expect(parts.count > 3)
        #expect(Array(parts.joined()) == (try CanonicalJSON.bytes(workspace, pretty: pretty)))
    }

    @Test("A value that is not an object of plain keys is written whole, as its bytes", arguments: [false, true])
    func otherValues(pretty: Bool) throws {
        let long = Self.items(CanonicalJSONEncoder.parallelMinimum + 3)
        let values: [any Encodable] = [
            long, 42, "text", ["b": long, "a": long], ["é": 1, "e": 2], ["a\"b": 1], Nested(inner: 3, long: long),
            Twice(value: 1), Empty(),
        ]
        for value in values {
            let parts = try Self.streamed(value, pretty: pretty)
            #expect(Array(parts.joined()) == (try CanonicalJSON.bytes(value, pretty: pretty)), "\(type(of: value))")
        }
        #expect(try MemberCollector.members(of: Nested(inner: 3, long: long)) == nil)
        #expect(try MemberCollector.members(of: Twice(value: 1)) == nil)
        #expect(try MemberCollector.members(of: long) == nil)
        #expect(try MemberCollector.members(of: ["é": 1]) == nil)
        #expect(try MemberCollector.members(of: ["b": 1, "a": 2])?.map(\.key) == ["a", "b"])
    }

    @Test("A value that throws in a later window throws, after the parts before it")
    func throwing() {
        var long = Self.items(CanonicalJSONEncoder.streamWindow * 2)
        long[CanonicalJSONEncoder.streamWindow + 5].figures = [.nan]
        let value = Unsorted(zeta: "z", items: long, alpha: 1, more: [], missing: nil, none: false, last: [])
        var parts = 0
        #expect(throws: EncodingError.self) { try CanonicalJSON.stream(value) { _ in parts += 1 } }
        #expect(parts > 0)
        #expect(throws: EncodingError.self) { try CanonicalJSON.bytes(value) }
    }
}

private struct Entry: Codable, Equatable, Sendable {
    var id: String
    var note: String
    var figures: [Double]
    var child: [[Int]]?
}

/// Members declared out of key order, one left out when `nil`, one written as `null`.
private struct Unsorted: Encodable {
    var zeta: String
    @Indexed<[Entry], Int> var items: [Entry]
    var alpha: Int
    @Indexed<[Entry], Int> var more: [Entry]
    var missing: String?
    var none: Bool
    var last: [Entry]

    init(zeta: String, items: [Entry], alpha: Int, more: [Entry], missing: String?, none: Bool, last: [Entry]) {
        self.zeta = zeta
        self.items = items
        self.alpha = alpha
        self.more = more
        self.missing = missing
        self.none = none
        self.last = last
    }

    enum CodingKeys: String, CodingKey { case zeta, items, alpha, more, missing, none, last }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(zeta, forKey: .zeta)
        try container.encode(_items, forKey: .items)
        try container.encode(alpha, forKey: .alpha)
        try container.encode(_more, forKey: .more)
        try container.encodeIfPresent(missing, forKey: .missing)
        if none { try container.encodeNil(forKey: .none) } else { try container.encode(false, forKey: .none) }
        try container.encode(last, forKey: .last)
    }
}

/// A member written through a nested container: collected, it could not be told apart.
private struct Nested: Encodable {
    var inner: Int
    var long: [Entry]

    enum CodingKeys: String, CodingKey { case inner, long }
    enum InnerKeys: String, CodingKey { case value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var nested = container.nestedContainer(keyedBy: InnerKeys.self, forKey: .inner)
        try nested.encode(inner, forKey: .value)
        try container.encode(long, forKey: .long)
    }
}

/// A key written twice: Foundation keeps the last value.
private struct Twice: Encodable {
    var value: Int
    enum CodingKeys: String, CodingKey { case value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(value + 1, forKey: .value)
    }
}

private struct Empty: Encodable {}

private func foundation<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
    try [UInt8](CanonicalJSON.foundationEncoder(pretty: pretty).encode(value)) + [0x0A]
}
