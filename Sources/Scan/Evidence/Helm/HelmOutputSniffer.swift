import Foundation
import TextSupport

extension HelmOutputParser {
    /// Whether `head` (the first bytes of a file, at most 8 KiB, perhaps cut mid-line)
    /// holds `helm lint` or `helm template` output.
    ///
    /// True on the first line, at column 0, that only Helm prints: `==> Linting <path>`,
    /// `N chart(s) linted, M chart(s) failed`, a fail-call log line, `Use --debug flag to
    /// render out invalid YAML`, a template error (`Error: parse error at (web/templates/…`), or
    /// `# Source: <chart>/templates/…` right after `---`. False for binary data and for
    /// Markdown (a code fence before any of those lines), so a document that quotes Helm
    /// output, or only mentions helm, is not taken for it.
    public static func sniff(_ head: Data) -> Bool {
        let bytes = head.prefix(8 * 1024)
        if bytes.contains(0) { return false }
        // Every line form below holds one of these; most files hold none and are refused without
        // classifying each line.
        guard sniffMarkers.contains(where: { bytes.containsBytes($0) }) else { return false }
        var previous = ""
        for raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var line = String(decoding: raw, as: UTF8.self)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.hasPrefix("```") || line.hasPrefix("~~~") { return false }
            switch HelmOutputLine(line) {
            case .lintHeader, .lintSummary, .failCallLog, .debugHint:
                return true
            case let .error(text) where isTemplateError(text):
                return true
            case let .source(path) where previous == "---" && path.contains("/templates/"):
                return true
            default:
                break
            }
            previous = line
        }
        return false
    }

    // Lines helm prints, looked for to recognise its output.
    private static let sniffMarkers: [Data] = [
        "==> Linting ", " chart(s) linted, ", "funcMap fail", "missing required value", " [INFO] Fail: ",  // program text: printed by helm
        " [INFO] Missing required value: ", "Use --debug flag", "Error: ", "# Source: ",  // program text: printed by helm
    ].map { Data($0.utf8) }

    /// `Error:` text in one of the forms Helm gives template errors, with a chart location.
    static func isTemplateError(_ text: String) -> Bool {
        guard let location = HelmLocation.first(in: text) else { return false }
        let forms = ["execution error at (", "parse error at (", "template: ", "YAML parse error on "]  // program text: helm's errors
        // v4 starts a wrapped error with the location itself: `web/templates/x.yaml:6:17`.
        return forms.contains { text.hasPrefix($0) } || (text.hasPrefix(location.chart + "/") && location.line != nil)
    }
}
