import Testing
@testable import Scan

/// Commit messages declared in a single-byte encoding (git's `i18n.commitEncoding`).
struct SingleByteEncodingTests {
    @Test func encodingNamesAreRecognisedInAnyCase() {
        #expect(SingleByteEncoding(name: "ISO-8859-1") == .latin1)
        #expect(SingleByteEncoding(name: "iso-8859-15") == .latin9)
        #expect(SingleByteEncoding(name: "Windows-1251") == .windows1251)
        #expect(SingleByteEncoding(name: "KOI8-R") == .koi8r)
        #expect(SingleByteEncoding(name: "shift_jis") == nil)
    }

    @Test func cyrillicEncodingsDecodeToRussian() {
        // "Фаза готова" in windows-1251 and in KOI8-R.
        #expect(SingleByteEncoding.windows1251.decode([0xD4, 0xE0, 0xE7, 0xE0, 0x20, 0xE3, 0xEE, 0xF2, 0xEE, 0xE2, 0xE0]) == "Фаза готова")
        #expect(SingleByteEncoding.koi8r.decode([0xE6, 0xC1, 0xDA, 0xC1, 0x20, 0xC7, 0xCF, 0xD4, 0xCF, 0xD7, 0xC1]) == "Фаза готова")
    }

    @Test func westernEncodingsDifferWhereTheyShould() {
        #expect(SingleByteEncoding.latin1.decode([0xA4]) == "¤")
        #expect(SingleByteEncoding.latin9.decode([0xA4]) == "€")
        #expect(SingleByteEncoding.windows1252.decode([0x80]) == "€")
        #expect(SingleByteEncoding.windows1251.decode([0x98]) == "\u{FFFD}")
    }
}
