import Foundation
import PhaseModel
import Yams

/// Reads `phasecert.yml` into a `Configuration`.
///
/// The file is composed into a Yams node tree rather than decoded with `Codable`, because the
/// node tree keeps each key's line: every error names the file, the 1-based line and the dotted
/// key path (`quality.weights.tests`), and says what was found and what was expected. Keys left
/// out keep their defaults, so an empty file (or one holding only comments) gives `Configuration()`.
///
/// A section written with no value (`quality:` followed only by comments) reads as empty, and a
/// list written with no value reads as an empty list: commenting out every line under a key
/// should not turn into a type error.
public enum ConfigurationLoader {
    /// Locales reports can be written in; `locales` accepts only these.
    public static let supportedLocales = ["en", "ru"]

    /// Reads configuration text.
    ///
    /// - Parameters:
    ///   - yaml: the content of `phasecert.yml`.
    ///   - file: the repository-relative path named in error messages.
    /// - Throws: `ConfigurationError` (exit code 2) for malformed YAML, unknown keys, wrong types
    ///   and values out of range.
    public static func load(yaml: String, file: String) throws -> Configuration {
        // A byte-order mark is legal in YAML but would shift the first line's columns, which the
        // duplicate-key locator relies on.
        let text = yaml.hasPrefix("\u{FEFF}") ? String(yaml.unicodeScalars.dropFirst()) : yaml
        guard let root = try parse(text, file: file), !isNull(root) else {
            return Configuration()
        }
        return try ConfigurationReader(file: file).configuration(from: root)
    }

    /// Reads a configuration file.
    ///
    /// - Parameters:
    ///   - path: where to read the file from.
    ///   - displayPath: the repository-relative path named in error messages.
    /// - Throws: `ConfigurationError` with exit code 3 when the file is missing, unreadable, binary
    ///   or not UTF-8; with exit code 2 for the problems `load(yaml:file:)` reports.
    public static func load(fileAt path: String, displayPath: String) throws -> Configuration {
        let text = try readText(at: path, displayPath: displayPath)
        return try load(yaml: text, file: displayPath)
    }

    // MARK: - Reading the file

