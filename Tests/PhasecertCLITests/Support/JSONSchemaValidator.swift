import Foundation

/// A small JSON Schema (draft 2020-12) validator for the subset of keywords that
/// `schema/phase-model.schema.json` uses.
///
/// Supported: `type` (a name or an array of names), `properties`, `required`,
/// `additionalProperties` (`false` or a schema), `items`, `enum`, `const`, `minimum`,
/// `maximum`, `minLength`, `oneOf`, `anyOf`, `$ref` to `#/$defs/…`, `$defs` and `pattern`
/// (`NSRegularExpression`, unanchored as the specification says), plus the boolean
/// schemas `true` and `false`. Annotation keywords (`$schema`, `$id`, `title`,
/// `description`, `examples`, `$comment`, `default`, and any `x-…`) are ignored. Any other keyword makes
/// the initializer throw, so a schema can never rely on a check that silently does not run.
///
/// Instances are what `JSONSerialization.jsonObject(with:)` returns (`NSNumber`,
/// `NSNull`, `String`, `[Any]`, `[String: Any]`), or the equivalent native Swift values.
/// Errors are `path: message` strings, where the path is a JSON pointer prefixed with `#`
/// (`#/tasks/0/git/first`).
struct JSONSchemaValidator {
    /// Why a schema cannot be used.
    struct SchemaError: Error, CustomStringConvertible {
        /// One `path: message` line per problem, the path pointing into the schema.
        var problems: [String]
        var description: String { "invalid or unsupported schema:\n" + problems.joined(separator: "\n") }
    }

    static let annotationKeywords: Set<String> = [
        "$schema", "$id", "title", "description", "examples", "$comment", "default",
    ]
    static let supportedKeywords: Set<String> = [
        "type", "properties", "required", "additionalProperties", "items", "enum", "const",
        "minimum", "maximum", "minLength", "oneOf", "anyOf", "$ref", "$defs", "pattern",
    ]
    static let typeNames: Set<String> = ["null", "boolean", "object", "array", "number", "integer", "string"]

    private let root: Any
    private let patterns: [String: NSRegularExpression]

    /// Checks the whole schema (every branch and every definition, used or not) up front.
    init(schema: Any) throws {
        var problems: [String] = []
        var patterns: [String: NSRegularExpression] = [:]
        Self.check(schema, at: "#", root: schema, problems: &problems, patterns: &patterns)
        guard problems.isEmpty else { throw SchemaError(problems: problems) }
        self.root = schema
        self.patterns = patterns
    }

    init(schemaData: Data) throws {
        try self.init(schema: try JSONSerialization.jsonObject(with: schemaData, options: [.fragmentsAllowed]))
    }

    init(schemaFile url: URL) throws {
        try self.init(schemaData: try Data(contentsOf: url))
    }

    /// The problems of an instance; empty when it is valid.
    func validate(_ instance: Any) -> [String] {
        var errors: [String] = []
        validate(instance, against: root, at: "#", errors: &errors)
        return errors
    }

