/// The single-byte encodings commit messages declare in practice, decoded without Foundation's
/// platform-dependent tables.
enum SingleByteEncoding: Equatable {
    case latin1, latin9, windows1252

    init?(name: String) {
        switch name.lowercased() {
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1": self = .latin1
        case "iso-8859-15", "iso8859-15", "latin9", "latin-9": self = .latin9
        case "windows-1252", "cp1252": self = .windows1252
        default: return nil
        }
    }

    func decode(_ bytes: some Sequence<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(scalar(byte)) }
        return String(scalars)
    }

    private func scalar(_ byte: UInt8) -> Unicode.Scalar {
        switch self {
        case .latin1:
            return Unicode.Scalar(byte)
        case .latin9:
            let replaced: [UInt8: UInt32] = [0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178]
            return replaced[byte].flatMap(Unicode.Scalar.init) ?? Unicode.Scalar(byte)
        case .windows1252:
            guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
            let table: [UInt32] = [
                0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
            ]
            return Unicode.Scalar(table[Int(byte) - 0x80]) ?? "\u{FFFD}"
        }
    }
}
