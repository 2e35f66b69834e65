import Foundation
import PhaseModel

/// How commit messages name the tasks and phases of one layout.
///
/// Prefixed ids (`TN-099`, `T-012`, `F025`) are found anywhere in a subject, and in a body under
/// the rule of `tasks(inBody:subjectFeature:scanner:)` (`TaskAssociation` says when a body is read). Ids that
/// repeat across features (Spec Kit's `T001`, Kiro's `1.1`) count only when the same subject
/// names their feature: `[F010] … (T001-T010)`, `feat(015): … T012`, `feat(bancho-login): Task 2.3`.
/// A phase or feature named on its own (`Phase 3`, `feature 015`, `feat(bancho-login)`, a merged
/// branch `phase/3-…` or `015-auth`) gives the commit to that phase, not to its tasks.
public struct TaskReferences: Sendable {
    /// How task ids are written in this layout.
    public enum Style: Sendable, Equatable {
        /// `TN-099`: unique over the repository, found by `ids`.
        case prefixed
        /// `<feature>/T001` or `<feature>/1.1`: the plain id only means something with its feature.
        case qualified
    }

    public let style: Style
    public let ids: TaskIDPattern
    public let tasks: Set<String>
    /// Phase id by each way a commit may name it, lower case: `3`, `015`, `15`, `bancho-login`.
    public let phaseNames: [String: String]
    /// Whether phases are numbered features (`015-auth`), so `F015` and `feature 015` name them.
    public let phasesAreFeatures: Bool
    /// Qualified task ids by their plain id (`2.30` → `[python-docstring-quality/2.30]`).
    let tasksByPlainID: [String: [String]]
    /// The prefixes of the workspace's prefixed ids, upper case (`TN-`, `F`): an id with one of
    /// them names a task even when the workspace does not list it (a task of another list, or
    /// one removed), while `UTF-8` does not.
    let taskPrefixes: Set<String>
    /// Whether a range such as `T-005–T-010` names every task in it, and phases get commits of
    /// their own. Off for the classic layout, whose phases are only their tasks.
    public let readsRangesAndPhases: Bool

    public init(
        style: Style, ids: TaskIDPattern, tasks: Set<String>, phaseNames: [String: String], phasesAreFeatures: Bool,
        readsRangesAndPhases: Bool = true
    ) {
        self.style = style
        self.ids = ids
        self.tasks = tasks
        self.phaseNames = phaseNames
        self.phasesAreFeatures = phasesAreFeatures
        self.readsRangesAndPhases = readsRangesAndPhases
        var byPlain: [String: [String]] = [:]
        if style == .qualified {
            for task in tasks.sorted() {
                guard let slash = task.lastIndex(of: "/") else { continue }
                byPlain[String(task[task.index(after: slash)...]), default: []].append(task)
            }
        }
        tasksByPlainID = byPlain
        taskPrefixes = style == .prefixed ? Set(tasks.map(Self.prefix(of:))) : []
    }

    /// `TN-` of `TN-099`, upper case.
    static func prefix(of id: String) -> String {
        String(id.uppercased().reversed().drop(while: \.isNumber).reversed())
    }

    /// Whether `id` (as `TaskIDScanner` finds it) is written like the workspace's task ids,
    /// known to the workspace or not.
    func hasTaskPrefix(_ id: String) -> Bool {
        taskPrefixes.contains(Self.prefix(of: id))
    }

    /// The classic layout's references: prefixed ids only, no phase names.
    public static func prefixed(_ ids: TaskIDPattern, tasks: Set<String>) -> TaskReferences {
        TaskReferences(
            style: .prefixed, ids: ids, tasks: tasks, phaseNames: [:], phasesAreFeatures: false, readsRangesAndPhases: false)
    }

    // MARK: Reading messages

