import Foundation
import PhaseModel
import Yams

/// Reads `phasecert.yml` into a `Configuration`: a Yams node tree, which keeps each node's line, read by the
/// settings table in `Configuration+Decoding.swift`. Keys left out keep their defaults.
public enum ConfigurationLoader {
    /// Locales reports can be written in; `locales` accepts only these.
    public static let supportedLocales = ["en", "ru"]

    /// Reads configuration text; `file` is the repository-relative path named in error messages.
    /// - Throws: `ConfigurationError` (exit code 2) for malformed YAML, unknown or duplicate keys, wrong types, values out of range.
    public static func load(yaml: String, file: String) throws -> Configuration {
        // A byte-order mark is legal in YAML; libyaml skips it, so it would shift the first line against its marks.
        let text = yaml.hasPrefix("\u{FEFF}") ? String(yaml.unicodeScalars.dropFirst()) : yaml
        let reader = ConfigurationReader(file: file)
        if let duplicate = DuplicateKeys.first(in: text) {
            let arguments = ["key": reader.quote(duplicate.path), "line": String(duplicate.firstLine)]
            throw reader.error(line: duplicate.line, path: duplicate.path, reader.message("error.config.duplicate-key", arguments))
        }
        guard let root = try compose(text, reader) else { return Configuration() }
        return try reader.configuration(from: root)
    }

    /// Reads the configuration file at `path`, named `displayPath` in error messages.
    /// - Throws: `ConfigurationError`, exit code 3 when the file is missing, unreadable, binary or not UTF-8.
    public static func load(fileAt path: String, displayPath: String) throws -> Configuration {
        try load(yaml: try readText(at: path, displayPath: displayPath), file: displayPath)
    }

    static func readText(at path: String, displayPath: String) throws -> String {
        let reader = ConfigurationReader(file: displayPath)
        func unreadable(_ message: String, atByte offset: Int? = nil, of bytes: [UInt8] = []) -> ConfigurationError {
            let line = offset.map { 1 + bytes.prefix($0).count { $0 == 0x0A } }
            return ConfigurationError(kind: .unreadable, file: displayPath, line: line, message: message)
        }
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isDirectory) else { throw unreadable(reader.message("error.config.missing")) }
        guard !isDirectory.boolValue else { throw unreadable(reader.message("error.config.directory")) }
        guard files.isReadableFile(atPath: path) else { throw unreadable(reader.message("error.config.permission")) }
        guard let data = files.contents(atPath: path) else { throw unreadable(reader.message("error.config.refused")) }
        let bytes = [UInt8](data)
        // Editors on Windows may save UTF-16; saying so is more useful than "binary".
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { throw unreadable(reader.message("error.config.utf16")) }
        if let nul = bytes.firstIndex(of: 0) { throw unreadable(reader.message("error.config.binary"), atByte: nul, of: bytes) }
        var parser = Unicode.UTF8.ForwardParser(), iterator = bytes.makeIterator(), valid = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { valid += scalar.count }
        guard valid == bytes.count else { throw unreadable(reader.message("error.config.not-utf8"), atByte: valid, of: bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func compose(_ yaml: String, _ reader: ConfigurationReader) throws -> Node? {
        func invalid(_ line: Int?, _ message: String) -> ConfigurationError { ConfigurationError(file: reader.file, line: line, message: message) }
        do {
            // Yams' default encoding consults an environment variable and prints to standard output, kept clean for `--json`.
            return try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let .scanner(context, problem, mark, _) as YamlError, let .parser(context, problem, mark, _) as YamlError,
            let .composer(context, problem, mark, _) as YamlError
        {
            if context?.text == "expected a single document in the stream" { // program text: libyaml's wording, matched
                throw invalid(mark.line, reader.message("error.config.second-document"))
            }
            var message = reader.message("error.config.yaml", ["problem": problem])
            if let context, !context.text.isEmpty {
                let arguments = ["problem": problem, "context": context.text, "line": String(context.mark.line)]
                message = reader.message(context.mark.line == mark.line ? "error.config.yaml.context" : "error.config.yaml.context-line", arguments)
            }
            // libyaml's wording for a tab in indentation does not mention tabs; its lines break as `Character`s do.
            let lines = yaml.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            let tab = lines.indices.contains(mark.line - 1) && lines[mark.line - 1].unicodeScalars.dropFirst(mark.column - 1).first == "\t"
            throw invalid(mark.line, tab ? reader.message("error.config.yaml.tabs", ["message": message]) : message)
        } catch let .reader(problem, offset, _, _) as YamlError {
            // The offset counts `Character`s.
            throw invalid(offset.map { 1 + yaml.prefix(max(0, $0)).count(where: \.isNewline) }, reader.message("error.config.yaml", ["problem": problem]))
        } catch let .duplicatedKeysInMapping(keys, context) as YamlError {
            // Only keys `DuplicateKeys` cannot compare as text, such as an alias of a key, get here.
            let message = reader.message("error.config.duplicate-alias", ["key": keys.first ?? "?"])
            throw ConfigurationError(file: reader.file, line: context.mark.line, keyPath: keys.first, message: message)
        } catch {
            throw invalid(nil, reader.message("error.config.yaml", ["problem": "\(error)"]))
        }
    }
}
