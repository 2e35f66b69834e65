/// Which phasecert wrote an output: its semantic version and the commit it was built from.
///
/// Reports, SARIF logs and `phase.json` carry it so that a reader can tell which rules and
/// which rounding produced a figure. It is never part of a certification digest: the same
/// evidence certifies the same way whichever build reads it.
public struct ToolVersion: Codable, Sendable, Equatable, CustomStringConvertible {
    /// The version written in the source, used when the build has no version tag to read:
    /// a tarball, a shallow clone without tags, or a commit before the first release tag.
    /// A release bumps it together with the `vX.Y.Z` tag it creates.
    public static let release = "0.1.0"

    /// The tool's name, as SARIF and `--version` show it.
    public var name: String
    /// A semantic version: `0.6.0` on a release tag, `0.6.0+3` three commits after it.
    public var version: String
    /// The abbreviated id (12 hexadecimal digits) of the commit built; `nil` when the build had no
    /// git history to read (`null` in JSON).
    @Nullable public var commit: String?

    public init(name: String = "phasecert", version: String, commit: String?) {
        self.name = name
        self.version = version
        self.commit = commit
    }

    /// What a build knows without git: the source's version and no commit.
    public static let unstamped = ToolVersion(version: release, commit: nil)

    /// The version of a build from what git said about its commit: `describe` is the output of
    /// `git describe --tags --long` (`v0.6.0-3-ga1b2c3d`), `commit` of `git rev-parse --short=12 HEAD`.
    /// A missing or unparsable description, or a tag that is no semantic version, falls back to
    /// `release`; a commit that is not hexadecimal is dropped rather than shown.
    public init(describe: String?, commit: String?) {
        self.init(version: Self.semanticVersion(describe: describe) ?? Self.release, commit: Self.commitID(commit))
    }

    /// `phasecert 0.6.0 (a1b2c3d4e5f6)`; `unknown` in place of a commit that was not read.
    public var description: String {
        "\(name) \(version) (\(commit ?? "unknown"))"
    }

    /// The semantic version in a `git describe --tags --long` output, `nil` when there is none.
    static func semanticVersion(describe: String?) -> String? {
        guard let describe else { return nil }
        // <tag>-<count>-g<hash>; the tag itself may hold hyphens (v1.0.0-rc.1).
        let parts = describe.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[parts.count - 1].hasPrefix("g"), let count = Int(parts[parts.count - 2]), count >= 0 else {
            return nil
        }
        var tag = parts.dropLast(2).joined(separator: "-")
        if tag.hasPrefix("v") { tag.removeFirst() }
        guard isSemantic(tag) else { return nil }
        // Build metadata, not a pre-release: commits after a release are not older than it.
        return count == 0 ? tag : tag + (tag.contains("+") ? "." : "+") + String(count)
    }

    /// Whether `text` is `MAJOR.MINOR.PATCH` with an optional `-pre-release` and `+build`, as
    /// semver.org 2.0.0 defines them (identifiers of letters, digits and hyphens).
    static func isSemantic(_ text: String) -> Bool {
        let (main, build) = split(text, at: "+")
        let (core, prerelease) = split(main, at: "-")
        let numbers = core.split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3, numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        guard numbers.allSatisfy({ $0 == "0" || !$0.hasPrefix("0") }) else { return false }
        return [prerelease, build].allSatisfy { part in
            guard let part else { return true }
            return part.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { identifier in
                !identifier.isEmpty && identifier.allSatisfy { $0.isASCIIDigit || $0.isASCIILetter || $0 == "-" }
            }
        }
    }

    private static func split(_ text: String, at separator: Character) -> (String, String?) {
        guard let index = text.firstIndex(of: separator) else { return (text, nil) }
        return (String(text[..<index]), String(text[text.index(after: index)...]))
    }

    private static func commitID(_ text: String?) -> String? {
        guard let text, (4...40).contains(text.count), text.allSatisfy(\.isHexDigit) else { return nil }
        return text.lowercased()
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
