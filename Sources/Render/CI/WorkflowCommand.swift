import PhaseModel

/// One GitHub Actions workflow command, `::name key=value,…::message`, written the way the
/// runner's toolkit (`@actions/core`, `command.ts`) writes it, so the runner reads back exactly
/// the text that was meant.
struct WorkflowCommand: Sendable, Equatable {
    /// A `key=value` property; one without a value is left out of the line.
    struct Property: Sendable, Equatable {
        var key: String
        var value: String?
    }

    /// The command: `error`, `warning`, `notice`.
    var name: String
    /// Properties in the order they are written.
    var properties: [Property]
    var message: String

    /// The command as one line, without a line break: the message and property values escaped,
    /// so no CR or LF of theirs can end the command early.
    var line: String {
        var line = "::" + name
        let present = properties.compactMap { property in property.value.map { "\(property.key)=\(Self.escapeProperty($0))" } }
        if !present.isEmpty { line += " " + present.joined(separator: ",") }
        return line + "::" + Self.escapeData(message)
    }

    /// Message text as the toolkit's `escapeData`: `%`, CR and LF as `%25`, `%0D`, `%0A`.
    ///
    /// It works on Unicode scalars, not characters: Swift reads CR LF as one character, which
    /// would slip past a character-wise replacement.
    static func escapeData(_ text: String) -> String {
        escape(text, extra: false)
    }

    /// A property value as the toolkit's `escapeProperty`: as `escapeData`, and `:` and `,` as
    /// `%3A` and `%2C`, since they separate the properties and end the property list.
    static func escapeProperty(_ text: String) -> String {
        escape(text, extra: true)
    }

    private static func escape(_ text: String, extra: Bool) -> String {
        var result = String.UnicodeScalarView()
        // CR and LF keep the toolkit's escapes; ESC and the other control characters become pictures.
        for scalar in ControlText.neutralized(text, keepingLineBreaks: true).unicodeScalars {
            switch scalar {
            case "%": result.append(contentsOf: "%25".unicodeScalars)
            case "\r": result.append(contentsOf: "%0D".unicodeScalars)
            case "\n": result.append(contentsOf: "%0A".unicodeScalars)
            case ":" where extra: result.append(contentsOf: "%3A".unicodeScalars)
            case "," where extra: result.append(contentsOf: "%2C".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
