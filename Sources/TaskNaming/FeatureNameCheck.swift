import Foundation
import PhaseModel
import Score

/// `check-names` for layouts whose phases are feature folders: Spec Kit (`specs/015-user-auth`,
/// items `T001`, `T002`, … in each) and Kiro (`.kiro/specs/user-auth`).
///
/// A Spec Kit folder is a number of three digits and a lower-case kebab slug, one folder per
/// number, and its items are numbered `T001` upwards without a gap or a repeat; a Kiro folder is a
/// lower-case kebab slug. Nothing is renamed: a feature's number is its branch's name too.
public enum FeatureNameCheck {
    private static let specKitName = try? NSRegularExpression(pattern: #"^[0-9]{3}-[a-z0-9]+(?:-[a-z0-9]+)*$"#)
    private static let kebab = try? NSRegularExpression(pattern: #"^[a-z0-9]+(?:-[a-z0-9]+)*$"#)

    /// The violations of a workspace read in `layout` (`spec-kit` or `kiro`), in phase order.
    public static func check(_ workspace: Workspace, layout: String, configuration: Configuration) -> NameReport {
        var violations: [NameViolation] = []
        var byNumber: [String: [String]] = [:]
        for phase in workspace.phases {
            guard let folder = phase.folder else { continue }
            let name = folder.split(separator: "/").last.map(String.init) ?? folder
            let pattern = layout == "spec-kit" ? specKitName : kebab
            if !matches(pattern, name) {
                // The Russian finding keeps the English pattern it has always had: check-names'
                // output stays as it was until a deliberate change of wording.
                let expected = LocalizedText(
                    message: layout == "spec-kit" ? "names.feature.expected.spec-kit" : "names.feature.expected.kiro").en
                violations.append(violation(
                    .noncanonical, rule: .namingNoncanonical, phase: phase, path: folder,
                    message: LocalizedText(
                        message: "names.feature.noncanonical.message", ["folder": .text(folder), "expected": .text(expected)]),
                    problem: NameProblem(
                        kind: .slugNotKebab, text: LocalizedText(message: "names.problem.expected", ["expected": .text(expected)]).en)))
            }
            if layout == "spec-kit" {
                byNumber[String(name.prefix { $0.isNumber }), default: []].append(folder)
                violations += sequence(of: phase, in: workspace)
            }
        }
        for (number, folders) in byNumber.sorted(by: { $0.key < $1.key }) where folders.count > 1 {
            let list = folders.joined(separator: ", ")
            let phase = workspace.phases.first { $0.folder == folders[0] }
            let arguments: [String: MessageArgument] = ["number": .text(number), "count": .count(folders.count), "folders": .text(list)]
            violations.append(violation(
                .duplicateID, rule: .namingDuplicateID, phase: phase, path: folders[0],
                message: LocalizedText(message: "names.feature.duplicate.message", arguments),
                problem: NameProblem(kind: .duplicateID, text: LocalizedText(message: "names.problem.feature-folders", arguments).en),
                folders: folders))
        }
        let applied = violations.compactMap { violation -> NameViolation? in
            guard let finding = RuleSettings.apply(configuration.rules, to: [violation.finding]).first else { return nil }
            var adjusted = violation
            adjusted.finding = finding
            return adjusted
        }
        return NameReport(tasksRoot: workspace.sources.tasksRoot, violations: applied)
    }

    /// Items of a feature numbered with a gap or out of order: `T001`, `T002`, `T004`.
    private static func sequence(of phase: Phase, in workspace: Workspace) -> [NameViolation] {
        let numbers = phase.tasks.compactMap { id -> Int? in
            guard let item = id.split(separator: "/").last, item.hasPrefix("T") else { return nil }
            return Int(item.dropFirst())
        }
        guard !numbers.isEmpty else { return [] }
        let expected = Array(1...numbers.count)
        guard numbers != expected else { return [] }
        let missing = Set(1...max(numbers.max() ?? 0, 1)).subtracting(numbers).sorted().prefix(5)
            .map { String(format: "T%03d", $0) }
        // The detail is English in the Russian finding too, as it has always been (see above).
        let detail = missing.isEmpty
            ? LocalizedText(message: "names.feature.sequence.not-in-order").en
            : LocalizedText(message: "names.feature.sequence.missing", ["items": .text(missing.joined(separator: ", "))]).en
        let file = workspace.tasks.first { $0.phase == phase.id }?.source?.file ?? phase.folder ?? phase.id
        // The Russian sentence names only the first item, so the last is left out of it.
        let last = LocalizedText(en: String(format: "T%03d", numbers.count), ru: "")
        return [violation(
            .noncanonical, rule: .namingNoncanonical, phase: phase, path: file,
            message: LocalizedText(
                message: "names.feature.sequence.message", ["phase": .text(phase.id), "last": .localized(last), "detail": .text(detail)]),
            problem: NameProblem(kind: .idSpelling, text: detail))]
    }

    private static func violation(
        _ kind: NameViolation.Kind, rule: FindingRuleID, phase: Phase?, path: String, message: LocalizedText, problem: NameProblem,
        folders: [String]? = nil
    ) -> NameViolation {
        let severity = FindingRule.catalog.first { $0.id == rule }?.severity ?? .minor
        let finding = Finding(
            rule: rule, severity: severity, phase: phase?.id, at: .file(path, line: nil), message: message)
        return NameViolation(
            kind: kind, finding: finding, path: path, folders: folders ?? [path], id: phase?.id, suggested: nil,
            problems: [problem], rename: nil, notRenamedBecause: LocalizedText(message: "names.feature.renamed-by-hand").en)
    }

    private static func matches(_ pattern: NSRegularExpression?, _ text: String) -> Bool {
        pattern?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
