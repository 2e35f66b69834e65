import Foundation
import PropertyBased
import Testing
@testable import TextSupport

/// `ByteSearch` answers what Foundation's `Data.range(of:)` answers, on bytes drawn from a small
/// alphabet so that partial and repeated matches are common.
struct ByteSearchTests {
    /// Bytes from an alphabet of three, so needles of one to four bytes often nearly match.
    static let bytes = Gen<Int>.int(in: 0...2).map { UInt8(0x61 + $0) }

    @Test func findsWhatDataRangeFinds() async {
        await propertyCheck(count: 2_000, input: Self.bytes.array(of: 0...40), Self.bytes.array(of: 0...4)) { haystack, needle in
            let expected = needle.isEmpty || Data(haystack).range(of: Data(needle)) != nil
            #expect(Data(haystack).containsBytes(Data(needle)) == expected, "\(haystack) \(needle)")
        }
    }

    @Test func edgesOfTheText() {
        let text = Data("== Linting web\n".utf8)
        #expect(text.containsBytes(Data("==".utf8)))
        #expect(text.containsBytes(Data("web\n".utf8)))
        #expect(text.containsBytes(text))
        #expect(!text.containsBytes(text + Data("x".utf8)))
        #expect(!Data().containsBytes(Data("a".utf8)))
        #expect(Data().containsBytes(Data()))
        // A slice keeps its own indices: only its own bytes are searched.
        let slice = Data("abcdef".utf8).dropFirst(2).prefix(2)
        #expect(slice.containsBytes(Data("cd".utf8)))
        #expect(!slice.containsBytes(Data("ab".utf8)))
        #expect(!slice.containsBytes(Data("de".utf8)))
    }
}
