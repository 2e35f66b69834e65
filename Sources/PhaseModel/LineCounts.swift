/// A file's lines by each common rule a written line count may follow: every line (`wc -l`),
/// the lines that are not blank, and for a language whose comments are known, the lines that
/// are not blank and not whole-line comments (a `//` or `#` at the start) and the lines that hold
/// code outside every comment (cloc's "code").
public struct LineCounts: Sendable, Equatable {
    /// A counting rule, in the order a figure is held to them.
    public enum Rule: String, Sendable, CaseIterable {
        case physical, nonBlank, withoutLineComments, code
    }

    /// How far a figure may be from a count by another rule than `physical`: such counts are
    /// exact when a tool wrote them. On the development corpus every right match by another rule
    /// was exact, and the near ones were wrong figures that fell close to some count.
    public static let otherRuleShare = 0.02

    public var physical: Int
    public var nonBlank: Int
    /// `nil` when the file's language has no line comment phasecert knows.
    public var withoutLineComments: Int?
    /// `nil` when the file's language has no comment syntax phasecert knows.
    public var code: Int?

    public init(physical: Int, nonBlank: Int, withoutLineComments: Int? = nil, code: Int? = nil) {
        self.physical = physical
        self.nonBlank = nonBlank
        self.withoutLineComments = withoutLineComments
        self.code = code
    }

    /// The count by `rule`; `nil` when the rule does not apply to the file.
    public func count(by rule: Rule) -> Int? {
        switch rule {
        case .physical: physical
        case .nonBlank: nonBlank
        case .withoutLineComments: withoutLineComments
        case .code: code
        }
    }
}