    /// Parses JSON text and validates it.
    func validate(json data: Data) throws -> [String] {
        validate(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    // MARK: - Schema check

    private static func check(
        _ schema: Any, at path: String, root: Any, problems: inout [String],
        patterns: inout [String: NSRegularExpression]
    ) {
        if case .boolean = JSONValueKind(schema) { return }
        guard let object = schema as? [String: Any] else {
            problems.append("\(path): a schema must be an object or a boolean")
            return
        }
        func sub(_ value: Any, _ key: String) {
            check(value, at: path + "/" + escape(key), root: root, problems: &problems, patterns: &patterns)
        }
        for key in object.keys.sorted() {
            let value = object[key]!
            let here = path + "/" + escape(key)
            // `x-…` keywords are the schema's own annotations (JSON Schema ignores unknown ones).
            if annotationKeywords.contains(key) || key.hasPrefix("x-") { continue }
            guard supportedKeywords.contains(key) else {
                problems.append("\(here): unsupported keyword \"\(key)\"")
                continue
            }
            switch key {
            case "type":
                let names: [Any] = (value as? [Any]) ?? [value]
                if names.isEmpty { problems.append("\(here): empty type array") }
                for name in names {
                    guard let name = name as? String, typeNames.contains(name) else {
                        problems.append("\(here): unknown type \(describe(name))")
                        continue
                    }
                }
            case "properties", "$defs":
                guard let members = value as? [String: Any] else {
                    problems.append("\(here): must be an object of schemas")
                    continue
                }
                for name in members.keys.sorted() {
                    check(members[name]!, at: here + "/" + escape(name), root: root, problems: &problems, patterns: &patterns)
                }
            case "required":
                guard let names = value as? [Any], names.allSatisfy({ $0 is String }) else {
                    problems.append("\(here): must be an array of strings")
                    continue
                }
            case "additionalProperties", "items":
                sub(value, key)
            case "oneOf", "anyOf":
                guard let branches = value as? [Any], !branches.isEmpty else {
                    problems.append("\(here): must be a non-empty array of schemas")
                    continue
                }
                for (index, branch) in branches.enumerated() {
                    check(branch, at: here + "/\(index)", root: root, problems: &problems, patterns: &patterns)
                }
            case "enum":
                guard let values = value as? [Any], !values.isEmpty else {
                    problems.append("\(here): must be a non-empty array")
                    continue
                }
            case "const":
                break
            case "minimum", "maximum":
                guard JSONValueKind(value).isNumber else {
                    problems.append("\(here): must be a number")
                    continue
                }
            case "minLength":
                guard case let .number(n) = JSONValueKind(value), n >= 0, n.rounded() == n else {
                    problems.append("\(here): must be a non-negative integer")
                    continue
                }
            case "pattern":
                guard let source = value as? String else {
                    problems.append("\(here): must be a string")
                    continue
                }
                do {
                    patterns[source] = try NSRegularExpression(pattern: source)
                } catch {
                    problems.append("\(here): not a valid regular expression: \(source)")
                }
            case "$ref":
                guard let reference = value as? String else {
                    problems.append("\(here): must be a string")
                    continue
                }
                if resolve(reference, in: root) == nil {
                    problems.append("\(here): cannot resolve \"\(reference)\" (only \"#/$defs/<name>\" is supported)")
                }
            default:
                problems.append("\(here): keyword \"\(key)\" has no check")
            }
        }
    }

    /// Resolves `#/$defs/<name>` (JSON pointer escapes allowed in the name).
    private static func resolve(_ reference: String, in root: Any) -> Any? {
        let prefix = "#/$defs/"
        guard reference.hasPrefix(prefix) else { return nil }
        let name = String(reference.dropFirst(prefix.count))
        guard !name.contains("/") else { return nil }
        let key = name.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        guard let defs = (root as? [String: Any])?["$defs"] as? [String: Any] else { return nil }
        return defs[key]
    }

    private static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    // MARK: - Validation

    private func validate(_ instance: Any, against schema: Any, at path: String, errors: inout [String]) {
        if case let .boolean(allowed) = JSONValueKind(schema) {
            if !allowed { errors.append("\(path): no value is allowed here") }
            return
        }
        guard let schema = schema as? [String: Any] else { return }  // rejected by `check`
        let kind = JSONValueKind(instance)

        if let reference = schema["$ref"] as? String, let target = Self.resolve(reference, in: root) {
            validate(instance, against: target, at: path, errors: &errors)
        }

        if let type = schema["type"] {
            let names = ((type as? [Any]) ?? [type]).compactMap { $0 as? String }
            if !names.contains(where: { kind.matches(type: $0) }) {
                errors.append("\(path): expected \(names.joined(separator: " or ")), found \(kind.typeName)")
                return  // the remaining keywords would only repeat the mismatch
            }
        }

        if let constant = schema["const"], !JSONValueKind.equal(instance, constant) {
            errors.append("\(path): expected the constant \(Self.describe(constant)), found \(Self.describe(instance))")
        }
        if let values = schema["enum"] as? [Any], !values.contains(where: { JSONValueKind.equal(instance, $0) }) {
            let allowed = values.map(Self.describe).joined(separator: ", ")
            errors.append("\(path): \(Self.describe(instance)) is not one of [\(allowed)]")
        }

        if case let .number(value) = kind {
            if let bound = schema["minimum"], case let .number(minimum) = JSONValueKind(bound), value < minimum {
                errors.append("\(path): \(Self.describe(instance)) is less than the minimum \(Self.describe(minimum))")
            }
            if let bound = schema["maximum"], case let .number(maximum) = JSONValueKind(bound), value > maximum {
                errors.append("\(path): \(Self.describe(instance)) is greater than the maximum \(Self.describe(maximum))")
            }
        }

        if case let .string(text) = kind {
            if let bound = schema["minLength"], case let .number(minLength) = JSONValueKind(bound),
                Double(text.unicodeScalars.count) < minLength
            {
                errors.append("\(path): \(Self.describe(instance)) is shorter than \(Int(minLength)) characters")
            }
            if let source = schema["pattern"] as? String, let regex = patterns[source] {
                let range = NSRange(text.startIndex..., in: text)
                if regex.firstMatch(in: text, range: range) == nil {
                    errors.append("\(path): \(Self.describe(instance)) does not match the pattern \(source)")
                }
            }
        }

        if case let .object(members) = kind {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in (schema["required"] as? [String] ?? []) where members[name] == nil {
                errors.append("\(path): missing required property \"\(name)\"")
            }
            for name in members.keys.sorted() {
                let here = path + "/" + Self.escape(name)
                if let propertySchema = properties[name] {
                    validate(members[name]!, against: propertySchema, at: here, errors: &errors)
                } else if let additional = schema["additionalProperties"] {
                    if case .boolean(false) = JSONValueKind(additional) {
                        errors.append("\(here): property \"\(name)\" is not allowed")
                    } else {
                        validate(members[name]!, against: additional, at: here, errors: &errors)
                    }
                }
            }
        }

        if case let .array(elements) = kind, let itemSchema = schema["items"] {
            for (index, element) in elements.enumerated() {
                validate(element, against: itemSchema, at: path + "/\(index)", errors: &errors)
            }
        }

        if let branches = schema["anyOf"] as? [Any] {
            let results = branches.map { branchErrors(instance, $0, at: path) }
            if !results.contains(where: \.isEmpty) {
                errors.append("\(path): matches none of the anyOf schemas (\(Self.summarize(results)))")
            }
        }
        if let branches = schema["oneOf"] as? [Any] {
            let results = branches.map { branchErrors(instance, $0, at: path) }
            let matching = results.indices.filter { results[$0].isEmpty }
            if matching.isEmpty {
                errors.append("\(path): matches none of the oneOf schemas (\(Self.summarize(results)))")
            } else if matching.count > 1 {
                let which = matching.map(String.init).joined(separator: ", ")
                errors.append("\(path): matches \(matching.count) of the oneOf schemas (\(which)); exactly one must match")
            }
        }
    }

    private func branchErrors(_ instance: Any, _ branch: Any, at path: String) -> [String] {
        var errors: [String] = []
        validate(instance, against: branch, at: path, errors: &errors)
        return errors
    }

    private static func summarize(_ results: [[String]]) -> String {
        results.enumerated().map { "[\($0.offset)] " + $0.element.joined(separator: "; ") }.joined(separator: " | ")
    }

    static func describe(_ value: Any) -> String {
        switch JSONValueKind(value) {
        case .null: return "null"
        case let .boolean(flag): return flag ? "true" : "false"
        case let .number(number):
            if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
            return String(number)
        case let .string(text): return "\"\(text)\""
        case .array: return "an array"
        case .object: return "an object"
        case .unknown: return "a \(type(of: value)) value"
        }
    }
}

/// The JSON type of a value produced by `JSONSerialization` (or of an equivalent native value).
///
/// On Linux, as on Darwin, `JSONSerialization` returns booleans as `NSNumber`s of a private
/// boolean subclass, and `NSNumber(value: 1) is Bool` is true through bridging, so `is Bool`
/// cannot tell them apart. The class of the number object can: it is the class of
/// `NSNumber(value: true)` exactly for booleans.
enum JSONValueKind {
    case null
    case boolean(Bool)
    case number(Double)
    case string(String)
    case array([Any])
    case object([String: Any])
    case unknown

    private static let booleanClass = ObjectIdentifier(type(of: NSNumber(value: true)))

    init(_ value: Any) {
        switch value {
        case is NSNull:
            self = .null
        case let flag as Bool where type(of: value) == Bool.self:
            self = .boolean(flag)
        case let number as Int where type(of: value) == Int.self:
            self = .number(Double(number))
        case let number as Double where type(of: value) == Double.self:
            self = .number(number)
        case let text as String:
            self = .string(text)
        case let number as NSNumber:
            if ObjectIdentifier(type(of: number)) == Self.booleanClass {
                self = .boolean(number.boolValue)
            } else {
                self = .number(number.doubleValue)
            }
        case let elements as [Any]:
            self = .array(elements)
        case let members as [String: Any]:
            self = .object(members)
        default:
            if let optional = value as? OptionalProtocol, optional.isNone {
                self = .null
            } else {
                self = .unknown
            }
        }
    }

    var isNumber: Bool {
        if case .number = self { return true }
        return false
    }

    /// The JSON Schema type name; integral numbers are reported as `integer`.
    var typeName: String {
        switch self {
        case .null: "null"
        case .boolean: "boolean"
        case let .number(value): value.rounded() == value && value.isFinite ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        case .unknown: "unknown"
        }
    }

    /// Whether the value is of a JSON Schema type: `integer` is a number with no fractional
    /// part (so `1.0` is an integer, as the specification says), `number` is any number, and
    /// a boolean is neither.
    func matches(type name: String) -> Bool {
        switch (self, name) {
        case (.null, "null"), (.boolean, "boolean"), (.string, "string"), (.array, "array"), (.object, "object"):
            true
        case (.number, "number"):
            true
        case let (.number(value), "integer"):
            value.isFinite && value.rounded() == value
        default:
            false
        }
    }

    /// JSON equality: numbers by value (`1 == 1.0`), booleans never equal to numbers,
    /// arrays element by element, objects key by key.
    static func equal(_ lhs: Any, _ rhs: Any) -> Bool {
        switch (JSONValueKind(lhs), JSONValueKind(rhs)) {
        case (.null, .null): true
        case let (.boolean(a), .boolean(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case let (.object(a), .object(b)):
            a.count == b.count && a.allSatisfy { key, value in b[key].map { equal(value, $0) } ?? false }
        default: false
        }
    }
}

/// Lets `JSONValueKind` read a native `nil` (an `Optional.none` boxed in `Any`) as JSON null.
private protocol OptionalProtocol {
    var isNone: Bool { get }
}

extension Optional: OptionalProtocol {
    fileprivate var isNone: Bool { self == nil }
}
