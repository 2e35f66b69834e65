import Foundation
import PhaseModel
import Yams

/// One `key: value` pair of a mapping, or one entry of a list, with what error messages need.
struct Field {
    let name: String
    /// The dotted key path (`quality.weights.tests`).
    let path: String
    let line: Int?
    let value: Node
}

/// The keys of one section, in the order error messages list them, each with how its value is read
/// into the section; keys left out keep the value they had.
typealias Keys<Section> = [(key: String, read: (inout Section, Field) throws -> Void)]

/// Reads a composed node tree by tables of `Keys`; every error names the file, the 1-based line and
/// the dotted key path, and says what was found and what was expected.
///
/// Fields are visited in document order so that, of several mistakes, the first one in the file is the
/// one reported. A section or list written with no value reads as empty: commenting out every line
/// under a key should not turn into a type error.
struct ConfigurationReader {
    let file: String

    func read<Section>(_ section: Field, into value: inout Section, _ table: Keys<Section>) throws {
        let keys = table.map(\.key), place = section.path.isEmpty ? "the top level" : section.path
        if isNull(section.value) { return }
        guard let mapping = section.value.mapping else {
            throw error(section, "\(place): expected a mapping with the keys \(keys.joined(separator: ", ")), found \(describe(section.value))")
        }
        let fields = try mapping.map { key, value in
            guard let name = key.scalar?.string else {
                let message = "\(place): expected a plain key such as '\(keys.first ?? "")', found \(describe(key)) as a key"
                throw error(line: key.mark?.line, path: section.path, message)
            }
            return Field(name: name, path: section.path.isEmpty ? name : "\(section.path).\(name)", line: key.mark?.line, value: value)
        }
        for field in fields {
            guard let entry = table.first(where: { $0.key == field.name }) else {
                let suggestion = KeySuggestion.suggest(for: field.name, among: keys, elsewhere: ConfigurationKeys.allPaths)
                let message = "unknown key '\(quote(field.path))'; expected one of: \(keys.joined(separator: ", "))"
                throw error(field, message + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""))
            }
            try entry.read(&value, field)
        }
    }

    /// The entries of a list, each with its own line.
    func entries(_ field: Field, _ shape: String) throws -> [Field] {
        guard let items = isNull(field.value) ? [] : field.value.sequence.map(Array.init) else { throw mismatch(field, shape) }
        return items.map { Field(name: field.name, path: field.path, line: $0.mark?.line ?? field.line, value: $0) }
    }

    /// The resolved tag (`!!int`, `!!null`, …); Yams keeps `Tag.name` internal but exposes its raw value.
    func tagName(of node: Node) -> Tag.Name { Tag.Name(rawValue: node.tag.rawValue) }
    func isNull(_ node: Node) -> Bool { node.scalar != nil && tagName(of: node) == .null }

    /// A non-empty string; any scalar but null counts, so `locales: [no]` or a folder named `2024` do not
    /// trip over YAML's implicit booleans and numbers.
    func string(_ field: Field, inList: Bool = false) throws -> String {
        guard let text = field.value.scalar?.string, !isNull(field.value), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw inList ? problem(field, "expected a list of non-empty strings, found \(describe(field.value)) in it") : mismatch(field, "a non-empty string")
        }
        return text
    }

    func strings(_ field: Field) throws -> [String] { try entries(field, "a list of strings").map { try string($0, inList: true) } }

    func boolean(_ field: Field) throws -> Bool {
        guard tagName(of: field.value) == .bool, let value = field.value.bool else { throw mismatch(field, "true or false") }
        return value
    }

    /// A whole number in `range`; a range up to `Int.max` is worded as a minimum.
    func integer(_ field: Field, in range: ClosedRange<Int>) throws -> Int {
        let (low, high) = (range.lowerBound, range.upperBound)
        let shape = high == .max ? "a whole number of at least \(low)" : "a whole number from \(low) to \(high)"
        guard tagName(of: field.value) == .int, let value = field.value.int else { throw mismatch(field, shape) }
        guard range.contains(value) else { throw mismatch(field, shape, outOfRange: true) }
        return value
    }

    func number(_ field: Field, _ rule: NumberRule = .nonNegative) throws -> Double {
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
            let percentSign = rule.shape.contains("percentage") && text.hasSuffix("%") && Double(text.dropLast().trimmingCharacters(in: .whitespaces)) != nil
            var error = mismatch(field, rule.shape)
            error.message += percentSign ? " (write the number without '%')" : ""
            throw error
        }
        guard rule.allows(number) else { throw mismatch(field, rule.shape, outOfRange: true) }
        return number
    }

    /// "expected …, found …"; a value of the right type but out of range is shown bare (`found 12`).
    func mismatch(_ field: Field, _ shape: String, outOfRange: Bool = false) -> ConfigurationError {
        let found = outOfRange ? field.value.scalar.map { quote($0.string) } : nil
        return problem(field, "expected \(shape), found \(found ?? describe(field.value))")
    }

    /// An error about `field` whose message starts with its key path.
    func problem(_ field: Field, _ message: String) -> ConfigurationError { error(field, "\(field.path): \(message)") }
    func error(_ field: Field, _ message: String) -> ConfigurationError { error(line: field.line, path: field.path, message) }
    func error(line: Int?, path: String, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: line, keyPath: path.isEmpty ? nil : path, message: message)
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar) where isNull(node): scalar.string.isEmpty && scalar.style == .plain ? "nothing" : "null"
        case .scalar(let scalar): "'\(quote(scalar.string))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// Keeps messages on one line and short, whatever the file holds.
    func quote(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
        return flat.count > 60 ? String(flat.prefix(57)) + "…" : flat
    }

    func format(_ value: Double) -> String { value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value) }
}

/// Where a number must lie, and how messages word it.
struct NumberRule: Sendable {
    let shape: String
    let allows: @Sendable (Double) -> Bool

    static let nonNegative = NumberRule(shape: "a number of at least 0") { $0 >= 0 }
    static let atLeastOne = NumberRule(shape: "a number of at least 1") { $0 >= 1 }
    static let percentage = NumberRule(shape: "a percentage from 0 to 100") { (0...100).contains($0) }
    static let positivePercentage = NumberRule(shape: "a percentage above 0 and at most 100") { $0 > 0 && $0 <= 100 }
}
