import Foundation

/// A place in a chart that a Helm error names with the chart name in front:
/// `web/templates/x.yaml:32:40` (Go template errors), `(web/templates/x.yaml:15)` (parse
/// errors), `(web/templates/x.yaml:2:4)` (`fail`/`required`), `on web/templates/x.yaml:`
/// (YAML errors), `web/charts/db/templates/x.yaml` (a subchart's template).
struct HelmLocation: Equatable {
    /// The chart name: the first path component.
    var chart: String
    /// Relative to the chart root, e.g. `templates/x.yaml` or `charts/db/templates/x.yaml`.
    var file: String
    var line: Int?
    var column: Int?

    private static let tokenStops: Set<Character> = [" ", "\t", "(", ")", "\"", "'", "<", ">", "`", ":", "[", "]", ","]

    /// The first chart-prefixed template location in `text`.
    static func first(in text: String) -> HelmLocation? {
        var searchFrom = text.startIndex
        while let hit = text.range(of: "/templates/", range: searchFrom..<text.endIndex) {
            searchFrom = hit.upperBound
            var start = hit.lowerBound
            while start > text.startIndex, !tokenStops.contains(text[text.index(before: start)]) {
                start = text.index(before: start)
            }
            var end = hit.upperBound
            while end < text.endIndex, !tokenStops.contains(text[end]) { end = text.index(after: end) }
            let token = text[start..<end]
            guard let slash = token.firstIndex(of: "/"), slash > token.startIndex, end > hit.upperBound else { continue }
            var location = HelmLocation(
                chart: String(token[..<slash]), file: String(token[token.index(after: slash)...]))
            var rest = text[end...]
            if let line = number(after: ":", in: &rest) {
                location.line = line
                location.column = number(after: ":", in: &rest)
            }
            return location
        }
        return nil
    }

    private static func number(after separator: Character, in rest: inout Substring) -> Int? {
        guard rest.first == separator else { return nil }
        var candidate = rest.dropFirst()
        guard let value = HelmOutputLine.leadingNumber(&candidate) else { return nil }
        rest = candidate
        return value
    }
}
