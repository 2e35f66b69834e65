import Foundation
@testable import PhaseModel
import PropertyBased
import Testing
import TestSupport

/// The writer must give exactly the bytes Foundation's `JSONEncoder` gives with the canonical
/// options: certification ids are digests of them.
@Suite("Canonical JSON writer")
struct CanonicalJSONWriterTests {
    // MARK: Differential: the writer against Foundation

    @Test("Sample workspaces give Foundation's bytes, compact and pretty")
    func sampleWorkspaces() throws {
        try expectSame(SampleWorkspace.populated)
        try expectSame(SampleWorkspace.allNil)
        try expectSame(Workspace(sources: .init(tasksRoot: "tasks", masterList: nil, config: nil), phases: [], tasks: [], findings: []))
        let populated = SampleWorkspace.populated
        try expectSame(populated.phases)
        try expectSame(populated.tasks)
        try expectSame(populated.findings)
        try expectSame(populated.claims)
        try expectSame(TaskRecord(id: "TN-100"))
        try expectSame(Provenance.file("a/b.md", line: nil))
        try expectSame(Provenance.file("a/b.md", line: 3))
        try expectSame(Provenance.commit(SampleWorkspace.commitA))
    }

    @Test("Keys are sorted by their UTF-8 bytes, not by String order")
    func keyOrder() throws {
        let keys = [
            "10", "9", "B", "_x", "a", "aB", "a_b", "b", "z", "ä", "é", "\u{FF61}", "😀", "", "\u{0}", "\"", "a\"", "a#",
            "a\\", "a\n", "\u{1F}", "\u{7F}", "\u{10000}", "\u{FFFF}", "\u{E000}", "e\u{301}x", "\u{E9}a", "\u{212A}", "L",
            "aa", "a", "ab", "A", "Z", "~", "/", "-1", "-2", "1e3",
        ]
        var dictionary: [String: Int] = [:]
        for (index, key) in keys.enumerated() { dictionary[key] = index }
        try expectSame(dictionary)
        try expectSame(["e\u{301}": 1, "f": 2, "\u{E9}b": 3, "\u{E8}": 4])
        try expectSame([10: "a", 9: "b", -1: "c", 100: "d"])
        try expectSame([Letter.b: 1, Letter.a: 2])
        // Keys neither String nor Int: an array of keys and values, in Swift's own format.
        try expectSame([[Pair(x: 1): "one"], [Pair(x: 2): "two"]])
    }

    @Test("Strings escape quotes, backslashes and control characters, and nothing else")
    func stringEscapes() throws {
        var controls = ""
        for value in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        try expectSame(controls)
        try expectSame(["a\"b\\c/d\u{7F}\u{2028}\u{2029}é😀e\u{301}\u{FEFF}", "", "plain", "\u{0}", "tab\tend", "\\\\\"\""])
        try expectSame([controls: controls])
        try expectSame(["Имя папки не каноническое.", "✅ COMPLETED 100%", "tasks/TN-099/tasks.md", "🇺🇦👩‍👩‍👧"])
    }

