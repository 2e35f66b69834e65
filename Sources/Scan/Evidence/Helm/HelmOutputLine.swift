import Foundation
import PhaseModel

/// One line of `helm lint` / `helm template` output (stdout and stderr together), classified
/// without context. Forms checked against Helm v3.17.1 and v4.1.4 (`Tests/Fixtures/helm`).
enum HelmOutputLine: Equatable {
    /// `==> Linting charts/web`: a lint block starts.
    case lintHeader(chart: String)
    /// `1 chart(s) linted, 0 chart(s) failed`, prefixed `Error: ` when charts failed.
    case lintSummary(linted: Int, failed: Int)
    /// `[ERROR] templates/x.yaml: text`. `path` is empty for `[ERROR] : unable to load chart`.
    case lintMessage(severity: HelmSeverity, path: String, text: String)
    /// `Error unable to check Chart.yaml file in chart: …`: a lint block's error when the
    /// chart could not be loaded at all (no colon after `Error`).
    case lintBareError(text: String)
    /// The log line `helm lint` prints instead of failing when a template calls `fail` or
    /// `required` (lint renders in "lint mode", which turns both into a log line and an
    /// empty string, so the chart passes):
    /// v3 `engine.go:227: [INFO] Fail: must set foo`,
    /// `engine.go:206: [INFO] Missing required value: must set name`;
    /// v4 `level=INFO msg="funcMap fail" message="must set foo"`,
    /// `level=WARN msg="missing required value" message="must set name"`.
    case failCallLog(severity: HelmSeverity, required: Bool, message: String)
    /// `Error: text`: how the helm CLI reports a command's error (`helm template` errors).
    case error(text: String)
    /// `Use --debug flag to render out invalid YAML`, after a `helm template` error.
    case debugHint
    /// `---` before a rendered manifest.
    case documentStart
    /// `# Source: web/templates/x.yaml` heading a rendered manifest.
    case source(path: String)
    case blank
    /// Starts with a space or a tab: continues the previous message, or manifest content.
    case indented
    case other

    static let severityTags: [(String, HelmSeverity)] = [
        ("[ERROR] ", .error), ("[WARNING] ", .warning), ("[INFO] ", .info), ("[UNKNOWN] ", .warning),
    ]

    init(_ text: String) {
        if text.isEmpty || text.allSatisfy({ $0 == " " || $0 == "\t" }) {
            self = .blank
            return
        }
        if let first = text.utf8.first, first == 0x20 || first == 0x09 {
            self = .indented
            return
        }
        if text.hasPrefix("==> Linting ") {
            let chart = text.dropFirst("==> Linting ".count).trimmingBlanks()
            self = chart.isEmpty ? .other : .lintHeader(chart: chart)
            return
        }
        if let summary = Self.summary(text) {
            self = .lintSummary(linted: summary.0, failed: summary.1)
            return
        }
        for (tag, severity) in Self.severityTags where text.hasPrefix(tag) {
            let rest = text.dropFirst(tag.count)
            if let colon = rest.range(of: ": ") {
                self = .lintMessage(
                    severity: severity, path: String(rest[..<colon.lowerBound]), text: String(rest[colon.upperBound...]))
            } else if rest.hasSuffix(":") {
                self = .lintMessage(severity: severity, path: String(rest.dropLast()), text: "")
            } else {
                self = .lintMessage(severity: severity, path: "", text: String(rest))
            }
            return
        }
        if let log = Self.failCallLog(text) {
            self = log
            return
        }
        if text.hasPrefix("Error: ") {
            self = .error(text: String(text.dropFirst("Error: ".count)))
            return
        }
        if text.hasPrefix("Error ") {
            self = .lintBareError(text: String(text.dropFirst("Error ".count)))
            return
        }
        if text == "Use --debug flag to render out invalid YAML" {  // program text: printed by helm, looked for here
            self = .debugHint
            return
        }
        if text == "---" || text.hasPrefix("--- ") && text.dropFirst(4).allSatisfy({ $0 == " " }) {
            self = .documentStart
            return
        }
        if text.hasPrefix("# Source: ") {
            self = .source(path: text.dropFirst("# Source: ".count).trimmingBlanks())
            return
        }
        self = .other
    }

