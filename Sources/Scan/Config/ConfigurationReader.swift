import Foundation
import PhaseModel
import Yams

/// One `key: value` pair of a mapping, or one entry of a list, with what error messages need: its
/// dotted key path (`quality.weights.tests`) and line.
struct Field {
    let name: String, path: String, line: Int?, value: Node
}

/// Reads one value, or throws the error that names where it is.
typealias Read<Value> = (Field) throws -> Value

/// Reads values from a composed node tree; every error names the file, the 1-based line and the dotted
/// key path, and says what was found and what was expected.
struct ConfigurationReader {
    let file: String

    /// Visits the pairs of a mapping in document order, so the first mistake in the file is the one reported;
    /// a section written with no value is empty, as when every line under it is commented out.
    func mapping(_ section: Field, keys: [String], _ visit: (Field) throws -> Void) throws {
        let place = section.path.isEmpty ? message("error.config.top-level") : section.path, names = keys.joined(separator: ", ")
        if isNull(section.value) { return }
        guard let mapping = section.value.mapping else {
            throw error(section, message("error.config.not-a-mapping", ["place": place, "keys": names, "found": describe(section.value)]))
        }
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                let text = message("error.config.not-a-plain-key", ["place": place, "key": keys.first ?? "", "found": describe(key)])
                throw error(line: key.mark?.line, path: section.path, text)
            }
            let path = section.path.isEmpty ? name : "\(section.path).\(name)"
            let field = Field(name: name, path: path, line: key.mark?.line, value: value)
            guard keys.contains(name) else {
                let suggestion = KeySuggestion.suggest(for: name, among: keys, elsewhere: ConfigurationReader.allPaths)
                let key = suggestion == nil ? "error.config.unknown-key" : "error.config.unknown-key.suggestion"
                throw error(field, message(key, ["path": quote(path), "keys": names, "suggestion": suggestion ?? ""]))
            }
            try visit(field)
        }
    }

    /// The entries of a list, each with its own line; a list written with no value is empty.
    func entries(_ field: Field, _ shape: String) throws -> [Field] {
        guard let items = isNull(field.value) ? [] : field.value.sequence.map(Array.init) else { throw mismatch(field, shape) }
        return items.map { Field(name: field.name, path: field.path, line: $0.mark?.line ?? field.line, value: $0) }
    }

    /// The resolved tag (`!!int`, `!!null`, …); Yams keeps `Tag.name` internal but exposes its raw value.
    func tagName(of node: Node) -> Tag.Name { Tag.Name(rawValue: node.tag.rawValue) }
    func isNull(_ node: Node) -> Bool { node.scalar != nil && tagName(of: node) == .null }

    func string(_ field: Field) throws -> String { try string(field, inList: false) }
    func strings(_ field: Field) throws -> [String] { try entries(field, message("error.config.shape.strings")).map { try string($0, inList: true) } }

    /// A non-empty string; any scalar but null counts, so `locales: [no]` or a folder named `2024` do not
    /// trip over YAML's implicit booleans and numbers.
    func string(_ field: Field, inList: Bool) throws -> String {
        guard let text = field.value.scalar?.string, !isNull(field.value), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else {
            guard inList else { throw mismatch(field, message("error.config.shape.string")) }
            throw problem(field, message("error.config.empty-in-list", ["found": describe(field.value)]))
        }
        return text
    }

    func boolean(_ field: Field) throws -> Bool {
        guard tagName(of: field.value) == .bool, let value = field.value.bool else { throw mismatch(field, message("error.config.shape.boolean")) }
        return value
    }

    /// A whole number in `range`; a range up to `Int.max` is worded as a minimum.
    func integer(_ range: ClosedRange<Int>) -> Read<Int> {
        let bounds = ["minimum": String(range.lowerBound), "maximum": String(range.upperBound)]
        let shape = message(range.upperBound == .max ? "error.config.shape.at-least" : "error.config.shape.range", bounds)
        return { field in
            guard tagName(of: field.value) == .int, let value = field.value.int else { throw mismatch(field, shape) }
            guard range.contains(value) else { throw mismatch(field, shape, outOfRange: true) }
            return value
        }
    }

    /// A finite number that `allows` accepts, by default one of at least 0; for a percentage, a `%`
    /// written after the number is named as the mistake.
    func number(_ shape: String? = nil, percentage: Bool = false, _ allows: @escaping (Double) -> Bool = { $0 >= 0 }) -> Read<Double> {
        let shape = shape ?? message("error.config.shape.non-negative")
        return { field in
            let scalar = field.value.scalar, text = scalar?.string ?? ""
            let number: Double? =
                switch tagName(of: field.value) {
                case .int: field.value.int.map(Double.init)
                case .float: field.value.float
                // YAML 1.1 wants a dot in floats (`1.0e3`); accept what Swift reads as a number when unquoted.
                case .str where scalar?.style == .plain: Double(text)
                default: nil
                }
            guard let number, number.isFinite else {
                let percentSign = percentage && text.hasSuffix("%") && Double(text.dropLast().trimmingCharacters(in: .whitespaces)) != nil
                throw mismatch(field, shape, percentSign: percentSign)
            }
            guard allows(number) else { throw mismatch(field, shape, outOfRange: true) }
            return number
        }
    }

    /// "expected …, found …"; a value of the right type but out of range is shown bare (`found 12`).
    func mismatch(_ field: Field, _ shape: String, outOfRange: Bool = false, percentSign: Bool = false) -> ConfigurationError {
        let found = outOfRange ? field.value.scalar.map { quote($0.string) } : nil
        let text = message("error.config.mismatch", ["shape": shape, "found": found ?? describe(field.value)])
        return problem(field, percentSign ? message("error.config.percent-sign", ["message": text]) : text)
    }

    /// A non-empty string `isValid` accepts; `invalid` words the error from the string, quoted.
    func string(_ field: Field, inList: Bool = false, where isValid: (String) -> Bool, else invalid: (String) -> String) throws -> String {
        let text = try string(field, inList: inList)
        guard isValid(text) else { throw problem(field, invalid(quote(text))) }
        return text
    }

    /// An error about `field` whose message starts with its key path.
    func problem(_ field: Field, _ message: String) -> ConfigurationError { error(field, "\(field.path): \(message)") }
    func error(_ field: Field, _ message: String) -> ConfigurationError { error(line: field.line, path: field.path, message) }
    func error(line: Int?, path: String, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: line, keyPath: path.isEmpty ? nil : path, message: message)
    }

    func describe(_ node: Node) -> String {
        guard let scalar = node.scalar else {
            return message(node.mapping != nil ? "error.config.found.mapping" : node.sequence != nil ? "error.config.found.list" : "error.config.found.alias")
        }
        guard isNull(node) else { return "'\(quote(scalar.string))'" }
        return scalar.string.isEmpty && scalar.style == .plain ? message("error.config.found.nothing") : "null"
    }

    /// Keeps messages on one line and short, whatever the file holds.
    func quote(_ text: String) -> String {
        let flat = [("\r", "\\r"), ("\n", "\\n"), ("\t", "\\t")].reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        return flat.count > 60 ? String(flat.prefix(57)) + "…" : flat
    }

    /// The English text of the message `key`: phasecert prints configuration errors in English.
    func message(_ key: String, _ arguments: [String: String] = [:]) -> String {
        MessageCatalog.builtIn(.en).text(key, arguments.mapValues(MessageArgument.text))
    }

    func format(_ value: Double) -> String { value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value) }
}
