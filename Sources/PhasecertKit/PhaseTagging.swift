import Foundation
import PhaseModel
import Scan

/// `phase-close --tag`: the annotated tag `phase-<id>-certified` on HEAD.
///
/// Everything that can be checked before reports are written is checked on creation (a git
/// repository, a HEAD commit, a valid and unused tag name), so a refused tag leaves nothing
/// half done.
public struct PhaseTagging: Sendable {
    public let repository: String
    /// The tag's name, `phase-<id>-certified`.
    public let name: String
    /// The full id of the commit tagged.
    public let head: String
    let tagger: GitRepository.Tagger?

    public init(repository: String, phase: String, environment: [String: String]) throws {
        self.repository = repository
        name = "phase-\(phase)-certified"
        guard GitRepository.isValidTagName(name) else { throw PhaseTagError.invalidName(name) }
        let git: GitRepository
        do {
            guard let opened = try GitRepository(path: repository) else { throw PhaseTagError.notARepository(repository) }
            git = opened
        } catch let error as GitError {
            throw PhaseTagError.git(error.message)
        }
        do {
            guard let head = try git.head() else { throw PhaseTagError.noHead }
            self.head = head
            if let tagged = try git.taggedCommit(named: name) { throw PhaseTagError.exists(name: name, commit: tagged) }
        } catch let error as GitError {
            throw PhaseTagError.git(error.message)
        }
        // git's own order: the committer variables, then the configuration.
        if let name = environment["GIT_COMMITTER_NAME"], let email = environment["GIT_COMMITTER_EMAIL"], !name.isEmpty {
            tagger = GitRepository.Tagger(name: name, email: email)
        } else {
            tagger = nil
        }
    }

    /// Tags HEAD when `phase`'s gate passed, and returns the certification named; returns
    /// `nil`, tagging nothing, when the gate failed.
    public func tag(_ phase: Phase) throws -> Certification? {
        guard phase.gate?.passed == true, let certification = phase.certification else { return nil }
        let title = phase.name.map { " (\($0))" } ?? ""
        let message = LocalizedText(message: "cli.tag.message", [
            "phase": .text(phase.id), "title": .text(title), "certification": .text(certification.id),
            "digest": .text(certification.digest),
        ]).en
        do {
            guard let git = try GitRepository(path: repository) else { throw PhaseTagError.notARepository(repository) }
            _ = try git.createAnnotatedTag(named: name, on: head, message: message, tagger: tagger)
        } catch let error as GitError {
            throw PhaseTagError.git(error.message)
        }
        return certification
    }
}

/// Why `--tag` could not tag.
public enum PhaseTagError: UserFacingError {
    case invalidName(String)
    case notARepository(String)
    case noHead
    case exists(name: String, commit: String)
    case git(String)

    public var exitCode: Int32 {
        switch self {
        case .git: 3
        default: 2
        }
    }

    public var description: String {
        switch self {
        case let .invalidName(name): LocalizedText(message: "error.tag.invalid-name", ["name": .text(name)]).en
        case let .notARepository(path): LocalizedText(message: "error.tag.not-a-repository", ["path": .text(path)]).en
        case .noHead: LocalizedText(message: "error.tag.no-head").en
        case let .exists(name, commit):
            LocalizedText(message: "error.tag.exists", ["name": .text(name), "commit": .text(String(commit.prefix(12)))]).en
        case let .git(message): "--tag: git: \(message)"
        }
    }
}