    /// `[Error: ]N chart(s) linted, M chart(s) failed`, nothing else on the line.
    static func summary(_ text: String) -> (Int, Int)? {
        guard text.contains(" chart(s) linted, ") else { return nil }
        var rest = Substring(text)
        if rest.hasPrefix("Error: ") { rest = rest.dropFirst("Error: ".count) }
        guard let linted = leadingNumber(&rest), rest.hasPrefix(" chart(s) linted, ") else { return nil }
        rest = rest.dropFirst(" chart(s) linted, ".count)
        guard let failed = leadingNumber(&rest), rest == " chart(s) failed" else { return nil }
        return (linted, failed)
    }

    /// Reads the decimal digits at the start of `text` (at most 9, so no overflow).
    static func leadingNumber(_ text: inout Substring) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9, let value = Int(digits) else { return nil }
        text = text.dropFirst(digits.count)
        return value
    }

    static func failCallLog(_ text: String) -> HelmOutputLine? {
        if text.hasPrefix("level=") || text.hasPrefix("time=") {
            let fields = LogfmtFields(text)
            let required: Bool
            switch fields["msg"] {
            case "funcMap fail": required = false
            case "missing required value": required = true  // program text: the msg field of helm's log line
            default: return nil
            }
            let severity: HelmSeverity
            switch fields["level"]?.uppercased() {
            case "ERROR": severity = .error
            case "WARN", "WARNING": severity = .warning
            default: severity = .info
            }
            return .failCallLog(severity: severity, required: required, message: fields["message"] ?? "")
        }
        // Go's log package with Lshortfile (and maybe a date first): `engine.go:227: [INFO] …`.
        for (marker, required) in [(" [INFO] Fail: ", false), (" [INFO] Missing required value: ", true)] {  // program text: helm's log
            guard let range = text.range(of: marker) else { continue }
            let prefix = text[..<range.lowerBound]
            guard let last = prefix.split(separator: " ").last, last.hasSuffix(":") else { return nil }
            let location = last.dropLast()
            guard let dot = location.range(of: ".go:"), !location[..<dot.lowerBound].isEmpty,
                !location[dot.upperBound...].isEmpty, location[dot.upperBound...].allSatisfy({ $0.isASCII && $0.isNumber })
            else { return nil }
            return .failCallLog(severity: .info, required: required, message: String(text[range.upperBound...]))
        }
        return nil
    }
}

/// `key=value key2="quoted value"` pairs of a Go `log/slog` text-handler line.
struct LogfmtFields {
    private var values: [String: String] = [:]

    subscript(key: String) -> String? { values[key] }

    init(_ text: String) {
        var scalars = Substring(text).unicodeScalars[...]
        while !scalars.isEmpty {
            while scalars.first == " " { scalars = scalars.dropFirst() }
            guard let equals = scalars.firstIndex(of: "=") else { break }
            let key = String(String.UnicodeScalarView(scalars[..<equals]))
            scalars = scalars[scalars.index(after: equals)...]
            var value = String.UnicodeScalarView()
            if scalars.first == "\"" {
                scalars = scalars.dropFirst()
                while let c = scalars.first {
                    scalars = scalars.dropFirst()
                    if c == "\"" { break }
                    if c == "\\", let escaped = scalars.first {
                        scalars = scalars.dropFirst()
                        switch escaped {
                        case "n": value.append("\n")
                        case "t": value.append("\t")
                        case "r": value.append("\r")
                        default: value.append(escaped)
                        }
                    } else {
                        value.append(c)
                    }
                }
            } else {
                while let c = scalars.first, c != " " {
                    value.append(c)
                    scalars = scalars.dropFirst()
                }
            }
            if !key.isEmpty, !key.contains(" ") { values[key] = String(value) }
        }
    }
}
