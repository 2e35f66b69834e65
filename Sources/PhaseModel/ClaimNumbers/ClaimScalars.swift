/// A text as an array of Unicode scalars with their string indices, so the claim scanners can
/// look back and ahead by position without walking `String` indices or bridging to `NSString`.
package struct ClaimScalars {
    package let text: String
    package let scalars: [Unicode.Scalar]
    /// `indices[i]` is where `scalars[i]` starts; one extra entry holds `text.endIndex`.
    package let indices: [String.Index]

    package init(_ text: String) {
        self.text = text
        var scalars: [Unicode.Scalar] = []
        var indices: [String.Index] = []
        let view = text.unicodeScalars
        var index = view.startIndex
        while index < view.endIndex {
            scalars.append(view[index])
            indices.append(index)
            index = view.index(after: index)
        }
        indices.append(view.endIndex)
        self.scalars = scalars
        self.indices = indices
    }

    package var count: Int { scalars.count }

    /// The scalar at `position`, or `nil` outside the text: look-arounds at the edges need no guards.
    package subscript(position: Int) -> Unicode.Scalar? {
        position >= 0 && position < scalars.count ? scalars[position] : nil
    }

    package func range(_ start: Int, _ end: Int) -> Range<String.Index> { indices[start]..<indices[end] }

    /// The scalars themselves, not `text[range]`: `String` rounds sub-character indices down,
    /// which would change the quoted text next to a combining mark.
    package func slice(_ start: Int, _ end: Int) -> String { String(text.unicodeScalars[range(start, end)]) }

    package func isDigit(_ position: Int) -> Bool { self[position].map(Self.isDigit) ?? false }
    package func isLetter(_ position: Int) -> Bool { self[position].map(Self.isLetter) ?? false }
    package func isWord(_ position: Int) -> Bool { isDigit(position) || isLetter(position) }
    package func isBlank(_ position: Int) -> Bool { self[position].map(Self.isBlank) ?? false }
    package func `is`(_ position: Int, _ scalar: Unicode.Scalar) -> Bool { self[position] == scalar }

    /// The first position at or after `position` that is not a blank.
    package func skipBlanks(from position: Int) -> Int {
        var position = position
        while isBlank(position) { position += 1 }
        return position
    }

    /// The first position at or before `position` (counting back) that is not a blank.
    package func skipBlanksBack(from position: Int) -> Int {
        var position = position
        while isBlank(position) { position -= 1 }
        return position
    }

    package static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    /// Letters of any script, and digits other than ASCII: both make a digit run part of a word.
    package static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return value >= 0x61 && value <= 0x7A
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Spaces that may stand inside a written number or before its `%`: space, tab, no-break
    /// space, thin space and narrow no-break space.
    package static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x2009, 0x202F: true
        default: false
        }
    }
}
