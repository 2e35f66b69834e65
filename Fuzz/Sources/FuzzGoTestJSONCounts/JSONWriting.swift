import FuzzSupport

/// Writes test2json events as JSON objects in the ways encoders differ: key order, blanks, fields
/// phasecert ignores (nested ones included), and string escaping from minimal to every non-ASCII
/// scalar as `\u` escapes with surrogate pairs.
struct JSONWriting {
    /// 0: minimal escaping; 1: `\/` as well; 2: `\u` for non-ASCII, lowercase hex; 3: the same, uppercase.
    let style: Int
    let blank: String

    init(_ input: inout FuzzInput) {
        style = input.number(below: 4)
        blank = input.pick(["", " ", "  ", "\t"])
    }

    func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "/": out += style == 1 ? "\\/" : "/"
            case "\n": out += "\\n"
            case "\t": out += style >= 2 ? unicodeEscape(0x09) : "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    out += unicodeEscape(UInt16(scalar.value))
                } else if style >= 2 && !scalar.isASCII {
                    for unit in String(scalar).utf16 { out += unicodeEscape(unit) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private func unicodeEscape(_ unit: UInt16) -> String {
        let hex = String(unit, radix: 16, uppercase: style == 3)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// An object of `fields` (already-written values), in an order the fuzzer picks, perhaps with
    /// fields no reader here uses.
    func object(_ fields: [(String, String)], _ input: inout FuzzInput) -> String {
        var fields = fields
        if input.chance(oneIn: 2) { fields.append(("Time", "\"2026-01-02T03:04:05.123456789Z\"")) }
        if input.chance(oneIn: 8) { fields.append(("Extra", "{\"a\":[1,-2.5e3,{\"b\":null}],\"c\":\"\\u00e9}\"}")) }
        // A rotation and maybe a reversal: enough to move every key to the front and the back.
        let shift = input.number(below: max(fields.count, 1))
        fields = Array(fields[shift...] + fields[..<shift])
        if input.chance(oneIn: 2) { fields.reverse() }
        let body = fields.map { "\(string($0.0))\(blank):\(blank)\($0.1)" }.joined(separator: ",\(blank)")
        return "{\(blank)\(body)\(blank)}"
    }
}