    static func readText(at path: String, displayPath: String) throws -> String {
        func unreadable(_ message: String, line: Int? = nil) -> ConfigurationError {
            ConfigurationError(kind: .unreadable, file: displayPath, line: line, message: message)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw unreadable("cannot read the configuration file: no such file")
        }
        if isDirectory.boolValue {
            throw unreadable("cannot read the configuration file: it is a directory")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw unreadable("cannot read the configuration file: \(readFailureReason(error))")
        }
        let bytes = [UInt8](data)
        // Editors on Windows may save UTF-16; saying so is more useful than "binary".
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw unreadable("the configuration file is UTF-16 text; save it as UTF-8")
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw unreadable(
                "the configuration file is binary, not YAML text (it holds a NUL byte)",
                line: lineNumber(ofByteOffset: nul, in: bytes))
        }
        if let bad = firstInvalidUTF8Offset(in: bytes) {
            throw unreadable(
                "the configuration file is not UTF-8 text",
                line: lineNumber(ofByteOffset: bad, in: bytes))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func readFailureReason(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileReadNoPermission: return "permission denied"
            case .fileReadNoSuchFile: return "no such file"
            default: break
            }
        }
        return "the file system refused to read it"
    }

    private static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                offset += scalar.count
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }

    private static func lineNumber(ofByteOffset offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes.prefix(offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    // MARK: - Parsing YAML

    private static func parse(_ yaml: String, file: String) throws -> Node? {
        do {
            // The encoding is explicit: Yams' default consults an environment variable and then
            // prints to standard output, which must stay clean for `--json`.
            return try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            throw translate(error, yaml: yaml, file: file)
        } catch {
            throw ConfigurationError(file: file, line: nil, message: "not valid YAML: \(error)")
        }
    }

    /// The resolved tag (`!!int`, `!!null`, …); Yams keeps `Tag.name` internal but exposes its raw value.
    static func tagName(of node: Node) -> Tag.Name {
        Tag.Name(rawValue: node.tag.rawValue)
    }

    static func isNull(_ node: Node) -> Bool {
        if case .scalar = node { return tagName(of: node) == .null }
        return false
    }

    private static func translate(_ error: YamlError, yaml: String, file: String) -> ConfigurationError {
        func invalid(_ line: Int?, _ message: String) -> ConfigurationError {
            ConfigurationError(file: file, line: line, message: message)
        }
        func explain(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> String {
            guard let context, !context.text.isEmpty else { return "not valid YAML: \(problem)" }
            let place = context.mark.line == mark.line ? "" : " that starts on line \(context.mark.line)"
            return "not valid YAML: \(problem) (\(context.text)\(place))"
        }
        switch error {
        case let .scanner(context, problem, mark, _):
            var message = explain(problem, context, mark)
            // libyaml's wording for a tab in indentation does not mention tabs.
            if let index = TextPosition.index(in: yaml, line: mark.line, column: mark.column),
                yaml.unicodeScalars[index] == "\t"
            {
                message += "; indent with spaces, not tabs"
            }
            return invalid(mark.line, message)
        case let .parser(context, problem, mark, _):
            return invalid(mark.line, explain(problem, context, mark))
        case let .composer(context, problem, mark, _):
            if context?.text == "expected a single document in the stream" {
                return invalid(mark.line, "only one YAML document is allowed, and a second one starts on this line")
            }
            return invalid(mark.line, explain(problem, context, mark))
        case let .reader(problem, offset, _, _):
            return invalid(offset.map { lineNumber(ofCharacterOffset: $0, in: yaml) }, "not valid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return DuplicateKeyLocator.error(
                key: duplicates.first ?? "?", firstMark: context.mark, yaml: yaml, file: file)
        default:
            return invalid(nil, "not valid YAML: \(error)")
        }
    }

    /// Yams gives reader errors as an offset in `Character`s, where CR LF is a single one.
    private static func lineNumber(ofCharacterOffset offset: Int, in text: String) -> Int {
        1 + text.prefix(max(0, offset)).reduce(0) { count, character in
            let isBreak = character == "\r\n" || character.unicodeScalars.first.map(LineBreaks.isBreak) == true
            return count + (isBreak ? 1 : 0)
        }
    }
}

// MARK: - Keys

/// The keys `phasecert.yml` accepts at each level; the reader's `switch` statements handle exactly
/// these, and the loader tests check both directions.
enum ConfigurationKeys {
    static let top = ["tasks", "evidence", "reports", "quality", "grades", "gate", "claims", "rules", "git", "locales"]
    static let tasks = [
        "root", "masterList", "layout", "idPrefix", "idWidth", "allowedSuffixes", "requiredDocuments", "checklist",
    ]
    static let evidence = ["include", "exclude", "runHelm"]
    static let reports = ["folder", "claimGlobs"]
    static let quality = ["weights", "coverageTarget", "cap"]
    static let weights = ["checklist", "tests", "coverage", "documents", "helm"]
    static let gate = ["maxCritical", "maxMajor", "minCompletion", "minQuality", "minTestPassRate", "minCoverage", "failOnUnreadEvidence"]
    static let claims = ["locTolerance", "percentTolerance", "countTolerance", "dateToleranceDays", "durationTolerance"]
    static let rules = FindingRule.catalog.map(\.id)
    static let git = ["cache"]

    /// Every mapping key path, for suggesting `tasks.idWidth` when `idWidth` is written at the top.
    static let allPaths: [String] = {
        let sections: [(String, [String])] = [
            ("tasks", tasks), ("evidence", evidence), ("reports", reports), ("quality", quality),
            ("quality.weights", weights), ("gate", gate), ("claims", claims), ("git", git),
        ]
        return top + sections.flatMap { section, keys in keys.map { "\(section).\($0)" } }
    }()
}

// MARK: - Reading the node tree

/// One `key: value` pair of a mapping, with what error messages need.
private struct Field {
    let name: String
    let path: String
    let line: Int?
    let value: Node
}

/// Walks the composed node tree into a `Configuration`, validating as it goes.
///
/// Fields are visited in document order so that, of several mistakes, the first one in the file is
/// the one reported.
private struct ConfigurationReader {
    let file: String

    func configuration(from root: Node) throws -> Configuration {
        var config = Configuration()
        var minQualityLine: Int?
        for field in try fields(of: root, path: "", line: root.mark?.line, keys: ConfigurationKeys.top) {
            switch field.name {
            case "tasks": config.tasks = try tasks(field)
            case "evidence": config.evidence = try evidence(field)
            case "reports": config.reports = try reports(field)
            case "quality": config.quality = try quality(field)
            case "grades": config.grades = try grades(field)
            case "gate": (config.gate, minQualityLine) = try gate(field)
            case "claims": config.claims = try claims(field)
            case "rules": config.rules = try rules(field)
            case "git": config.git = try git(field)
            case "locales": config.locales = try locales(field)
            default: throw unknownKey(field, expected: ConfigurationKeys.top)
            }
        }
        // Checked after the whole file is read because `quality` may come after `gate`.
        if let minQuality = config.gate.minQuality, minQuality > config.quality.cap {
            throw error(
                line: minQualityLine, path: "gate.minQuality",
                "gate.minQuality: \(format(minQuality)) can never be reached: quality.cap is \(format(config.quality.cap))")
        }
        return config
    }

    // MARK: Sections

    private func tasks(_ section: Field) throws -> Configuration.Tasks {
        var tasks = Configuration.Tasks()
        for field in try fields(of: section, keys: ConfigurationKeys.tasks) {
            switch field.name {
            case "root": tasks.root = try string(field)
            case "masterList": tasks.masterList = try optional(field) { try string($0) }
            case "layout":
                let name = try string(field)
                guard Configuration.Tasks.layoutNames.contains(name) else {
                    throw self.error(
                        line: field.line, path: field.path,
                        "\(field.path): unknown layout '\(quote(name))'; expected one of \(Configuration.Tasks.layoutNames.joined(separator: ", "))")
                }
                tasks.layout = name
            case "idPrefix":
                let pattern = try string(field)
                do {
                    _ = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
                } catch {
                    throw self.error(
                        line: field.line, path: field.path,
                        "\(field.path): '\(quote(pattern))' is not a valid regular expression")
                }
                tasks.idPrefix = pattern
            case "idWidth": tasks.idWidth = try integer(field, in: 1...9)
            case "allowedSuffixes": tasks.allowedSuffixes = try strings(field).map(\.value)
            case "requiredDocuments": tasks.requiredDocuments = try strings(field).map(\.value)
            case "checklist": tasks.checklist = try string(field)
            default: throw unknownKey(field, expected: ConfigurationKeys.tasks)
            }
        }
        return tasks
    }

    private func evidence(_ section: Field) throws -> Configuration.Evidence {
        var evidence = Configuration.Evidence()
        for field in try fields(of: section, keys: ConfigurationKeys.evidence) {
            switch field.name {
            case "include": evidence.include = try strings(field).map(\.value)
            case "exclude": evidence.exclude = try strings(field).map(\.value)
            case "runHelm": evidence.runHelm = try boolean(field)
            default: throw unknownKey(field, expected: ConfigurationKeys.evidence)
            }
        }
        return evidence
    }

    private func reports(_ section: Field) throws -> Configuration.Reports {
        var reports = Configuration.Reports()
        for field in try fields(of: section, keys: ConfigurationKeys.reports) {
            switch field.name {
            case "folder": reports.folder = try string(field)
            case "claimGlobs": reports.claimGlobs = try strings(field).map(\.value)
            default: throw unknownKey(field, expected: ConfigurationKeys.reports)
            }
        }
        return reports
    }

    private func quality(_ section: Field) throws -> Configuration.Quality {
        var quality = Configuration.Quality()
        for field in try fields(of: section, keys: ConfigurationKeys.quality) {
            switch field.name {
            case "weights": quality.weights = try weights(field)
            case "coverageTarget": quality.coverageTarget = try number(field, .positivePercentage)
            case "cap": quality.cap = try number(field, .atLeastOne)
            default: throw unknownKey(field, expected: ConfigurationKeys.quality)
            }
        }
        return quality
    }

    private func weights(_ section: Field) throws -> Configuration.Quality.Weights {
        var weights = Configuration.Quality.Weights()
        for field in try fields(of: section, keys: ConfigurationKeys.weights) {
            switch field.name {
            case "checklist": weights.checklist = try number(field, .nonNegative)
            case "tests": weights.tests = try number(field, .nonNegative)
            case "coverage": weights.coverage = try number(field, .nonNegative)
            case "documents": weights.documents = try number(field, .nonNegative)
            case "helm": weights.helm = try number(field, .nonNegative)
            default: throw unknownKey(field, expected: ConfigurationKeys.weights)
            }
        }
        // All-zero weights would make every quality 0/0.
        let all = [weights.checklist, weights.tests, weights.coverage, weights.documents, weights.helm]
        if all.allSatisfy({ $0 == 0 }) {
            throw error(
                line: section.line, path: section.path,
                "\(section.path): at least one weight must be above 0")
        }
        return weights
    }

    private func grades(_ field: Field) throws -> [Configuration.GradeStep] {
        let shape = "a list of '- GRADE: MINIMUM' entries, best grade first"
        let items: [Node]
        switch field.value {
        case .sequence(let sequence): items = Array(sequence)
        case _ where isNull(field.value): items = []
        default: throw typeMismatch(field, expected: shape)
        }
        guard !items.isEmpty else {
            throw error(line: field.line, path: field.path, "\(field.path): expected at least one grade, as \(shape)")
        }
        var steps: [Configuration.GradeStep] = []
        var lines: [String: Int] = [:]
        for item in items {
            let itemLine = item.mark?.line ?? field.line
            guard case .mapping(let mapping) = item, mapping.count == 1, let (key, value) = mapping.first else {
                throw error(
                    line: itemLine, path: field.path,
                    "\(field.path): expected each entry to be one 'GRADE: MINIMUM' pair such as '- A+: 97', found \(describe(item))")
            }
            let name = key.scalar.map { $0.string.trimmingCharacters(in: .whitespaces) } ?? ""
            guard !name.isEmpty, !isNull(key) else {
                throw error(line: itemLine, path: field.path, "\(field.path): a grade name must not be empty")
            }
            let gradeField = Field(name: name, path: "\(field.path).\(name)", line: itemLine, value: value)
            let minimum = try number(gradeField, .nonNegative)
            if let earlier = lines[name] {
                throw error(
                    line: itemLine, path: gradeField.path,
                    "\(field.path): grade '\(quote(name))' is listed twice (also on line \(earlier))")
            }
            if let better = steps.last, minimum >= better.minimum {
                throw error(
                    line: itemLine, path: gradeField.path,
                    "\(gradeField.path): minimums must go down from the best grade to the worst, but '\(quote(name))' needs \(format(minimum)) and '\(quote(better.grade))' above it needs \(format(better.minimum))")
            }
            lines[name] = itemLine ?? 0
            steps.append(.init(grade: name, minimum: minimum))
        }
        return steps
    }

    private func gate(_ section: Field) throws -> (Configuration.Gate, minQualityLine: Int?) {
        var gate = Configuration.Gate()
        var minQualityLine: Int?
        for field in try fields(of: section, keys: ConfigurationKeys.gate) {
            // `null` (or an empty value) switches a condition off, so every gate key is optional.
            switch field.name {
            case "maxCritical": gate.maxCritical = try optional(field) { try integer($0, atLeast: 0) }
            case "maxMajor": gate.maxMajor = try optional(field) { try integer($0, atLeast: 0) }
            case "minCompletion": gate.minCompletion = try optional(field) { try number($0, .percentage) }
            case "minQuality":
                gate.minQuality = try optional(field) { try number($0, .nonNegative) }
                minQualityLine = field.line
            case "minTestPassRate": gate.minTestPassRate = try optional(field) { try number($0, .percentage) }
            case "minCoverage": gate.minCoverage = try optional(field) { try number($0, .percentage) }
            case "failOnUnreadEvidence": gate.failOnUnreadEvidence = try boolean(field)
            default: throw unknownKey(field, expected: ConfigurationKeys.gate)
            }
        }
        return (gate, minQualityLine)
    }

    private func claims(_ section: Field) throws -> Configuration.Claims {
        var claims = Configuration.Claims()
        for field in try fields(of: section, keys: ConfigurationKeys.claims) {
            switch field.name {
            case "locTolerance": claims.locTolerance = try number(field, .nonNegative)
            case "percentTolerance": claims.percentTolerance = try number(field, .nonNegative)
            case "countTolerance": claims.countTolerance = try number(field, .nonNegative)
            case "dateToleranceDays": claims.dateToleranceDays = try number(field, .nonNegative)
            case "durationTolerance": claims.durationTolerance = try number(field, .nonNegative)
            default: throw unknownKey(field, expected: ConfigurationKeys.claims)
            }
        }
        return claims
    }

    /// `rule.id: critical|major|minor|info|off` pairs; ids must be in the catalog.
    private func rules(_ section: Field) throws -> [String: Severity?] {
        var rules: [String: Severity?] = [:]
        let shape = "one of critical, major, minor, info, off"
        for field in try fields(of: section, keys: ConfigurationKeys.rules) {
            guard ConfigurationKeys.rules.contains(field.name) else { throw unknownKey(field, expected: ConfigurationKeys.rules) }
            guard case .scalar(let scalar) = field.value, !isNull(field.value) else {
                throw typeMismatch(field, expected: shape)
            }
            let word = scalar.string.trimmingCharacters(in: .whitespaces).lowercased()
            // YAML reads a bare `off` as the boolean false.
            if word == "off" || word == "false" {
                rules[field.name] = .some(nil)
            } else if let severity = Severity(rawValue: word) {
                rules[field.name] = .some(severity)
            } else {
                throw typeMismatch(field, expected: shape)
            }
        }
        return rules
    }

    private func git(_ section: Field) throws -> Configuration.Git {
        var git = Configuration.Git()
        for field in try fields(of: section, keys: ConfigurationKeys.git) {
            switch field.name {
            case "cache": git.cache = try string(field)
            default: throw unknownKey(field, expected: ConfigurationKeys.git)
            }
        }
        return git
    }

    private func locales(_ field: Field) throws -> [String] {
        let supported = ConfigurationLoader.supportedLocales
        var locales: [String] = []
        var lines: [String: Int] = [:]
        for (locale, line) in try strings(field) {
            guard supported.contains(locale) else {
                throw error(
                    line: line, path: field.path,
                    "\(field.path): unsupported locale '\(quote(locale))'; expected one of: \(supported.joined(separator: ", "))")
            }
            if let earlier = lines[locale] {
                throw error(
                    line: line, path: field.path,
                    "\(field.path): locale '\(locale)' is listed twice (also on line \(earlier))")
            }
            lines[locale] = line ?? 0
            locales.append(locale)
        }
        guard !locales.isEmpty else {
            throw error(
                line: field.line, path: field.path,
                "\(field.path): expected at least one locale, from: \(supported.joined(separator: ", "))")
        }
        return locales
    }

    // MARK: Mappings

    private func fields(of section: Field, keys: [String]) throws -> [Field] {
        try fields(of: section.value, path: section.path, line: section.line, keys: keys)
    }

    /// The pairs of a mapping, in document order; a null section counts as empty.
    private func fields(of node: Node, path: String, line: Int?, keys: [String]) throws -> [Field] {
        if isNull(node) { return [] }
        guard case .mapping(let mapping) = node else {
            let what = path.isEmpty ? "the top level" : path
            let shape = "a mapping with the keys \(keys.joined(separator: ", "))"
            throw error(
                line: path.isEmpty ? node.mark?.line : line, path: path,
                "\(what): expected \(shape), found \(describe(node))")
        }
        var result: [Field] = []
        var seen: [String: Int] = [:]
        for (key, value) in mapping {
            let keyLine = key.mark?.line
            guard case .scalar(let scalar) = key else {
                throw error(
                    line: keyLine, path: path,
                    "\(path.isEmpty ? "the top level" : path): expected a plain key such as '\(keys.first ?? "")', found \(describe(key)) as a key")
            }
            let name = scalar.string
            let fieldPath = path.isEmpty ? name : "\(path).\(name)"
            // Yams rejects keys equal in text and type; `1` and `"1"` differ in type, so look again.
            if let earlier = seen[name] {
                throw error(
                    line: keyLine, path: fieldPath,
                    "duplicate key '\(quote(fieldPath))' (first set on line \(earlier))")
            }
            seen[name] = keyLine ?? 0
            result.append(Field(name: name, path: fieldPath, line: keyLine, value: value))
        }
        return result
    }

    private func unknownKey(_ field: Field, expected keys: [String]) -> ConfigurationError {
        var message = "unknown key '\(quote(field.path))'; expected one of: \(keys.joined(separator: ", "))"
        if let suggestion = KeySuggestion.suggest(for: field.name, among: keys) {
            message += " (did you mean '\(suggestion)'?)"
        } else if let elsewhere = KeySuggestion.suggestPath(for: field.name, among: ConfigurationKeys.allPaths) {
            message += " (did you mean '\(elsewhere)'?)"
        }
        return error(line: field.line, path: field.path, message)
    }

    // MARK: Scalars

    private func isNull(_ node: Node) -> Bool { ConfigurationLoader.isNull(node) }
    private func tagName(of node: Node) -> Tag.Name { ConfigurationLoader.tagName(of: node) }

    /// `nil` for `null`, `~` or an empty value; otherwise whatever `read` makes of the field.
    private func optional<T>(_ field: Field, _ read: (Field) throws -> T) throws -> T? {
        isNull(field.value) ? nil : try read(field)
    }

    /// A non-empty string; any scalar but null counts, so `locales: [no]` or a folder named `2024`
    /// do not trip over YAML's implicit booleans and numbers.
    private func string(_ field: Field) throws -> String {
        guard case .scalar(let scalar) = field.value, !isNull(field.value) else {
            throw typeMismatch(field, expected: "a non-empty string")
        }
        guard !scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw typeMismatch(field, expected: "a non-empty string")
        }
        return scalar.string
    }

    /// A list of non-empty strings with the line of each; a key with no value is an empty list.
    private func strings(_ field: Field) throws -> [(value: String, line: Int?)] {
        if isNull(field.value) { return [] }
        guard case .sequence(let sequence) = field.value else {
            throw typeMismatch(field, expected: "a list of strings")
        }
        return try sequence.map { item in
            let line = item.mark?.line ?? field.line
            guard case .scalar(let scalar) = item, !isNull(item),
                !scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else {
                throw error(
                    line: line, path: field.path,
                    "\(field.path): expected a list of non-empty strings, found \(describe(item)) in it")
            }
            return (scalar.string, line)
        }
    }

    private func boolean(_ field: Field) throws -> Bool {
        guard tagName(of: field.value) == .bool, let value = field.value.bool else {
            throw typeMismatch(field, expected: "true or false")
        }
        return value
    }

    private func integer(_ field: Field, in range: ClosedRange<Int>) throws -> Int {
        let shape = "a whole number from \(range.lowerBound) to \(range.upperBound)"
        let value = try wholeNumber(field, shape: shape)
        guard range.contains(value) else { throw outOfRange(field, expected: shape) }
        return value
    }

    private func integer(_ field: Field, atLeast minimum: Int) throws -> Int {
        let shape = "a whole number of at least \(minimum)"
        let value = try wholeNumber(field, shape: shape)
        guard value >= minimum else { throw outOfRange(field, expected: shape) }
        return value
    }

    private func wholeNumber(_ field: Field, shape: String) throws -> Int {
        guard tagName(of: field.value) == .int, let value = field.value.int else {
            throw typeMismatch(field, expected: shape)
        }
        return value
    }

    /// Where a number must lie; percentages are 0...100, other quantities only have a floor.
    enum NumberRule {
        case nonNegative, percentage, positivePercentage, atLeastOne

        var shape: String {
            switch self {
            case .nonNegative: "a number of at least 0"
            case .percentage: "a percentage from 0 to 100"
            case .positivePercentage: "a percentage above 0 and at most 100"
            case .atLeastOne: "a number of at least 1"
            }
        }

        func allows(_ value: Double) -> Bool {
            switch self {
            case .nonNegative: value >= 0
            case .percentage: (0...100).contains(value)
            case .positivePercentage: value > 0 && value <= 100
            case .atLeastOne: value >= 1
            }
        }

        var isPercentage: Bool { self == .percentage || self == .positivePercentage }
    }

    private func number(_ field: Field, _ rule: NumberRule) throws -> Double {
        guard let value = finiteNumber(field.value) else {
            var error = typeMismatch(field, expected: rule.shape)
            if rule.isPercentage, let text = field.value.scalar?.string, text.hasSuffix("%"),
                Double(text.dropLast().trimmingCharacters(in: .whitespaces)) != nil
            {
                error.message += " (write the number without '%')"
            }
            throw error
        }
        guard rule.allows(value) else { throw outOfRange(field, expected: rule.shape) }
        return value
    }

    private func finiteNumber(_ node: Node) -> Double? {
        guard case .scalar(let scalar) = node else { return nil }
        let value: Double?
        switch tagName(of: node) {
        case .int: value = node.int.map(Double.init)
        case .float: value = node.float
        // YAML 1.1 wants a dot in floats (`1.0e3`); accept what Swift reads as a number when unquoted.
        case .str where scalar.style == .plain: value = Double(scalar.string)
        default: value = nil
        }
        guard let value, value.isFinite else { return nil }
        return value
    }

    // MARK: Errors

    private func typeMismatch(_ field: Field, expected shape: String) -> ConfigurationError {
        error(line: field.line, path: field.path, "\(field.path): expected \(shape), found \(describe(field.value))")
    }

    private func outOfRange(_ field: Field, expected shape: String) -> ConfigurationError {
        let found = field.value.scalar.map { quote($0.string) } ?? describe(field.value)
        return error(line: field.line, path: field.path, "\(field.path): expected \(shape), found \(found)")
    }

    private func error(line: Int?, path: String, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: line, keyPath: path.isEmpty ? nil : path, message: message)
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if isNull(node) {
                return scalar.string.isEmpty && scalar.style == .plain ? "nothing" : "null"
            }
            return "'\(quote(scalar.string))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// Keeps messages on one line and short, whatever the file holds.
    private func quote(_ text: String) -> String {
        var flat = text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\t", with: "\\t")
        if flat.count > 60 { flat = String(flat.prefix(57)) + "…" }
        return flat
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

// MARK: - Suggestions

/// "Did you mean" for unknown keys: a close spelling at the same level, or the same key at another.
enum KeySuggestion {
    static func suggest(for key: String, among candidates: [String]) -> String? {
        let wanted = normalize(key)
        let best = candidates.map { ($0, distance(wanted, normalize($0))) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(1, min(3, wanted.count / 3)) else { return nil }
        return best.0
    }

    /// A key written at the wrong level, such as `idWidth` at the top instead of under `tasks`.
    static func suggestPath(for key: String, among paths: [String]) -> String? {
        let wanted = normalize(key)
        return paths.first { path in
            path.contains(".") && normalize(String(path.split(separator: ".").last ?? "")) == wanted
        }
    }

    /// Case, `_` and `-` differences are the usual slips (`id_width`, `IdWidth`).
    private static func normalize(_ key: String) -> [Character] {
        Array(key.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    /// Optimal string alignment distance, so a swapped pair (`weigths`) costs 1.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, table[i - 2][j - 2] + 1)
                }
                table[i][j] = best
            }
        }
        return table[a.count][b.count]
    }
}

// MARK: - Line breaks

/// libyaml counts these as line breaks (with CR LF as one), so line numbers computed here agree
/// with the marks Yams reports.
enum LineBreaks {
    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }
}

enum TextPosition {
    /// The position of a libyaml mark (1-based line, column in Unicode scalars).
    static func index(in text: String, line: Int, column: Int) -> String.UnicodeScalarView.Index? {
        var currentLine = 1
        var currentColumn = 1
        var previousWasCR = false
        let scalars = text.unicodeScalars
        var position = scalars.startIndex
        while position < scalars.endIndex {
            if currentLine == line && currentColumn == column { return position }
            let scalar = scalars[position]
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
            } else if LineBreaks.isBreak(scalar) {
                currentLine += 1
                currentColumn = 1
                previousWasCR = scalar == "\r"
            } else {
                currentColumn += 1
                previousWasCR = false
            }
            if currentLine > line { return nil }
            position = scalars.index(after: position)
        }
        return nil
    }
}

