import Foundation
import PropertyBased
import PhaseModel
import Testing

/// `precedesInByteOrder` orders strings as their UTF-8 bytes do, like the comparison of the two
/// byte views it stands in for, including where canonical equivalence or a shared prefix would
/// lead a text comparison elsewhere.
struct ByteOrderTests {
    /// Pieces that make shared prefixes, non-ASCII bytes and canonically equal spellings common.
    static let piece = Gen<Int>.int(in: 0...7).map { ["a", "b", "/", "é", "e\u{301}", "я", "Z", "a/b"][$0] }

    @Test func agreesWithTheByteViews() async {
        await propertyCheck(count: 2_000, input: Self.piece.array(of: 0...6), Self.piece.array(of: 0...6)) { left, right in
            let (a, b) = (left.joined(), right.joined())
            #expect(a.precedesInByteOrder(b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) \(b)")
        }
    }

    @Test func sortsPathsAsTheirBytes() {
        let paths = ["src/b.swift", "src/a.swift", "Src/z", "src", "é.md", "e\u{301}.md", "", "src/a"]
        let sorted = paths.sorted { $0.precedesInByteOrder($1) }
        #expect(sorted == ["", "Src/z", "e\u{301}.md", "src", "src/a", "src/a.swift", "src/b.swift", "é.md"])
        // Equal texts precede neither way; a canonically equal spelling is still another text.
        #expect(!"abc".precedesInByteOrder("abc"))
        #expect("e\u{301}".precedesInByteOrder("é") != "é".precedesInByteOrder("e\u{301}"))
    }

    @Test func textsMadeInOtherWaysKeepTheirOrder() {
        // A string rebuilt from a substring and one that came through Foundation compare by
        // their bytes like any other.
        let long = String(repeating: "x", count: 40) + "é"
        let copy = String(long.dropLast()) + "e"
        #expect(copy.precedesInByteOrder(long))
        #expect(!long.precedesInByteOrder(copy))
        let bridged = NSString(string: "путь/файл").description
        #expect("путь/а".precedesInByteOrder(bridged))
    }
}
