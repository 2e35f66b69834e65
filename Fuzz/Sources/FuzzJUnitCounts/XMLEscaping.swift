import FuzzSupport

/// Escapes text for an XML document in one of the ways writers do it, chosen by the fuzzer: named
/// entities, decimal or hexadecimal character references, or (for text) CDATA, so each of the
/// scanner's decoding paths has to give the same string back.
struct XMLEscaping {
    /// 0: named entities; 1: decimal references; 2: hexadecimal references; 3: references for
    /// every non-ASCII scalar too.
    let style: Int

    init(_ input: inout FuzzInput) {
        style = input.number(below: 4)
    }

    /// A quoted attribute value. Tabs and line breaks become references: written as they are, XML
    /// attribute-value normalisation would turn them into spaces.
    func attribute(_ value: String) -> String {
        "\"" + escaped(value, inAttribute: true) + "\""
    }

    /// Character data.
    func text(_ value: String) -> String {
        escaped(value, inAttribute: false)
    }

    private func escaped(_ value: String, inAttribute: Bool) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "<", ">", "&", "\"", "'":
                out += reference(scalar)
            case "\t", "\n", "\r":
                out += inAttribute || scalar == "\r" ? reference(scalar, numeric: true) : String(scalar)
            default:
                out += style == 3 && !scalar.isASCII ? reference(scalar, numeric: true) : String(scalar)
            }
        }
        return out
    }

    private func reference(_ scalar: Unicode.Scalar, numeric: Bool = false) -> String {
        let names: [Unicode.Scalar: String] = ["<": "lt", ">": "gt", "&": "amp", "\"": "quot", "'": "apos"]
        if style == 0, !numeric, let name = names[scalar] { return "&\(name);" }
        return style == 1 ? "&#\(scalar.value);" : "&#x\(String(scalar.value, radix: 16, uppercase: style == 2));"
    }
}
