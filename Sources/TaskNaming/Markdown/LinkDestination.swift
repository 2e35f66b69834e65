import Foundation

/// A link destination as written, resolved against the repository and rewritten for renamed folders.
///
/// Relative destinations resolve against the folder of the file they are in, a leading `/` against
/// the repository root; backslash escapes and percent-encoding are undone for the comparison
/// only. Destinations with a scheme (`https://`, `mailto:`), network paths (`//host`) and bare
/// anchors are never touched, nor are paths that climb out of the repository.
struct LinkDestination {
    /// The destination exactly as written (inside `<…>` when so written).
    let raw: String

    /// The destination after the renames, with every other byte (segments, `?query`, `#anchor`)
    /// kept; `nil` when it does not point into a renamed folder through a segment it writes
    /// itself. `file` is the repository path of the file holding the link.
    func rewritten(inFile file: String, renames: [FolderRename]) -> (destination: String, rename: FolderRename)? {
        guard !raw.isEmpty, !raw.hasPrefix("#"), !raw.hasPrefix("//"), !Self.hasScheme(raw) else { return nil }
        let suffixStart = raw.firstIndex { $0 == "?" || $0 == "#" } ?? raw.endIndex
        let path = raw[..<suffixStart]
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // Components of the resolved path, each with the written segment it came from (nil: from the file's folder).
        var resolved: [(name: String, segment: Int?)] = []
        if !path.hasPrefix("/") {
            resolved = file.split(separator: "/").dropLast().map { (String($0), nil) }
        }
        for (position, segment) in segments.enumerated() {
            let name = Self.decoded(segment)
            switch name {
            case "", ".":
                continue
            case "..":
                guard !resolved.isEmpty else { return nil }
                resolved.removeLast()
            default:
                resolved.append((name, position))
            }
        }
        for rename in renames {
            let folder = rename.from.split(separator: "/").map(String.init)
            guard resolved.count >= folder.count, zip(resolved, folder).allSatisfy({ $0.name == $1 }),
                let written = resolved[folder.count - 1].segment
            else { continue }
            let newName = String(rename.to.split(separator: "/").last ?? "")
            segments[written] = segments[written].contains("%") ? Self.percentEncoded(newName) : newName
            return (segments.joined(separator: "/") + raw[suffixStart...], rename)
        }
        return nil
    }

    /// `scheme:` at the start: a letter, then letters, digits, `+`, `-` or `.`, then a colon.
    static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon > text.startIndex else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCII, CharacterSet.letters.contains(first) else { return false }
        return scheme.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "+-.".unicodeScalars.contains($0)) }
    }

    /// A segment with backslash escapes of ASCII punctuation and `%XX` escapes undone; as written
    /// when the escapes do not decode to UTF-8.
    static func decoded(_ segment: String) -> String {
        var bytes: [UInt8] = []
        let source = Array(segment.utf8)
        var index = 0
        while index < source.count {
            let byte = source[index]
            if byte == UInt8(ascii: "\\"), index + 1 < source.count, MarkdownLinkScanner.isASCIIPunctuation(source[index + 1]) {
                bytes.append(source[index + 1])
                index += 2
            } else if byte == UInt8(ascii: "%"), index + 2 < source.count, let high = hexValue(source[index + 1]),
                let low = hexValue(source[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(byte)
                index += 1
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? segment
    }

    /// A folder name percent-encoded as a URL path segment (unreserved characters kept).
    static func percentEncoded(_ name: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
