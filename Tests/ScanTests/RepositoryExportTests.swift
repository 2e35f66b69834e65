import Foundation
import Testing
import TestSupport
@testable import Scan

/// Writing a commit's tree into a folder without checking it out (`--at`).
struct RepositoryExportTests {
    /// A first commit with a text file, a nested file, an executable script and a link; a second
    /// that changes the text, deletes the nested folder and adds a file.
    static func fixture() throws -> (repo: GitRepositoryBuilder, first: String, second: String) {
        let repo = try GitRepositoryBuilder()
        try repo.write("README.md", "first\n")
        try repo.write("docs/deep/notes.md", "nested\nlines\n")
        let script = try repo.write("bin/run.sh", "#!/bin/sh\necho run\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        try repo.folder.link("latest", to: "bin/run.sh")
        let first = try repo.commit("First")
        try repo.write("README.md", "second\n")
        try repo.remove("docs")
        try repo.write("later.txt", "later\n")
        let second = try repo.commit("Second")
        return (repo, first, second)
    }

    static func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func theCommitsFilesAreWrittenWithTheirContentsExecutableBitsAndLinks() throws {
        let (repo, first, _) = try Self.fixture()
        let out = try TemporaryFolder()
        let commit = try GitRepository.export(revision: first, of: repo.path, into: out.path)
        #expect(commit == first)
        #expect(Self.contents(out.path + "/README.md") == "first\n")
        #expect(Self.contents(out.path + "/docs/deep/notes.md") == "nested\nlines\n")
        #expect(Self.contents(out.path + "/bin/run.sh") == "#!/bin/sh\necho run\n")
        #expect(FileManager.default.isExecutableFile(atPath: out.path + "/bin/run.sh"))
        #expect(!FileManager.default.isExecutableFile(atPath: out.path + "/README.md"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out.path + "/latest") == "bin/run.sh")
        #expect(!FileManager.default.fileExists(atPath: out.path + "/later.txt"))
        #expect(!FileManager.default.fileExists(atPath: out.path + "/.git"))
        let written = try FileManager.default.subpathsOfDirectory(atPath: out.path).sorted()
        #expect(written == ["README.md", "bin", "bin/run.sh", "docs", "docs/deep", "docs/deep/notes.md", "latest"])
    }

    @Test func anySpellingGitAcceptsNamesTheCommit() throws {
        let (repo, first, second) = try Self.fixture()
        try repo.git(["tag", "-a", "-m", "release", "v1", first])
        try repo.git(["tag", "light", first])
        try repo.git(["branch", "old", first])
        let git = try #require(try GitRepository(path: repo.path))
        for spelling in [first, String(first.prefix(7)), "v1", "light", "old", "HEAD~1", "main^", "refs/tags/v1"] {
            #expect(try git.commitID(forRevision: spelling) == first, "\(spelling)")
        }
        #expect(try git.commitID(forRevision: "HEAD") == second)
        #expect(try git.commitID(forRevision: "main") == second)
    }

    @Test func anUnknownRevisionIsAnErrorNamingIt() throws {
        let (repo, _, _) = try Self.fixture()
        let out = try TemporaryFolder()
        #expect(throws: RevisionExportError(revision: "nope", problem: .unknownRevision)) {
            try GitRepository.export(revision: "nope", of: repo.path, into: out.path)
        }
        #expect(throws: RevisionExportError(revision: "HEAD~9", problem: .unknownRevision)) {
            try GitRepository.export(revision: "HEAD~9", of: repo.path, into: out.path)
        }
        #expect(RevisionExportError(revision: "nope", problem: .unknownRevision).description == "nope: unknown revision")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test func aTreeOrBlobIsNotACommit() throws {
        let (repo, _, _) = try Self.fixture()
        let out = try TemporaryFolder()
        for spelling in ["HEAD:README.md", "HEAD^{tree}"] {
            #expect(throws: RevisionExportError(revision: spelling, problem: .notACommit)) {
                try GitRepository.export(revision: spelling, of: repo.path, into: out.path)
            }
        }
    }

    @Test func aFolderThatIsNoRepositoryIsSaidSo() throws {
        let folder = try TemporaryFolder()
        let out = try TemporaryFolder()
        #expect(throws: RevisionExportError(revision: "HEAD", problem: .notARepository(path: folder.path))) {
            try GitRepository.export(revision: "HEAD", of: folder.path, into: out.path)
        }
    }

    @Test func submoduleEntriesAreSkipped() throws {
        let (repo, _, second) = try Self.fixture()
        // A gitlink, as `git submodule add` records it, pointing at a commit of another repository.
        try repo.git(["update-index", "--add", "--cacheinfo", "160000,\(second),vendor/lib"])
        try repo.git(["commit", "-q", "-m", "Submodule"])
        let withLink = try repo.head()
        let out = try TemporaryFolder()
        try GitRepository.export(revision: withLink, of: repo.path, into: out.path)
        #expect(Self.contents(out.path + "/README.md") == "second\n")
        #expect(!FileManager.default.fileExists(atPath: out.path + "/vendor/lib"))
    }

    @Test func anEntryGitRefusesToCheckOutStopsTheExport() throws {
        let repo = try GitRepositoryBuilder()
        let blob = try GitFixture.gitLine(["hash-object", "-w", "--stdin"], in: repo.path, input: Data("x\n".utf8))
        let tree = try GitFixture.gitLine(["mktree"], in: repo.path, input: Data("100644 blob \(blob)\t.git\n".utf8))
        let commit = try GitFixture.gitLine(["commit-tree", tree, "-m", "odd"], in: repo.path)
        let out = try TemporaryFolder()
        #expect(throws: RevisionExportError(revision: commit, problem: .unsafePath(".git"))) {
            try GitRepository.export(revision: commit, of: repo.path, into: out.path)
        }
    }
}
