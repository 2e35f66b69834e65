import PhaseModel

/// Findings about the git history itself, worded from the catalogs (`messages/*/scan-git.yml`).
enum GitFindings {
    static func shallow(commits: Int) -> Finding {
        Finding(
            rule: .gitHistoryIncomplete, severity: .info,
            message: LocalizedText(message: "finding.git.shallow.message", ["count": .count(commits)]),
            remediation: LocalizedText(message: "finding.git.shallow.remediation")
        )
    }

    static func noRepository() -> Finding {
        Finding(
            rule: .gitHistoryIncomplete, severity: .info,
            message: LocalizedText(message: "finding.git.no-repository.message"),
            remediation: LocalizedText(message: "finding.git.no-repository.remediation")
        )
    }

    // libgit2's English message goes into the Russian finding too, as it always has: Russian
    // wording changes phase.json and so certification ids, which waits for a schemaVersion change.
    static func unreadableCommit(_ id: String, child: String?, error: GitError) -> Finding {
        let arguments: [String: MessageArgument] = ["commit": .text(id), "child": .text(child ?? ""), "reason": .text(error.message)]
        return Finding(
            rule: .gitObjectUnreadable, severity: .minor, at: .commit(child ?? id),
            message: child == nil
                ? LocalizedText(message: "finding.git.unreadable-commit.message", arguments)
                : LocalizedText(message: "finding.git.unreadable-commit.message.parent", arguments),
            remediation: unreadableRemedy
        )
    }

    static func unreadableStats(_ id: String, message: String) -> Finding {
        Finding(
            rule: .gitObjectUnreadable, severity: .minor, at: .commit(id),
            message: LocalizedText(message: "finding.git.unreadable-stats.message", ["commit": .text(id), "reason": .text(message)]),
            remediation: unreadableRemedy
        )
    }

    /// A commit counted without the files whose blobs could not be read: its lines, and those
    /// of the tasks it belongs to, are lower bounds.
    static func unreadableFiles(_ id: String, paths: [String]) -> Finding {
        let shown = paths.prefix(5).joined(separator: ", ")
        let more = paths.count - min(paths.count, 5)
        let listed: MessageArgument = more > 0
            ? .localized(LocalizedText(message: "finding.git.unreadable-files.more", ["paths": .text(shown), "more": .text(String(more))]))
            : .text(shown)
        return Finding(
            rule: .gitObjectUnreadable, severity: .minor, at: .commit(id),
            message: LocalizedText(
                message: "finding.git.unreadable-files.message", ["count": .count(paths.count), "commit": .text(id), "paths": listed]),
            remediation: unreadableRemedy
        )
    }

    private static let unreadableRemedy = LocalizedText(message: "finding.git.unreadable.remediation")
}
