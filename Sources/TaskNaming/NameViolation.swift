import PhaseModel

/// One thing wrong with how task folders are named, as `check-names` reports it.
public struct NameViolation: Sendable, Equatable {
    /// What kind of violation; each maps to one rule.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// A task folder whose name is not `<ID>-<slug>` (`naming.noncanonical`).
        case noncanonical
        /// Two or more folders for one id (`naming.duplicate-id`).
        case duplicateID
        /// A folder under the tasks root that holds no task (`naming.no-id`).
        case noID
        /// A listed task without a folder (`naming.missing-directory`).
        case missingDirectory
    }

    /// Which rule the violation is of.
    public var kind: Kind
    /// The finding, with the rule, severity (config overrides applied) and the message in every locale.
    public var finding: Finding
    /// The folder concerned: the noncanonical or id-less folder, the first folder of a duplicate;
    /// `nil` for a task without a folder.
    public var path: String?
    /// Every folder concerned (all folders of a duplicate id).
    public var folders: [String]
    /// The canonical id, when there is one.
    public var id: String?
    /// The canonical path to use, when something suggests one.
    public var suggested: String?
    /// What is wrong, one entry per problem.
    public var problems: [NameProblem]
    /// The rename `--fix` would do; `nil` when it does not rename this folder.
    public var rename: FolderRename?
    /// Why `--fix` does not rename this folder; `nil` when it does or when there is nothing to rename.
    public var notRenamedBecause: String?

    /// The finding's severity and rule id.
    public var severity: Severity { finding.severity }
    public var rule: FindingRuleID { finding.rule }
}

/// One problem of a violation.
public struct NameProblem: Sendable, Equatable, Codable {
    /// The problems, in the order the text report groups them.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        case idSpelling, slugNotKebab, noSlug, statusSuffix, duplicateID, noID, noFolder
    }

    public var kind: Kind
    /// The problem in a short English clause (`the id is written TN-99, not TN-099`).
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}