// MARK: - Duplicate keys

/// Finds both lines of a duplicated key.
///
/// Yams reports a duplicate with the mark of one first occurrence only. To find the second one,
/// that occurrence is renamed in a copy of the text (a private-use marker is inserted at its mark)
/// and the copy is composed again, which keeps every node's line; this repeats until the copy has
/// no duplicates left. The renamed key's siblings then include the other occurrence. Of several
/// duplicates, the one whose second occurrence comes first in the file is reported. Any surprise
/// falls back to naming the one line Yams gave.
enum DuplicateKeyLocator {
    private static let open: Unicode.Scalar = "\u{E000}"
    private static let close: Unicode.Scalar = "\u{E001}"

    static func error(key: String, firstMark: Mark, yaml: String, file: String) -> ConfigurationError {
        let fallback = ConfigurationError(
            file: file, line: firstMark.line, keyPath: key, message: "duplicate key '\(key)'")
        guard let root = recompose(yaml, firstMark: firstMark) else { return fallback }
        var found: [Found] = []
        collect(root, path: "", into: &found)
        guard let first = found.min(by: { $0.secondLine < $1.secondLine }) else { return fallback }
        return ConfigurationError(
            file: file, line: first.secondLine, keyPath: first.path,
            message: "duplicate key '\(first.path)' (first set on line \(first.firstLine))")
    }