    @Test("An escape or a non-ASCII byte at every position of a long ASCII string")
    func escapesAtEveryPosition() throws {
        var strings: [String] = []
        for special in ["\"", "\\", "\n", "\u{0}", "\u{1F}", "é", "😀", "\u{7F}", "/"] {
            for position in 0...24 {
                var text = String(repeating: "abcdefgh", count: 4)
                text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: position))
                strings.append(text)
            }
        }
        try expectSame(strings)
        try expectSame(Dictionary(uniqueKeysWithValues: strings.enumerated().map { ($1, $0) }))
    }

    @Test("Numbers are written as Foundation writes them")
    func numbers() throws {
        let doubles: [Double] = [
            0, -0.0, 1, -1, 100, 0.1, 1.0 / 3, 2.0 / 3, 1e-7, 1e20, 1e15, 1e16, 1e17, -1e20, .leastNonzeroMagnitude, 2.2250738585072014e-308,
            .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1.2345678901234568e20, 9007199254740992, 9007199254740994,
            88.2, 93.19, 1_500.5, 10.5, 2.5e-5, 1e-5, 1e-4, 0.001, 123.456, 1e100, -1e-100,
        ]
        try expectSame(doubles)
        try expectSame(doubles.map(Float.init).filter(\.isFinite))
        try expectSame([Float.leastNonzeroMagnitude, .greatestFiniteMagnitude, 16_777_216, 0.33333334])
        try expectSame([Int.min, Int.max, 0, -1, 9, 10, -10, 1_000_000])
        try expectSame([Int8.min, Int8.max])
        try expectSame([Int16.min, Int16.max])
        try expectSame([Int32.min, Int32.max])
        try expectSame([Int64.min, Int64.max])
        try expectSame([UInt.min, UInt.max])
        try expectSame([UInt8.max])
        try expectSame([UInt16.max])
        try expectSame([UInt32.max])
        try expectSame([UInt64.max])
        try expectSame(Scalars())
        if #available(macOS 15.0, *) {
            try expectSame([Int128.min, Int128.max, 0])
            try expectSame([UInt128.max])
        }
        try expectSame(0.1)
        try expectSame(Float(0.1))
        try expectSame(-0.0)
    }

    @Test("Empty and nested containers, pretty and compact")
    func containers() throws {
        try expectSame([Int]())
        try expectSame([String: Int]())
        try expectSame([[Int]]())
        try expectSame([[], [1], [2, 3]] as [[Int]])
        try expectSame(Nest())
        try expectSame([Nest(), Nest()])
        try expectSame(["outer": ["inner": ["deep": [[String: Int]]()]]])
        try expectSame([["a": 1], [:]])
    }

    @Test("Absent optionals are left out, explicit and Nullable nils are null")
    func optionals() throws {
        try expectSame(Optionals())
        try expectSame(Optionals(plain: 1, nullable: "x", list: [nil, 2, nil]))
        try expectSame([Int?.none, 1, nil])
        try expectSame(Int?.none)
        try expectSame(Nullable<Int>(wrappedValue: nil))
        try expectSame(Nullable<[String]>(wrappedValue: ["a"]))
        try expectSame(ExplicitNils())
    }

    @Test("Top-level scalars are written alone")
    func fragments() throws {
        try expectSame("x")
        try expectSame(3)
        try expectSame(true)
        try expectSame(1e20)
    }

    @Test("Hand-written encode(to:) shapes: repeats, merged containers, nesting, super encoders")
    func handWrittenEncoders() throws {
        try expectSame(RepeatedKeys())
        try expectSame(ModelWithGenerator())
        try expectSame(NestedInOrder())
        try expectSame([EncodesNothing()])
        try expectSame(["a": EncodesNothing()])
        try expectSame(SingleValueOfNothing())
        try expectSame(WrapsAStruct())
        try expectSame(SuperUsedAtOnce())
        try expectSame(ThrowsInside())
    }

    @Test("Foundation's own types (Date, Data, URL, Decimal) give Foundation's bytes")
    func foundationTypes() throws {
        try expectSame([Date(timeIntervalSinceReferenceDate: 12.5)])
        try expectSame(["d": Data([1, 2, 3, 250])])
        try expectSame([URL(string: "https://example.org/a/b?c=d")!])
        try expectSame([Decimal(string: "1.50")!, Decimal(string: "-0.0001")!, Decimal(100)])
    }

    @Test("Uses of Encoder the writer does not copy go to Foundation, with Foundation's bytes")
    func handedToFoundation() throws {
        for value in [
            AnyEncodable(WritesToClosedContainer()), AnyEncodable(UnusedSuperEncoder()), AnyEncodable(TwoNestedUnderOneKey()),
            AnyEncodable(EquivalentKeys()),
        ] {
            for pretty in [false, true] {
                #expect(try CanonicalJSONEncoder.encode(value, pretty: pretty) == nil)
                #expect(try [UInt8](CanonicalJSON.encode(value, pretty: pretty)) == foundation(value, pretty: pretty))
            }
        }
    }

    // MARK: Errors

    @Test("Non-finite numbers throw wherever they are")
    func nonFiniteThrows() {
        for pretty in [false, true] {
            for value in [Double.nan, .infinity, -.infinity] {
                #expect(throws: EncodingError.self) { try CanonicalJSON.encode(value, pretty: pretty) }
                #expect(throws: EncodingError.self) { try CanonicalJSON.encode([1, value], pretty: pretty) }
                #expect(throws: EncodingError.self) { try CanonicalJSON.encode(["a": value], pretty: pretty) }
                #expect(throws: EncodingError.self) { try CanonicalJSON.encode(Scalars(double: value), pretty: pretty) }
                #expect(throws: EncodingError.self) { try CanonicalJSONEncoder.encode([value], pretty: pretty) }
            }
            #expect(throws: EncodingError.self) { try CanonicalJSON.encode([Float.nan], pretty: pretty) }
            #expect(throws: EncodingError.self) { try CanonicalJSON.encode(Scalars(float: .infinity), pretty: pretty) }
        }
    }

    @Test("A top-level value that encodes nothing throws, as in Foundation")
    func topLevelNothingThrows() {
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode(EncodesNothing()) }
        #expect(throws: EncodingError.self) { try foundation(EncodesNothing(), pretty: false) }
    }

    // MARK: Pinned bytes

    @Test("A fixture's compact bytes are pinned")
    func pinnedCompactBytes() throws {
        let data = try CanonicalJSON.encode(Pinned(), pretty: false)
        let expected = #"{"cases":["","\"q\" \\ /","\b\t\n\f\r\u0000\u000b\u001f","\#u{E9} e\#u{301} \#u{1F600} \#u{2028}"],"#
            + #""empty":{"list":[],"map":{}},"#
            + #""map":{"":0,"10":10,"9":9,"B":2,"_x":3,"a":4,"\#u{E4}":5,"\#u{1F600}":6},"#
            + #""numbers":[100,-0,1e-07,1e+20,0.1,0.3333333333333333,5e-324,-9223372036854775808,18446744073709551615],"#
            + #""present":null,"#
            + #""tasks":[{"checked":null,"checklist":null,"completion":null,"coverage":null,"directories":[],"documents":[],"#
            + #""findings":null,"git":null,"grade":null,"helm":null,"id":"TN-1","metadata":null,"phase":null,"quality":null,"#
            + #""qualityDetail":null,"source":null,"targets":null,"tests":null,"title":null}]}"#
        #expect(Array(data) == Array(expected.utf8) + [0x0A])
        try expectSame(Pinned())
    }

    @Test("A fixture's pretty bytes are pinned")
    func pinnedPrettyBytes() throws {
        let data = try CanonicalJSON.encode(["b": [[Int]](), "a": [[1], []]] as [String: [[Int]]])
        #expect(String(decoding: data, as: UTF8.self) == """
            {
              "a" : [
                [
                  1
                ],
                [

                ]
              ],
              "b" : [

              ]
            }

            """)
    }

    // MARK: Property

    @Test("Random trees of strings, numbers and dictionaries give Foundation's bytes")
    func randomTrees() async {
        await propertyCheck(count: 300, input: Self.trees) { tree in
            for pretty in [false, true] {
                let ours = try CanonicalJSONEncoder.encode(tree, pretty: pretty)
                let theirs = try foundation(tree, pretty: pretty)
                #expect(ours == theirs, "\(tree)")
            }
        }
    }

    /// A JSON tree up to four levels deep whose strings mix control characters, escapes,
    /// combining marks, non-BMP characters and plain ASCII, and whose numbers include exponents,
    /// subnormals, negative zero and integers.
    private static let trees = Generator<Tree, Shrink.None<Tree>> { rng in
        Tree.random(depth: 0, using: &rng)
    }

    // MARK: Helpers

    private func expectSame<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for pretty in [false, true] {
            let ours = try #require(
                try CanonicalJSONEncoder.encode(value, pretty: pretty), "the writer handed \(T.self) to Foundation",
                sourceLocation: sourceLocation
            )
            let theirs = try foundation(value, pretty: pretty)
            #expect(
                ours == theirs,
                "pretty: \(pretty)\nours:   \(String(decoding: ours, as: UTF8.self))\ntheirs: \(String(decoding: theirs, as: UTF8.self))",
                sourceLocation: sourceLocation
            )
        }
    }
}

/// What the canonical form was before the writer: Foundation with these options, and a newline.
private func foundation<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .throw
    return try [UInt8](encoder.encode(value)) + [0x0A]
}

// MARK: - Fixtures

private enum Letter: String, Encodable, CodingKeyRepresentable { case a, b }

private struct Pair: Hashable, Encodable { var x: Int }

private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

private struct Scalars: Encodable {
    var bool = true
    var string = "s"
    var double = 1.5
    var float: Float = 2.5
    var int = -1
    var int8: Int8 = -8
    var int16: Int16 = -16
    var int32: Int32 = -32
    var int64: Int64 = -64
    var uint: UInt = 1
    var uint8: UInt8 = 8
    var uint16: UInt16 = 16
    var uint32: UInt32 = 32
    var uint64: UInt64 = .max
}

private struct Nest: Encodable {
    var list: [Int] = []
    var map: [String: Int] = [:]
    var lists: [[Int]] = [[], [1]]
    var doubles: [Double] = [1, -0.0, 1e20, 0.1]
    var objects: [[String: [Int]]] = [[:], ["x": []]]
    var child: Child = Child()

    struct Child: Encodable {
        var zeta = "z"
        var alpha: [String: String] = [:]
        var mid: [Child2] = [Child2(), Child2()]
    }

    struct Child2: Encodable {
        var y = [[String: Int]]()
        var x = 0
    }
}

private struct Optionals: Encodable {
    var plain: Int?
    @Nullable var nullable: String?
    var list: [Int?] = []
}

private struct ExplicitNils: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeNil(forKey: Key("n"))
        try container.encode(Int?.none, forKey: Key("o"))
        try container.encodeIfPresent(Int?.none, forKey: Key("skipped"))
        var list = container.nestedUnkeyedContainer(forKey: Key("u"))
        try list.encodeNil()
        try list.encode(Int?.none)
    }
}

/// The same key more than once: the last value stays. A second container of the same encoder
/// is the same object.
private struct RepeatedKeys: Encodable {
    func encode(to encoder: any Encoder) throws {
        var first = encoder.container(keyedBy: Key.self)
        try first.encode(1, forKey: Key("b"))
        try first.encode(2, forKey: Key("a"))
        try first.encode([1, 2], forKey: Key("b"))
        var second = encoder.container(keyedBy: Key.self)
        try second.encode(4, forKey: Key("c"))
        try second.encode("five", forKey: Key("a"))
        try first.encode(["x": 1], forKey: Key("d"))
    }
}

/// As PhaseJSON's `Generated`: a model's members and one more key, in one object.
private struct ModelWithGenerator: Encodable {
    func encode(to encoder: any Encoder) throws {
        try SampleWorkspace.populated.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(ToolVersion(version: "0.6.0", commit: nil), forKey: Key("generator"))
    }
}

private struct NestedInOrder: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(1, forKey: Key("z"))
        var nested = container.nestedContainer(keyedBy: Key.self, forKey: Key("n"))
        try nested.encode(2, forKey: Key("y"))
        var list = nested.nestedUnkeyedContainer(forKey: Key("l"))
        try list.encode(3)
        var inner = list.nestedContainer(keyedBy: Key.self)
        try inner.encode(4, forKey: Key("b"))
        try inner.encode(5, forKey: Key("a"))
        var deeper = list.nestedUnkeyedContainer()
        try deeper.encode("six")
        try list.encode(7)
        try nested.encode(8, forKey: Key("x"))
        _ = container.nestedUnkeyedContainer(forKey: Key("empty"))
        try container.encode(9, forKey: Key("a"))
    }
}

private struct EncodesNothing: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

private struct SingleValueOfNothing: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(EncodesNothing())
    }
}

private struct WrapsAStruct: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Nest.Child())
    }
}

private struct SuperUsedAtOnce: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(1, forKey: Key("b"))
        var parent = container.superEncoder().container(keyedBy: Key.self)
        try parent.encode(2, forKey: Key("x"))
        var named = container.superEncoder(forKey: Key("named")).singleValueContainer()
        try named.encode("n")
        var list = container.nestedUnkeyedContainer(forKey: Key("list"))
        try list.encode(1)
        var element = list.superEncoder().unkeyedContainer()
        try element.encode(2)
        try list.encode(3)
    }
}

/// A member whose value throws, caught by the encoding code: Foundation drops the member.
private struct ThrowsInside: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(1, forKey: Key("a"))
        _ = try? container.encode(["x": 1.0, "y": .nan], forKey: Key("bad"))
        _ = try? container.encode(Double.infinity, forKey: Key("worse"))
        // Not in an unkeyed container: Foundation traps on the next element there.
        try container.encode(2, forKey: Key("c"))
    }
}

private struct WritesToClosedContainer: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        var nested = container.nestedContainer(keyedBy: Key.self, forKey: Key("n"))
        try nested.encode(1, forKey: Key("a"))
        try container.encode(2, forKey: Key("b"))
        try nested.encode(3, forKey: Key("c"))
    }
}

private struct UnusedSuperEncoder: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        _ = container.superEncoder(forKey: Key("unused"))
        try container.encode(1, forKey: Key("a"))
    }
}

private struct TwoNestedUnderOneKey: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        var first = container.nestedContainer(keyedBy: Key.self, forKey: Key("n"))
        try first.encode(1, forKey: Key("z"))
        var second = container.nestedContainer(keyedBy: Key.self, forKey: Key("n"))
        try second.encode(1, forKey: Key("y"))
    }
}

/// `é` as one scalar and as two: one key in Foundation, which keeps the first spelling.
private struct EquivalentKeys: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(1, forKey: Key("e\u{301}"))
        try container.encode(2, forKey: Key("\u{E9}"))
        try container.encode(3, forKey: Key("a"))
    }
}

private struct Pinned: Encodable {
    var cases = ["", "\"q\" \\ /", "\u{8}\t\n\u{C}\r\u{0}\u{B}\u{1F}", "\u{E9} e\u{301} \u{1F600} \u{2028}"]
    var map = ["10": 10, "9": 9, "B": 2, "_x": 3, "a": 4, "\u{E4}": 5, "\u{1F600}": 6, "": 0]
    var numbers = [100.0, -0.0, 1e-7, 1e20, 0.1, 1.0 / 3, .leastNonzeroMagnitude].map(Number.double) + [.int(.min), .uint(.max)]
    var empty = Nest.Child2Empty()
    @Nullable var present: Int?
    var tasks = [TaskRecord(id: "TN-1")]

    enum Number: Encodable {
        case double(Double), int(Int), uint(UInt64)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case let .double(value): try container.encode(value)
            case let .int(value): try container.encode(value)
            case let .uint(value): try container.encode(value)
            }
        }
    }
}

extension Nest {
    fileprivate struct Child2Empty: Encodable {
        var map: [String: Int] = [:]
        var list: [Int] = []
    }
}

/// A JSON value for the property test.
private indirect enum Tree: Encodable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case float(Float)
    case string(String)
    case array([Tree])
    case object([String: Tree])

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case let .bool(value): try value.encode(to: encoder)
        case let .int(value): try value.encode(to: encoder)
        case let .double(value): try value.encode(to: encoder)
        case let .float(value): try value.encode(to: encoder)
        case let .string(value): try value.encode(to: encoder)
        case let .array(values): try values.encode(to: encoder)
        case let .object(members): try members.encode(to: encoder)
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case let .bool(value): "\(value)"
        case let .int(value): "\(value)"
        case let .double(value): "\(value)"
        case let .float(value): "Float(\(value))"
        case let .string(value): value.debugDescription
        case let .array(values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        case let .object(members): "[" + members.map { "\($0.key.debugDescription): \($0.value)" }.joined(separator: ", ") + "]"
        }
    }

    static func random(depth: Int, using rng: inout some RandomNumberGenerator) -> Tree {
        let kind = Int.random(in: 0..<(depth < 4 ? 10 : 7), using: &rng)
        switch kind {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2: return .int(randomInt(using: &rng))
        case 3: return .double(randomDouble(using: &rng))
        case 4:
            let value = Float(randomDouble(using: &rng))
            return .float(value.isFinite ? value : 1)
        case 5, 6: return .string(randomString(using: &rng))
        case 7: return .array((0..<Int.random(in: 0...4, using: &rng)).map { _ in random(depth: depth + 1, using: &rng) })
        default:
            var members: [String: Tree] = [:]
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                members[randomString(using: &rng)] = random(depth: depth + 1, using: &rng)
            }
            return .object(members)
        }
    }

    static func randomInt(using rng: inout some RandomNumberGenerator) -> Int {
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: Int.random(in: -20...20, using: &rng)
        case 1: Int.random(in: .min ... .max, using: &rng)
        default: [Int.min, Int.max, 0, -1, 1_000_000_000_000][Int.random(in: 0..<5, using: &rng)]
        }
    }

    static func randomDouble(using rng: inout some RandomNumberGenerator) -> Double {
        switch Int.random(in: 0..<5, using: &rng) {
        case 0:
            // Any finite bit pattern: exponents, subnormals, long mantissas.
            var value = Double.nan
            while !value.isFinite { value = Double(bitPattern: rng.next()) }
            return value
        case 1: return Double(Int.random(in: -100_000...100_000, using: &rng)) / 100
        case 2: return Double(sign: .plus, exponent: Int.random(in: -1074...1023, using: &rng), significand: 1)
        case 3: return [0, -0.0, 1e15, 1e16, 1e-7, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.1][Int.random(in: 0..<8, using: &rng)]
        default: return Double.random(in: -1e6...1e6, using: &rng)
        }
    }

    /// Up to four runs of up to twelve characters, each run from a pool that exercises one rule
    /// of the writer; long ASCII runs reach its eight-bytes-at-a-time scan, with an escape or a
    /// non-ASCII byte anywhere in a word.
    static func randomString(using rng: inout some RandomNumberGenerator) -> String {
        let pools: [ClosedRange<UInt32>] = [
            0x00...0x1F,  // control characters: escaped
            0x20...0x7F,  // ASCII with `"`, `\`, `/` and DEL
            0x61...0x66,  // a few letters, so that keys share prefixes
            0x80...0x2FF,  // Latin-1 and beyond
            0x300...0x36F,  // combining marks
            0x2028...0x2029,  // line and paragraph separators
            0x212A...0x212B,  // Kelvin and Angstrom signs, equivalent to K and Å
            0xE000...0xFFFD,  // private use and specials
            0x1F600...0x1F64F,  // emoji beyond the BMP
        ]
        var text = ""
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            let pool = pools[Int.random(in: 0..<pools.count, using: &rng)]
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                if let scalar = Unicode.Scalar(UInt32.random(in: pool, using: &rng)) { text.unicodeScalars.append(scalar) }
            }
        }
        return text
    }
}
