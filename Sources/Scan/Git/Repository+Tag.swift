import CLibGit2
import Foundation

/// Annotated tags, for `phase-close --tag`.
extension GitRepository {
    /// Who a tag is made by: a name and an e-mail address.
    public struct Tagger: Sendable, Equatable {
        public var name: String
        public var email: String

        public init(name: String, email: String) {
            self.name = name
            self.email = email
        }
    }

    /// The commit a tag named `name` points at (an annotated tag is peeled), or `nil` when
    /// there is no such tag.
    public func taggedCommit(named name: String) throws(GitError) -> String? {
        var object: OpaquePointer?
        let code = git_revparse_single(&object, handle, "refs/tags/\(name)^{commit}")
        if code == GIT_ENOTFOUND.rawValue { return nil }
        guard code == 0, let object else { throw GitError.last(code) }
        defer { git_object_free(object) }
        guard let id = git_object_id(object) else { return nil }
        return Self.hex(id.pointee)
    }

    /// Creates the annotated tag `name` on `commit` and returns the tag object's id.
    ///
    /// The tagger is `tagger` when given, else `user.name` and `user.email` from the
    /// repository's git configuration; the time is now, as `git tag -a` records it. An
    /// existing tag of that name is never moved: that fails with `GIT_EEXISTS`.
    public func createAnnotatedTag(named name: String, on commit: String, message: String, tagger: Tagger?) throws(GitError) -> String {
        var target: OpaquePointer?
        var commitID = git_oid()
        var code = git_oid_fromstr(&commitID, commit)
        guard code == 0 else { throw GitError.last(code) }
        code = git_object_lookup(&target, handle, &commitID, GIT_OBJECT_COMMIT)
        guard code == 0, let target else { throw GitError.last(code) }
        defer { git_object_free(target) }

        var signature: UnsafeMutablePointer<git_signature>?
        if let tagger {
            code = git_signature_now(&signature, tagger.name, tagger.email)
        } else {
            code = git_signature_default(&signature, handle)
        }
        guard code == 0, let signature else { throw GitError.last(code) }
        defer { git_signature_free(signature) }

        var tagID = git_oid()
        code = git_tag_create(&tagID, handle, name, target, signature, message, 0)
        guard code == 0 else { throw GitError.last(code) }
        return Self.hex(tagID)
    }

    /// Whether `name` is acceptable as a tag name to git (`git check-ref-format`).
    public static func isValidTagName(_ name: String) -> Bool {
        var valid: Int32 = 0
        return git_reference_name_is_valid(&valid, "refs/tags/\(name)") == 0 && valid == 1
    }
}
