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

    /// `scan --json` writes the pieces the long arrays were written in; joined, they are the bytes,
    /// also where an object holding such an array has its members sorted when it closes.
    @Test("Pieces written out one after another are the bytes", arguments: [false, true])
    func piecesAreTheBytes(pretty: Bool) throws {
        let items = Self.items(CanonicalJSONEncoder.parallelMinimum + 77)
        let values: [any Encodable] = [
            Holder(items: items, name: "n"),
            Outer(zz: Unsorted(zeta: "z", items: items, alpha: 1, more: items), aa: 2),
            [Unsorted(zeta: "a", items: items, alpha: 3, more: []), Unsorted(zeta: "b", items: [], alpha: 4, more: items)],
            ["b": items, "a": items],
            Holder(items: Self.items(3), name: "short"),
        ]
        for value in values {
            let pieces = try CanonicalJSON.pieces(value, pretty: pretty)
            #expect(Array(pieces.joined()) == (try CanonicalJSON.bytes(value, pretty: pretty)))
            #expect(Array(pieces.joined()) == (try foundation(value, pretty: pretty)))
        }
        // Kept apart where a long array was written on several cores in an object whose members
        // were written in key order (the model's are): an object sorted on closing is joined.
        let sorted = Outer(zz: Unsorted(zeta: "z", items: [], alpha: 1, more: []), aa: 2)
        #expect(try CanonicalJSON.pieces(sorted, pretty: pretty).count == 1)
        let inOrder = InOrder(items: items, name: "n")
        let kept = try CanonicalJSON.pieces(inOrder, pretty: pretty)
        #expect(kept.count > 2)
        #expect(Array(kept.joined()) == (try foundation(inOrder, pretty: pretty)))
        var throwing = items
        throwing[9].figures = [.infinity]
        #expect(throws: EncodingError.self) { try CanonicalJSON.pieces(Holder(items: throwing, name: "n"), pretty: pretty) }
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
        _ keys: K.Type, of value: Any, notWritten: Set<String> = [], storedAs: [String: [String]] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let names = K.allCases.map(\.stringValue)
        #expect(names == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, sourceLocation: sourceLocation)
        // A property wrapper's storage is `_name`; `storedAs` names the properties a stored one holds.
        let stored = Mirror(reflecting: value).children.compactMap { $0.label.map { String($0.drop { $0 == "_" }) } }
            .flatMap { storedAs[$0] ?? [$0] }
            .filter { !notWritten.contains($0) }
        #expect(Set(names) == Set(stored) && names.count == stored.count, sourceLocation: sourceLocation)
    }
    let workspace = Workspace(sources: .init(tasksRoot: "tasks", masterList: nil, config: nil), phases: [], tasks: [], findings: [])
    check(Workspace.CodingKeys.self, of: workspace, notWritten: ["claimsNotKept"])
    check(TaskRecord.CodingKeys.self, of: TaskRecord(id: "TN-1"))
    check(
        Claim.CodingKeys.self, of: Claim(kind: .status, text: "done", source: .file("a.md", line: 1)), notWritten: ["lineCounts"],
        storedAs: [
            "presentFigures": [], "storedClaimed": ["claimed"], "storedDenominator": ["denominator"],
            "storedExpected": ["expected"], "storedVerified": ["verified"], "storedDiscrepancy": ["discrepancy"],
            "rare": ["evidenceBasis", "lineCounts"],
        ])
    check(Finding.CodingKeys.self, of: Finding(rule: .other("r"), severity: .info, message: LocalizedText(en: "m", ru: "m")))
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

/// Members declared out of key order, so that the writer sorts them when the object closes.
private struct Unsorted: Encodable {
    var zeta: String
    @Indexed<[Item], Int> var items: [Item]
    var alpha: Int
    @Indexed<[Item], Int> var more: [Item]

    init(zeta: String, items: [Item], alpha: Int, more: [Item]) {
        self.zeta = zeta
        self.items = items
        self.alpha = alpha
        self.more = more
    }
}

private struct InOrder: Encodable {
    @Indexed<[Item], Int> var items: [Item]
    var name: String

    init(items: [Item], name: String) {
        self.items = items
        self.name = name
    }
}

private struct Outer: Encodable {
    var zz: Unsorted
    var aa: Int
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
