import CLibGit2
import Foundation

/// Counting commits' changes with git itself (`git log --numstat`), in processes over slices of
/// the history, instead of with libgit2.
///
/// Why: the figures people quote are git's, and libgit2's rename detection pairs files that
/// git does not: in ten commits of two of the six corpus repositories (nine of one's 1,127, one
/// of the other's 65) it found one rename more than git, e.g. a file renamed with 79 lines added
/// and 11 deleted where git counts it deleted (60 lines) and another one added (128 lines).
/// And git counts faster: the 100,000 commits of Benchmarks/RESULTS-scale.md in the same 16
/// slices, two at a time, in 11.08–13.41 s against 15.83–16.29 s for libgit2's workers, with a
/// quarter less CPU (twenty-ninth round). libgit2 counts what git cannot: when no `git` is
/// found, when it fails (too old for `--diff-merges`, a repository it will not read, a blob
/// missing), and in a repository whose history git would read differently (grafts) or fetch
/// objects for (a partial clone).
public struct GitLogCounting: Sendable, Equatable {
    /// The `git` executable.
    public var executable: String

    public init(executable: String) {
        self.executable = executable
    }

    /// The command that counts the commits named on its standard input, one id a line; `nil`
    /// when git should not count this repository.
    func command(for repository: GitRepository) -> HistoryScanner.WorkerCommand? {
        guard repository.historyAsGitReadsIt else { return nil }
        let mapped = PackShare.worker.bytes(ofPacks: repository.packBytes)
        var arguments = ["--no-replace-objects", "--git-dir=" + repository.gitDirectory]
        if let workTree = repository.workDirectory { arguments.append("--work-tree=" + workTree) }
        // Settings that would change the figures or the output, whatever the user's configuration.
        // The pack is mapped in the share libgit2's workers had: git's default maps all of it,
        // and a worker on the 1× history then held 295 MB.
        for setting in [
            "core.packedGitLimit=\(mapped)", "core.packedGitWindowSize=\(max(1 << 20, mapped / 4))",
            "diff.renameLimit=1000", "log.showSignature=false", "color.ui=false",
        ] {
            arguments += ["-c", setting]
        }
        arguments += [
            "log", "--no-walk=unsorted", "--stdin", "--format=%H", "-z", "--raw", "--numstat", "-M",
            "--diff-merges=first-parent", "--root", "--no-textconv", "--no-ext-diff", "--no-color",
            "--diff-algorithm=myers", "--ignore-submodules=none", "--no-relative", "-O/dev/null",
        ]
        return HistoryScanner.WorkerCommand(
            executable: executable, arguments: arguments, environment: Self.environment(ProcessInfo.processInfo.environment),
            output: .gitLog)
    }

    /// The environment git runs in: without the `GIT_` variables a hook runs under (they would
    /// point git at another folder or index, or add configuration), and never reaching a network.
    static func environment(_ inherited: [String: String]) -> [String: String] {
        var environment = inherited.filter { !$0.key.hasPrefix("GIT_") }
        environment["GIT_ALLOW_PROTOCOL"] = ""
        environment["GIT_NO_LAZY_FETCH"] = "1"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        return environment
    }
}

extension GitRepository {
    /// The work tree's folder, without a trailing slash; `nil` for a bare repository.
    var workDirectory: String? {
        guard let path = git_repository_workdir(handle) else { return nil }
        var folder = String(cString: path)
        while folder.hasSuffix("/") && folder.count > 1 { folder.removeLast() }
        return folder
    }

    /// False when git would read this history other than libgit2 does (grafts), or would fetch
    /// objects it lacks from elsewhere (a partial clone).
    var historyAsGitReadsIt: Bool {
        let common = String(cString: git_repository_commondir(handle))
        if FileManager.default.fileExists(atPath: common + "/info/grafts") { return false }
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, handle) == 0, let config else { return false }
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        return git_config_get_string(&value, config, "extensions.partialclone") != 0
    }
}
