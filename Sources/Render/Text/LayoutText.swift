import Scan

/// The terminal lines that say which layout `scan` read the plan in, from which files and why.
public enum LayoutText {
    /// Files listed before the rest are counted.
    static let shownFiles = 3

    public static func render(_ choice: LayoutChoice) -> String {
        var output = "Layout: \(choice.chosen.layout) (\(choice.how): \(choice.chosen.reason))"
        if !choice.chosen.files.isEmpty { output += "\n  from " + files(choice.chosen.files) }
        output += "\n"
        for option in choice.runnersUp {
            output += "  runner-up: \(option.layout) — \(option.reason)"
            if !option.files.isEmpty { output += ", " + files(option.files) }
            output += "\n"
        }
        return output
    }

    private static func files(_ files: [String]) -> String {
        let shown = files.prefix(shownFiles).joined(separator: ", ")
        return files.count > shownFiles ? shown + " and \(files.count - shownFiles) more" : shown
    }
}
