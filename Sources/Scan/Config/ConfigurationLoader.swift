import Foundation
import PhaseModel
import Yams

/// Reads `phasecert.yml` into a `Configuration`.
///
/// The text is composed into a Yams node tree, which keeps each node's line, and read by the key tables
/// of `ConfigurationReader` (`Configuration+Decoding.swift`): every error names the file, the 1-based line and the dotted key path
/// (`quality.weights.tests`), and says what was found and what was expected. Keys left out keep their
/// defaults, so an empty file (or one holding only comments) gives `Configuration()`.
public enum ConfigurationLoader {
    /// Locales reports can be written in; `locales` accepts only these.
    public static let supportedLocales = ["en", "ru"]

    /// Reads configuration text; `file` is the repository-relative path named in error messages.
    ///
    /// - Throws: `ConfigurationError` (exit code 2) for malformed YAML, unknown or duplicate keys, wrong
    ///   types and values out of range.
    public static func load(yaml: String, file: String) throws -> Configuration {
        // A byte-order mark is legal in YAML; libyaml skips it, so it would shift the first line against its marks.
        let text = yaml.hasPrefix("\u{FEFF}") ? String(yaml.unicodeScalars.dropFirst()) : yaml
        let reader = ConfigurationReader(file: file)
        if let duplicate = DuplicateKeys.first(in: text) {
            throw reader.error(
                line: duplicate.line, path: duplicate.path,
                "duplicate key '\(reader.quote(duplicate.path))' (first set on line \(duplicate.firstLine))")
        }
        guard let root = try compose(text, file: file), !reader.isNull(root) else { return Configuration() }
        return try reader.configuration(from: root)
    }

    /// Reads the configuration file at `path`, named `displayPath` in error messages.
    ///
    /// - Throws: `ConfigurationError` with exit code 3 when the file is missing, unreadable, binary or
    ///   not UTF-8; with exit code 2 for the problems `load(yaml:file:)` reports.
    public static func load(fileAt path: String, displayPath: String) throws -> Configuration {
        try load(yaml: try readText(at: path, displayPath: displayPath), file: displayPath)
    }

    static func readText(at path: String, displayPath: String) throws -> String {
        func unreadable(_ message: String, atByte offset: Int? = nil, of bytes: [UInt8] = []) -> ConfigurationError {
            let line = offset.map { 1 + bytes.prefix($0).count { $0 == 0x0A } }
            return ConfigurationError(kind: .unreadable, file: displayPath, line: line, message: message)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw unreadable("cannot read the configuration file: no such file")
        }
        if isDirectory.boolValue { throw unreadable("cannot read the configuration file: it is a directory") }
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch let error as CocoaError where [.fileReadNoPermission, .fileReadNoSuchFile].contains(error.code) {
            let reason = error.code == .fileReadNoPermission ? "permission denied" : "no such file"
            throw unreadable("cannot read the configuration file: \(reason)")
        } catch {
            throw unreadable("cannot read the configuration file: the file system refused to read it")
        }
        // Editors on Windows may save UTF-16; saying so is more useful than "binary".
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw unreadable("the configuration file is UTF-16 text; save it as UTF-8")
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw unreadable("the configuration file is binary, not YAML text (it holds a NUL byte)", atByte: nul, of: bytes)
        }
        var parser = Unicode.UTF8.ForwardParser(), iterator = bytes.makeIterator(), valid = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { valid += scalar.count }
        guard valid == bytes.count else { throw unreadable("the configuration file is not UTF-8 text", atByte: valid, of: bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func compose(_ yaml: String, file: String) throws -> Node? {
        func invalid(_ line: Int?, _ message: String) -> ConfigurationError { ConfigurationError(file: file, line: line, message: message) }
        func explain(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> String {
            guard let context, !context.text.isEmpty else { return "not valid YAML: \(problem)" }
            let place = context.mark.line == mark.line ? "" : " that starts on line \(context.mark.line)"
            return "not valid YAML: \(problem) (\(context.text)\(place))"
        }
        do {
            // The encoding is explicit: Yams' default consults an environment variable and then prints
            // to standard output, which must stay clean for `--json`.
            return try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let .scanner(context, problem, mark, _) as YamlError {
            // libyaml's wording for a tab in indentation does not mention tabs; it breaks lines as
            // `Character` does, with CR LF as one break.
            let lines = yaml.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            let tab = lines.indices.contains(mark.line - 1) && lines[mark.line - 1].unicodeScalars.dropFirst(mark.column - 1).first == "\t"
            throw invalid(mark.line, explain(problem, context, mark) + (tab ? "; indent with spaces, not tabs" : ""))
        } catch let .parser(context, problem, mark, _) as YamlError {
            throw invalid(mark.line, explain(problem, context, mark))
        } catch let .composer(context, problem, mark, _) as YamlError {
            let secondDocument = context?.text == "expected a single document in the stream"
            throw invalid(mark.line, secondDocument ? "only one YAML document is allowed, and a second one starts on this line" : explain(problem, context, mark))
        } catch let .reader(problem, offset, _, _) as YamlError {
            // The offset counts `Character`s.
            throw invalid(offset.map { 1 + yaml.prefix(max(0, $0)).count(where: \.isNewline) }, "not valid YAML: \(problem)")
        } catch let .duplicatedKeysInMapping(keys, context) as YamlError {
            // Only keys `DuplicateKeys` cannot compare as text, such as an alias of a key, get here.
            throw ConfigurationError(file: file, line: context.mark.line, keyPath: keys.first, message: "duplicate key '\(keys.first ?? "?")'")
        } catch {
            throw invalid(nil, "not valid YAML: \(error)")
        }
    }
}