    private static let phaseWord = try? NSRegularExpression(
        pattern: #"(?<![\p{L}\p{N}])(?:phase|фаза|этап)[\s_/#-]*(\d{1,4}(?:\.\d{1,3})?)(?![\p{N}]|\.\d)"#,
        options: [.caseInsensitive])
    private static let featureWord = try? NSRegularExpression(
        pattern: #"(?<![\p{L}\p{N}])(?:f-?|feat(?:ure)?[\s_/#-]*)(\d{2,4})(?![\p{N}])|(?<![\p{L}\p{N}/.])(\d{3})-[a-z]|\((\d{2,4})\)"#,
        options: [.caseInsensitive])
    private static let scope = try? NSRegularExpression(pattern: #"^[\p{L}!]+\(([^)]{1,80})\)!?:"#)
    private static let plainTaskID = try? NSRegularExpression(
        pattern: #"(?<![\p{L}\p{N}_])T(\d{2,4})(?:\s*(?:-|–|—|\.\.|to)\s*T(\d{2,4}))?(?![\p{L}\p{N}_])"#)

    /// Phases a body names with the word `Phase`/`Фаза` (`Phase 3`): a feature's number or slug
    /// in a body is as often "next feature" or background as the work itself.
    public func phasesByWord(in text: String) -> [String] {
        var result: [String] = []
        for match in Self.phaseWord?.matches(in: text, range: NSRange(text.startIndex..., in: text)) ?? [] {
            guard let number = Range(match.range(at: 1), in: text), let phase = phaseNames["phase " + text[number].lowercased()]
            else { continue }
            if !result.contains(phase) { result.append(phase) }
        }
        return result
    }

    /// Phases a subject (or the branch a merge brought in) names.
    public func phases(in text: String) -> [String] {
        var result: [String] = []
        func add(_ key: String) {
            if let phase = phaseNames[key.lowercased()], !result.contains(phase) { result.append(phase) }
        }
        let range = NSRange(text.startIndex..., in: text)
        for match in Self.phaseWord?.matches(in: text, range: range) ?? [] {
            if let number = Range(match.range(at: 1), in: text) { add("phase " + String(text[number])) }
        }
        if phasesAreFeatures {
            for match in Self.featureWord?.matches(in: text, range: range) ?? [] {
                for group in 1...3 {
                    if let number = Range(match.range(at: group), in: text) { add(Self.number(String(text[number]))) }
                }
            }
            if let match = Self.scope?.firstMatch(in: text, range: range), let inner = Range(match.range(at: 1), in: text) {
                for part in text[inner].split(separator: ",") { add(part.trimmingCharacters(in: .whitespaces)) }
            }
            // A merged branch such as `codex/bancho-login` or `feature/015-auth`; a number on its
            // own (`Fix 15 tests`) is a count, not a branch.
            for part in text.split(whereSeparator: { " /'\"".contains($0) }) where !part.allSatisfy(\.isNumber) {
                add(String(part))
            }
        }
        return result
    }

    /// Known qualified task ids a subject names: where it names exactly one feature, the ids
    /// after it (`T012`, `T005-T010`, `Task 3.16`, `Tasks 7.2, 7.3`); where it names none, a
    /// `Task 2.30` that exactly one feature has.
    public func qualifiedTasks(in subject: String) -> [String] {
        qualifiedTasks(in: subject, feature: nil)
    }

    /// The same for one line of a message body, whose feature may be the subject's (`feature`).
    func qualifiedTasks(in text: String, feature context: String?) -> [String] {
        guard style == .qualified else { return [] }
        let features = phases(in: text)
        let feature: String
        if features.count == 1 {
            feature = features[0]
        } else if features.isEmpty, let context {
            feature = context
        } else {
            return features.isEmpty ? DottedTaskID.namedIDs(in: text).compactMap(onlyFeatureWith) : []
        }
        var result: [String] = []
        func add(_ id: String) {
            let task = feature + "/" + id
            if tasks.contains(task), !result.contains(task) { result.append(task) }
        }
        let range = NSRange(text.startIndex..., in: text)
        for match in Self.plainTaskID?.matches(in: text, range: range) ?? [] {
            guard let low = Range(match.range(at: 1), in: text), let first = Int(text[low]) else { continue }
            let width = text[low].count
            var last = first
            if let high = Range(match.range(at: 2), in: text), let end = Int(text[high]), end >= first, end - first < 200 {
                last = end
            }
            for number in first...last { add("T" + Self.padded(number, width: width)) }
        }
        for id in DottedTaskID.namedIDs(in: text) { add(id) }
        if Self.isTrailer(text) {
            // `Kiro-Task: replay-download-contract 1.1`: the number needs no word before it here.
            for match in Self.dottedNumber?.matches(in: text, range: range) ?? [] {
                if let number = Range(match.range, in: text) { add(String(text[number])) }
            }
        }
        return result
    }

    /// The qualified id of the one feature that has task `id`, if exactly one has it.
    private func onlyFeatureWith(_ id: String) -> String? {
        let owners = tasksByPlainID[id] ?? []
        return owners.count == 1 ? owners.first : nil
    }

    private static let dottedNumber = try? NSRegularExpression(pattern: #"(?<![\p{N}.])\d{1,4}(?:\.\d{1,4})+(?![\p{N}]|\.\d)"#)
    /// The keys of a trailer line (`Key: value`), in any case, optionally after a prefix that
    /// ends in `-` (`Kiro-Task`, `X-Refs`).
    static let trailerKeys = ["task", "tasks", "ref", "refs", "references", "implements", "closes", "fixes", "resolves"]
    /// Keys that GitHub and GitLab also read without a colon (`Closes TN-201`).
    static let closingKeys = ["close", "closes", "closed", "fix", "fixes", "fixed", "resolve", "resolves", "resolved"]
    private static let trailer = try? NSRegularExpression(
        pattern: #"^\s*(?:[\w-]*-)?(?:"# + trailerKeys.joined(separator: "|") + #")\s*:"#, options: [.caseInsensitive])
    private static let closingLine = try? NSRegularExpression(
        pattern: #"^\s*(?:"# + closingKeys.joined(separator: "|") + #")\s+#?(\S+?)[.,;]?\s*$"#, options: [.caseInsensitive])

    /// A trailer line that names tasks on purpose: `Task: TN-201`, `Tasks: TN-1, TN-2`,
    /// `Refs: TN-201`, `Kiro-Task: auth 1.1` (a key of `trailerKeys` and a colon at the start of
    /// the line).
    static func isTrailer(_ line: String) -> Bool {
        trailer?.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }

    /// A closing line without a colon, `Closes TN-201`, `Fixes #T-004.`: a key of `closingKeys`
    /// and one task id, nothing else on the line; so neither prose (`Fixes the parser of
    /// TN-201`, `Fixed T030 test with a longer timeout`) nor a list (`Closes T-004, T-005`; with
    /// a colon, `Closes: T-004, T-005` is a trailer) is one.
    /// Returns the tasks the line names, or `nil` when it is no closing line.
    private func closingLineTasks(_ line: String, named: [String], scanner: inout TaskIDScanner) -> [String]? {
        guard !named.isEmpty,
            let match = Self.closingLine?.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
            let word = Range(match.range(at: 1), in: line)
        else { return nil }
        let first: [String]
        switch style {
        case .prefixed: first = scanner.ids(in: String(line[word])).filter(tasks.contains)
        case .qualified: first = named.filter { $0.hasSuffix("/" + line[word]) }
        }
        // One task only: `Closes T-004, T-005 and T-006` is a list, read as one.
        return first.isEmpty || named.count != 1 ? nil : named
    }

    /// Known tasks a commit body names, under the rule for bodies: every task a trailer line
    /// (`isTrailer`, or a closing line such as `Closes TN-201`) names, and the tasks its other
    /// lines name only when that is exactly one (a body that lists several is a summary, or
    /// names its dependencies). `subjectFeature` is the one feature the subject names, for
    /// lines that name none.
    func tasks(inBody body: String, subjectFeature: String?, scanner: inout TaskIDScanner) -> [String] {
        // One feature for the whole body: the subject's, else the one the body names. Lines are
        // not qualified one by one, or the one line that happens to name the feature (a branch
        // name quoted in a checklist) would pass for the body's only task.
        var feature = subjectFeature
        if feature == nil, style == .qualified {
            let named = phases(in: body)
            feature = named.count == 1 ? named[0] : nil
        }
        var fromTrailers: [String] = []
        var fromLines: [String] = []
        // Prefixed ids the other lines name, known to the workspace or not: a body that lists
        // TN-201 and TN-205 is a list even where TN-205 is not a task here.
        var mentioned: Set<String> = []
        for line in body.split(whereSeparator: \.isNewline).map(String.init) {
            let named: [String]
            var written: [String] = []
            switch style {
            case .prefixed:
                written = scanner.ids(in: line).filter(hasTaskPrefix)
                named = written.filter(tasks.contains)
            case .qualified: named = qualifiedTasks(in: line, feature: feature)
            }
            if Self.isTrailer(line) {
                fromTrailers += named.filter { !fromTrailers.contains($0) }
            } else if let closed = closingLineTasks(line, named: named, scanner: &scanner) {
                fromTrailers += closed.filter { !fromTrailers.contains($0) }
            } else {
                fromLines += named.filter { !fromLines.contains($0) }
                mentioned.formUnion(written)
            }
        }
        let one = fromLines.count == 1 && mentioned.count <= 1
        return fromTrailers + (one ? fromLines.filter { !fromTrailers.contains($0) } : [])
    }

    /// Prefixed task ids in a range written `T-005–T-010` or `T005-T010`, expanded, known ones only.
    public func prefixedRanges(in text: String) -> [String] {
        guard style == .prefixed else { return [] }
        return ids.rangeIDs(in: text).filter(tasks.contains)
    }

    static func number(_ digits: String) -> String {
        String(Int(digits) ?? 0)
    }

    private static func padded(_ number: Int, width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The names a commit may use for a phase: `phase 3`; for a numbered feature folder
    /// `015-auth` also `15`, `015-auth` and `auth`; for a slug folder `bancho-login` the slug.
    public static func names(ofPhase id: String, folder: String?, isFeature: Bool) -> [String] {
        var names = ["phase " + id.lowercased()]
        guard isFeature else { return names }
        let name = (folder?.split(separator: "/").last.map(String.init) ?? id).lowercased()
        names.append(name)
        let digits = name.prefix { $0.isNumber }
        if !digits.isEmpty {
            names.append(number(String(digits)))
            let slug = name.dropFirst(digits.count).drop { $0 == "-" || $0 == "_" }
            if slug.count >= 6 { names.append(String(slug)) }
        }
        return names
    }
}
