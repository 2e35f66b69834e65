import Foundation
import PhaseModel
import Yams

/// Reads `phasecert.yml` into a `Configuration`: a Yams node tree, which keeps each node's line, read by the
/// settings table in `Configuration+Decoding.swift`. Keys left out keep their defaults.
public enum ConfigurationLoader {
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
        func unreadable(_ key: String, line: Int? = nil) -> ConfigurationError {
            ConfigurationError(kind: .unreadable, file: displayPath, line: line, message: ConfigurationReader(file: displayPath).message(key))
        }
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isDirectory) else { throw unreadable("error.config.missing") }
        guard !isDirectory.boolValue else { throw unreadable("error.config.directory") }
        guard files.isReadableFile(atPath: path) else { throw unreadable("error.config.permission") }
        guard let data = files.contents(atPath: path) else { throw unreadable("error.config.refused") }
        let bytes = [UInt8](data)
        // Editors on Windows may save UTF-16; saying so is more useful than "binary".
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { throw unreadable("error.config.utf16") }
        if let nul = bytes.firstIndex(of: 0) { throw unreadable("error.config.binary", line: TextFileReader.line(ofByte: nul, in: bytes)) }
        if let line = TextFileReader.firstInvalidUTF8Line(in: bytes) { throw unreadable("error.config.not-utf8", line: line) }
        return try load(yaml: String(decoding: bytes, as: UTF8.self), file: displayPath)
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