    /// Renames reported first occurrences until the copy composes.
    private static func recompose(_ yaml: String, firstMark: Mark) -> Node? {
        var text = yaml
        var mark = firstMark
        for attempt in 0..<64 {
            guard var index = TextPosition.index(in: text, line: mark.line, column: mark.column) else { return nil }
            // Inside the quotes, so the marker joins the key rather than turning it into a plain scalar.
            if text.unicodeScalars[index] == "\"" || text.unicodeScalars[index] == "'" {
                index = text.unicodeScalars.index(after: index)
            }
            text.unicodeScalars.insert(contentsOf: "\(open)\(attempt)\(close)".unicodeScalars, at: index)
            do {
                return try Yams.compose(yaml: text, .default, .default, .utf8)
            } catch YamlError.duplicatedKeysInMapping(_, let context) {
                mark = context.mark
            } catch {
                return nil
            }
        }
        return nil
    }

    private struct Found {
        let path: String
        let firstLine: Int
        let secondLine: Int
    }

    /// Every group of sibling keys that became distinct only through markers.
    private static func collect(_ node: Node, path: String, into found: inout [Found]) {
        func join(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }
        switch node {
        case .mapping(let mapping):
            let keys = mapping.keys.compactMap(\.scalar)
            var groups: [String: [Node.Scalar]] = [:]
            var order: [String] = []
            for key in keys {
                let name = strip(key.string)
                if groups[name] == nil { order.append(name) }
                groups[name, default: []].append(key)
            }
            for name in order {
                // A marker in the group means Yams saw these as one key; `1` and `"1"` without
                // markers differ in type and are the reader's business.
                guard let group = groups[name], group.count >= 2, group.contains(where: { $0.string != name }),
                    let firstLine = group[0].mark?.line, let secondLine = group[1].mark?.line
                else { continue }
                found.append(Found(path: join(name), firstLine: firstLine, secondLine: secondLine))
            }
            for (key, value) in mapping {
                collect(value, path: join(strip(key.scalar?.string ?? "?")), into: &found)
            }
        case .sequence(let sequence):
            for (offset, item) in sequence.enumerated() {
                collect(item, path: "\(path)[\(offset)]", into: &found)
            }
        case .scalar, .alias:
            return
        }
    }

    /// Removes the markers inserted by `recompose`.
    private static func strip(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while scalars.first == open, let end = scalars.firstIndex(of: close) {
            scalars = scalars[scalars.index(after: end)...]
        }
        return String(scalars)
    }
}
