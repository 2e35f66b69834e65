import Foundation
@testable import PhaseModel
import Testing

/// Long arrays of the model are written on several cores (`encodeInParallel`); the bytes must be
/// those one core writes, which are Foundation's.
@Suite("Canonical JSON: long arrays written in parallel")
struct CanonicalJSONParallelTests {
    /// Elements whose pretty form spans lines at several depths, with strings holding escaped
    /// line breaks, quotes and non-ASCII text.
    private static func items(_ count: Int) -> [Item] {
        (0..<count).map { index in
            Item(
                id: "TN-\(index)", note: index.isMultiple(of: 7) ? "line\nbreak \"quoted\" — Редис \u{1}" : "plain",
                figures: index.isMultiple(of: 5) ? [] : [Double(index) / 8, 1e-7, -0.0], tags: ["b": index, "a": -index],
                child: index.isMultiple(of: 3) ? Item.Child(values: [[index], []], flag: nil) : nil)
        }
    }

    @Test("A model of long indexed arrays gives Foundation's bytes, pretty and compact")
    func indexedArraysAsFoundation() throws {
        let holder = Holder(items: Self.items(CanonicalJSONEncoder.parallelMinimum + 333), name: "n")
        for pretty in [false, true] {
            let ours = try #require(try CanonicalJSONEncoder.encode(holder, pretty: pretty))
            #expect(ours == (try foundation(holder, pretty: pretty)))
        }
    }

    @Test("The parallel path writes the array, at the top and inside a container", arguments: [false, true])
    func parallelPathIsTaken(pretty: Bool) throws {
        let items = Self.items(CanonicalJSONEncoder.parallelMinimum * 2 + 1)
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return }

        let top = CanonicalJSONEncoder.Shared(pretty: pretty)
        #expect(try top.encodeInParallel(items, slot: top.writer.pointee.beginSlot(), level: 0))
        #expect(top.writer.pointee.finish() == (try foundation(items, pretty: pretty)))

        // As the second element of an array: `[[], items]`.
        let nested = CanonicalJSONEncoder.Shared(pretty: pretty)
        let writer = nested.writer
        _ = writer.pointee.frame(slot: writer.pointee.beginSlot(), level: 0, object: false)
        writer.pointee.beginElement()
        try nested.encode([Item](), slot: writer.pointee.beginSlot(), level: 1)
        try writer.pointee.endValue(level: 1)
        writer.pointee.beginElement()
        #expect(try nested.encodeInParallel(items, slot: writer.pointee.beginSlot(), level: 1))
        try writer.pointee.endValue(level: 0)
        #expect(writer.pointee.finish() == (try foundation([[], items], pretty: pretty)))
    }

    @Test("Short arrays, and elements that cannot be written alone, are left to the one-core path")
    func fallsBack() throws {
        let shared = CanonicalJSONEncoder.Shared(pretty: true)
        #expect(try !shared.encodeInParallel(Self.items(10), slot: shared.writer.pointee.beginSlot(), level: 0))
        #expect(shared.writer.pointee.bytes.isEmpty)

        // An element that writes nothing is `{}` inside an array but an error alone.
        let empties = Array(repeating: EncodesNothing(), count: CanonicalJSONEncoder.parallelMinimum * 2)
        let other = CanonicalJSONEncoder.Shared(pretty: true)
        #expect(try !other.encodeInParallel(empties, slot: other.writer.pointee.beginSlot(), level: 0))
        let holder = Holder(items: [], name: "n", empties: empties)
        #expect(try CanonicalJSONEncoder.encode(holder, pretty: true) == (try foundation(holder, pretty: true)))
    }

    @Test("An element that throws makes the whole value throw, as in Foundation")
    func throwingElement() {
        var items = Self.items(CanonicalJSONEncoder.parallelMinimum * 2)
        items[CanonicalJSONEncoder.parallelMinimum + 5].figures = [.nan]
        let holder = Holder(items: items, name: "n")
        for pretty in [false, true] {
            #expect(throws: EncodingError.self) { try CanonicalJSON.encode(holder, pretty: pretty) }
            #expect(throws: EncodingError.self) { try foundation(holder, pretty: pretty) }
        }
    }
}

/// The model's top level is written in key order, so that the writer never moves it whole.
/// So are the model's most numerous objects; and each type's keys are exactly its stored
/// properties, so that none is left out of the JSON.
@Test("The model's members are declared in the canonical order, every stored property once")
func modelKeysInCanonicalOrder() {
    func check<K: CodingKey & CaseIterable>(
        _ keys: K.Type, of value: Any, notWritten: Set<String> = [], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let names = K.allCases.map(\.stringValue)
        #expect(names == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, sourceLocation: sourceLocation)
        // A property wrapper's storage is `_name`.
        let stored = Mirror(reflecting: value).children.compactMap { $0.label.map { String($0.drop { $0 == "_" }) } }
            .filter { !notWritten.contains($0) }
        #expect(Set(names) == Set(stored) && names.count == stored.count, sourceLocation: sourceLocation)
    }
    let workspace = Workspace(sources: .init(tasksRoot: "tasks", masterList: nil, config: nil), phases: [], tasks: [], findings: [])
    check(Workspace.CodingKeys.self, of: workspace)
    check(TaskRecord.CodingKeys.self, of: TaskRecord(id: "TN-1"))
    check(Claim.CodingKeys.self, of: Claim(kind: .status, text: "done", source: .file("a.md", line: 1)), notWritten: ["lineCounts"])
    check(Finding.CodingKeys.self, of: Finding(rule: "r", severity: .info, message: LocalizedText(en: "m", ru: "m")))
    check(Phase.CodingKeys.self, of: Phase(id: "1", name: nil, source: .file("TASKS.md", line: 1), tasks: []))
}

private struct Item: Codable, Equatable, Sendable {
    struct Child: Codable, Equatable, Sendable {
        var values: [[Int]]
        var flag: Bool?
    }

    var id: String
    var note: String
    var figures: [Double]
    var tags: [String: Int]
    var child: Child?
}

private struct EncodesNothing: Codable, Equatable, Sendable {
    init() {}
    init(from decoder: any Decoder) throws {}
    func encode(to encoder: any Encoder) throws {}
}

private struct Holder: Encodable {
    @Indexed<[Item], Int> var items: [Item]
    var name: String
    @Indexed<[EncodesNothing], Int> var empties: [EncodesNothing]

    init(items: [Item], name: String, empties: [EncodesNothing] = []) {
        self.items = items
        self.name = name
        self.empties = empties
    }
}

private func foundation<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
    try [UInt8](CanonicalJSON.foundationEncoder(pretty: pretty).encode(value)) + [0x0A]
}
