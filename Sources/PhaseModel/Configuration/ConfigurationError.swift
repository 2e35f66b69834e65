/// A problem with `phasecert.yml`: it names the file, the 1-based line and what was expected.
///
/// `file` and `line` are kept apart from the message so the CLI can also emit a CI annotation
/// (`::error file=…,line=…::`) without parsing `description`.
public struct ConfigurationError: UserFacingError, Equatable {
    /// Why the configuration could not be used; decides the exit code.
    public enum Kind: Sendable, Equatable {
        /// The file was read but its content is wrong: malformed YAML, an unknown key, a wrong
        /// type or a value out of range (exit 2).
        case invalid
        /// The file could not be read as text at all: missing, unreadable, binary or not UTF-8 (exit 3).
        case unreadable
    }

    public var kind: Kind
    /// The repository-relative path shown to the user.
    public var file: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    /// The dotted key path the problem is about (`quality.weights.tests`), when there is one.
    public var keyPath: String?
    /// What is wrong, without the `file:line:` prefix.
    public var message: String

    public init(kind: Kind = .invalid, file: String, line: Int?, keyPath: String? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.message = message
    }

    /// 2 for a configuration error, 3 when the file cannot be read (docs/design/pipeline.md#errors-and-exit-codes).
    public var exitCode: Int32 {
        switch kind {
        case .invalid: 2
        case .unreadable: 3
        }
    }

    /// One line in the compiler style editors understand: `phasecert.yml:7: unknown key …`.
    public var description: String {
        if let line {
            return "\(file):\(line): \(message)"
        }
        return "\(file): \(message)"
    }
}
