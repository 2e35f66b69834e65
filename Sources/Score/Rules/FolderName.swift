import Foundation
import PhaseModel

/// What makes a task folder name canonical, `<ID>-<slug>`, and the canonical name to suggest.
///
/// Canonical: the id written exactly as its canonical form (`TN-099`, not `TN-99` or
/// `tn-099`), then a slug in lower-case kebab case (letters and digits in lower case, single
/// hyphens between words; non-Latin letters count as letters) that does not end in a status
/// suffix: digits followed by `pct`/`percent` (`-150pct`, `-100-percent`), or `-final`,
/// `-done`, `-complete` (with a version before it, as in `-v2-final`), unless the suffix is in
/// `tasks.allowedSuffixes`.
///
/// The one examination of folder names: the `naming.noncanonical` rule and `check-names` both use it.
public struct FolderName: Sendable, Equatable {
    /// Why a name is not canonical.
    public enum Problem: Sendable, Equatable {
        /// The id as written, and its canonical form.
        case idSpelling(written: String, canonical: String)
        case noSlug
        /// The slug (status suffix removed) is not lower-case kebab case.
        case slugNotKebab(String)
        /// A status suffix such as `-150pct`.
        case statusSuffix(String)

        /// The reason as a clause, for messages that list several.
        public var reason: LocalizedText {
            switch self {
            case let .idSpelling(written, canonical):
                LocalizedText(
                    message: "finding.naming.reason.id-spelling", ["written": .text(written), "canonical": .text(canonical)])
            case .noSlug:
                LocalizedText(message: "finding.naming.reason.no-slug")
            case let .slugNotKebab(slug):
                LocalizedText(message: "finding.naming.reason.slug-not-kebab", ["slug": .text(slug)])
            case let .statusSuffix(suffix):
                LocalizedText(message: "finding.naming.reason.status-suffix", ["suffix": .text(suffix)])
            }
        }
    }

    /// The folder name as it is.
    public var name: String
    public var problems: [Problem]
    public var canonicalID: String
    /// The slug of the canonical name: kebab case, no status suffix, taken from the task's title
    /// when the folder has none; `nil` when neither gives one.
    public var suggestedSlug: String?
    /// The slug the folder's own name gives in kebab case without a status suffix; `nil` when it
    /// gives none (no slug, or nothing but punctuation and a suffix).
    public var ownSlug: String?

    /// Examines `name`; `nil` when it does not start with a task id at all.
    public init?(_ name: String, ids: TaskIDPattern, title: String?, allowedSuffixes: [String]) {
        guard let parsed = ids.folderName(name) else { return nil }
        self.name = name
        var problems: [Problem] = []
        if parsed.written != parsed.id {
            problems.append(.idSpelling(written: parsed.written, canonical: parsed.id))
        }
        let slug = parsed.slug ?? ""
        if slug.isEmpty {
            problems.append(.noSlug)
        } else {
            let (base, suffix) = Self.splitStatusSuffix(slug, allowed: allowedSuffixes)
            if !base.isEmpty, !Self.isKebab(base) { problems.append(.slugNotKebab(base)) }
            if let suffix { problems.append(.statusSuffix(suffix)) }
        }
        self.problems = problems
        let candidates = [slug, title ?? ""].map { Self.splitStatusSuffix(Self.kebab($0), allowed: allowedSuffixes).base }
        canonicalID = parsed.id
        suggestedSlug = candidates.first { !$0.isEmpty }
        ownSlug = candidates[0].isEmpty ? nil : candidates[0]
    }

    public var isCanonical: Bool { problems.isEmpty }

    /// Whether the canonical name follows from this name alone: only the id's spelling or the
    /// slug's case and separators are wrong, and the name has a slug of its own to keep. A status
    /// suffix or a missing slug needs a person's decision.
    public var canonicalNameFollowsFromName: Bool {
        guard !isCanonical, ownSlug != nil, suggestedSlug == ownSlug else { return false }
        return problems.allSatisfy { problem in
            switch problem {
            case .idSpelling, .slugNotKebab: true
            case .noSlug, .statusSuffix: false
            }
        }
    }

    /// The canonical name, with `placeholder` standing for a slug nothing suggests.
    public func canonicalName(placeholder: String) -> String {
        canonicalID + "-" + (suggestedSlug ?? placeholder)
    }

    /// `slug` without its status suffix, and the suffix (with its leading hyphen) when it has one
    /// that is not allowed.
    static func splitStatusSuffix(_ slug: String, allowed: [String]) -> (base: String, suffix: String?) {
        let dashed = "-" + slug
        let lower = dashed.lowercased()
        for suffix in allowed where !suffix.isEmpty {
            let normalized = (suffix.hasPrefix("-") ? suffix : "-" + suffix).lowercased()
            if lower.hasSuffix(normalized) { return (slug, nil) }
        }
        guard let statusSuffix,
            let match = statusSuffix.firstMatch(in: dashed, range: NSRange(dashed.startIndex..., in: dashed)),
            let range = Range(match.range, in: dashed)
        else { return (slug, nil) }
        var base = String(dashed[..<range.lowerBound])
        if base.hasPrefix("-") { base.removeFirst() }
        return (base, String(dashed[range]))
    }

    /// `-150pct`, `-100-percent`, `-12.5pct`, `-final`, `-v2-final`, `-done`, `-complete`, at the end.
    private static let statusSuffix: NSRegularExpression? = try? NSRegularExpression(
        pattern: "-(?:[0-9]+(?:[.,][0-9]+)?-?(?:pct|percent)|(?:v[0-9]+-)?(?:final|done|complete))$",
        options: [.caseInsensitive])

    /// Lower-case letters and digits in words joined by single hyphens.
    static func isKebab(_ slug: String) -> Bool {
        guard !slug.isEmpty, !slug.hasPrefix("-"), !slug.hasSuffix("-"), !slug.contains("--"), slug == slug.lowercased()
        else { return false }
        return slug.allSatisfy { $0 == "-" || $0.isLetter || $0.isNumber }
    }

    /// `text` in lower-case kebab case: letters and digits kept, every other run of characters one hyphen.
    public static func kebab(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.append(character)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }
}
