import Foundation
import Testing
import TestSupport
@testable import Scan

/// Compares phasecert's per-commit statistics (libgit2) with `git diff --numstat` on a fixture
/// that holds every kind of change git distinguishes.
struct GitHistoryNumstatTests {
    /// `count` numbered lines, distinct per `name`, so rename similarity is well above 50%.
    static func lines(_ name: String, _ count: Int, from start: Int = 1) -> String {
        (start..<(start + count)).map { "\(name) line \($0) with enough words to be similar\n" }.joined()
    }

    /// Everything the fixture made, by role.
    struct Fixture: Sendable {
        let builder: GitRepositoryBuilder
        var path: String { builder.path }
        var root = ""
        var pureRename = ""
        var editedRename = ""
        var binaryAdded = ""
        var binaryModified = ""
        var symlink = ""
        var modeChange = ""
        var merge = ""
        var octopus = ""
        var latin1 = ""
        var invalidUTF8 = ""
    }

    static func commitWithMessageFile(_ builder: GitRepositoryBuilder, bytes: [UInt8], encoding: String?, date: String) throws -> String {
        let scratch = try TemporaryFolder()
        let file = try scratch.write("message", data: Data(bytes))
        try GitFixture.git(["add", "-A"], in: builder.path)
        var arguments: [String] = []
        if let encoding { arguments += ["-c", "i18n.commitEncoding=\(encoding)"] }
        arguments += ["commit", "-q", "-F", file]
        try GitFixture.git(arguments, in: builder.path, date: date)
        return try builder.head()
    }

    /// The fixture, built once for the tests that only read it.
    static let shared = Result { try makeFixture() }

    static func makeFixture() throws -> Fixture {
        let repo = try GitRepositoryBuilder()
        SharedFixtureFolders.keepUntilExit(repo.folder)
        var fixture = Fixture(builder: repo)

        // Root: several files, nested folders, odd content and odd names.
        try repo.write("README.md", "# Fixture\n\nA repository for numstat comparisons.\n")
        try repo.write("src/alpha.txt", lines("alpha", 20))
        try repo.write("src/beta.txt", lines("beta", 20))
        try repo.write("src/gamma.txt", lines("gamma", 24))
        try repo.write("docs/deep/nested/note.md", "Deep\nnote\n")
        try repo.write("noeol.txt", "first line\nlast line without newline")
        try repo.write("crlf.txt", "one\r\ntwo\r\nthree\r\n")
        try repo.write("empty.txt", "")
        try repo.write("control.txt", bytes: Array("escape \u{1B}[31mred\u{1B}[0m\nbell \u{07}\nsoh \u{01}\n".utf8))
        try repo.write("dir with space/naïve fïle.txt", "ünïcödé\nnäme\n")
        try repo.write("tool.sh", "#!/bin/sh\necho tool\n")
        try repo.write("todelete.txt", lines("doomed", 5))
        fixture.root = try repo.commit("Initial import", date: "1764000000 +0000")

        // Plain modifications, including the last line of a file without a trailing newline.
        try repo.write("src/alpha.txt", lines("alpha", 20).replacingOccurrences(of: "alpha line 3 ", with: "alpha line three ")
            .replacingOccurrences(of: "alpha line 17 ", with: "alpha line seventeen "))
        try repo.write("README.md", "# Fixture\n\nA repository for numstat comparisons.\nMore text.\n")
        try repo.write("noeol.txt", "first line\nlast line without newline, changed\nand another")
        try repo.write("crlf.txt", "one\r\nTWO\r\nthree\r\nfour\r\n")
        try repo.commit("Modify several files", date: "1764010000 +0530")

        // A rename without change, then a rename with a small change.
        try repo.folder.makeFolder("lib")
        try repo.git(["mv", "src/beta.txt", "lib/beta.txt"])
        fixture.pureRename = try repo.commit("Move beta", date: "1764020000 -0800")
        try repo.git(["mv", "src/gamma.txt", "lib/gamma-renamed.txt"])
        try repo.write("lib/gamma-renamed.txt", lines("gamma", 24).replacingOccurrences(of: "gamma line 12 ", with: "gamma line twelve "))
        fixture.editedRename = try repo.commit("Move and edit gamma", date: "1764030000 +0000")

        // An added file and a deleted file; names with a tab and a newline.
        try repo.write("added.txt", lines("added", 3))
        try repo.remove("todelete.txt")
        try repo.write("odd/tab\tname.txt", "tab\n")
        try repo.write("odd/new\nline.txt", "newline\n")
        try repo.commit("Add and delete", date: "1764040000 +0000")

        // A binary file added, then modified.
        let binary: [UInt8] = (0..<600).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        try repo.write("assets/blob.bin", bytes: binary)
        fixture.binaryAdded = try repo.commit("Add binary", date: "1764050000 +0000")
        try repo.write("assets/blob.bin", bytes: binary.reversed() + [0, 0, 1])
        fixture.binaryModified = try repo.commit("Modify binary", date: "1764060000 +0000")

        // The empty file gets content, the file without newline gets one.
        try repo.write("empty.txt", "now\nfull\n")
        try repo.write("noeol.txt", "first line\nlast line without newline, changed\nand another\n")
        try repo.commit("Fill the empty file", date: "1764070000 +0000")

        // A symlink, then a mode-only change.
        try repo.folder.link("link-to-alpha", to: "src/alpha.txt")
        fixture.symlink = try repo.commit("Add a symlink", date: "1764080000 +0000")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repo.path + "/tool.sh")
        fixture.modeChange = try repo.commit("Make tool executable", date: "1764090000 +0000")

        // A side branch merged with --no-ff while main moved on.
        try repo.git(["checkout", "-q", "-b", "feature/TN-106-unit-tests-150pct"])
        try repo.write("tests/unit_test.txt", lines("test", 6))
        try repo.commit("Add unit tests", date: "1764100000 +0000")
        try repo.write("tests/unit_test.txt", lines("test", 8))
        try repo.write("src/alpha.txt", lines("alpha", 20).replacingOccurrences(of: "alpha line 3 ", with: "alpha line three ")
            .replacingOccurrences(of: "alpha line 17 ", with: "alpha line seventeen ") + "appended on the branch\n")
        try repo.commit("More unit tests", date: "1764110000 +0000")
        try repo.git(["checkout", "-q", "main"])
        try repo.write("README.md", "# Fixture\n\nA repository for numstat comparisons.\nMore text.\nMain moved on.\n")
        try repo.commit("Main moves on", date: "1764120000 +0000")
        fixture.merge = try repo.merge(["feature/TN-106-unit-tests-150pct"], message: "Merge branch 'feature/TN-106-unit-tests-150pct'", date: "1764130000 +0000")

        // An octopus merge of two more branches.
        try repo.git(["checkout", "-q", "-b", "octo-one"])
        try repo.write("octo/one.txt", lines("one", 4))
        try repo.commit("Octopus one", date: "1764140000 +0000")
        try repo.git(["checkout", "-q", "main"])
        try repo.git(["checkout", "-q", "-b", "octo-two"])
        try repo.write("octo/two.txt", lines("two", 5))
        try repo.write("docs/deep/nested/note.md", "Deep\nnote\nfrom two\n")
        try repo.commit("Octopus two", date: "1764150000 +0000")
        try repo.git(["checkout", "-q", "main"])
        fixture.octopus = try repo.merge(["octo-one", "octo-two"], message: "Merge branches 'octo-one' and 'octo-two'", date: "1764160000 +0000")

        // A Latin-1 message with its encoding header, and invalid UTF-8 without one.
        try repo.write("i18n.txt", "latin\n")
        let latin1: [UInt8] = [0xDC] + Array("berpr".utf8) + [0xFC] + Array("fung der Gr".utf8) + [0xF6, 0xDF] + Array("e\n\nK".utf8) + [0xF6] + Array("rper\n".utf8)
        fixture.latin1 = try commitWithMessageFile(repo, bytes: latin1, encoding: "ISO-8859-1", date: "1764170000 +0000")
        try repo.write("i18n.txt", "latin\nbroken\n")
        let invalid: [UInt8] = Array("Broken ".utf8) + [0xFF, 0xFE] + Array(" bytes ".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        // `git commit` would re-read invalid UTF-8 as Latin-1, so this object is written by hand.
        fixture.invalidUTF8 = try repo.rawCommit(message: invalid, time: 1_764_180_000)
        return fixture
    }

    static func entries(_ stats: CommitStats) -> [GitFixture.NumstatEntry] {
        stats.files.map { GitFixture.NumstatEntry(path: $0.path, oldPath: $0.oldPath, added: $0.added, deleted: $0.deleted) }
            .sorted { $0.description < $1.description }
    }

    static func sorted(_ entries: [GitFixture.NumstatEntry]) -> [GitFixture.NumstatEntry] {
        entries.sorted { $0.description < $1.description }
    }

    @Test func everyCommitCountsLikeGitDiffNumstat() throws {
        let fixture = try Self.shared.get()
        let empty = try GitFixture.emptyTree(in: fixture.path)
        let repository = try #require(try GitRepository(path: fixture.path))
        let commits = try GitFixture.revList(in: fixture.path)
        #expect(commits.count == 19)

        var sawRename = false
        var sawPureRename = false
        var sawBinary = false
        let parentsByCommit = try GitFixture.parentsByCommit(in: fixture.path)
        for id in commits {
            let parents = parentsByCommit[id] ?? []
            let expected = Self.sorted(try GitFixture.numstat(from: parents.first ?? empty, to: id, in: fixture.path))
            let actual = Self.entries(try repository.stats(of: id, against: parents.first))
            let subject = try repository.commit(id).subject
            #expect(actual == expected, "commit \(id) (\(subject))")
            sawRename = sawRename || expected.contains { $0.oldPath != nil && $0.added != 0 }
            sawPureRename = sawPureRename || expected.contains { $0.oldPath != nil && $0.added == 0 && $0.deleted == 0 }
            sawBinary = sawBinary || expected.contains { $0.added == nil }
        }
        // The fixture really holds what it is meant to hold, as git itself sees it.
        #expect(sawRename && sawPureRename && sawBinary)
        #expect(try GitFixture.parents(of: fixture.octopus, in: fixture.path).count == 3)
        #expect(try GitFixture.parents(of: fixture.merge, in: fixture.path).count == 2)
    }

    @Test func specificChangesHaveTheExpectedShape() throws {
        let fixture = try Self.shared.get()
        let repository = try #require(try GitRepository(path: fixture.path))
        func stats(_ id: String) throws -> CommitStats {
            try repository.stats(of: id, against: try GitFixture.parents(of: id, in: fixture.path).first)
        }
        #expect(try stats(fixture.pureRename).files == [FileChange(path: "lib/beta.txt", oldPath: "src/beta.txt", status: .renamed, added: 0, deleted: 0)])
        #expect(try stats(fixture.editedRename).files == [
            FileChange(path: "lib/gamma-renamed.txt", oldPath: "src/gamma.txt", status: .renamed, added: 1, deleted: 1)
        ])
        #expect(try stats(fixture.binaryAdded).files == [FileChange(path: "assets/blob.bin", status: .created, added: nil, deleted: nil)])
        #expect(try stats(fixture.binaryModified).files.map(\.isBinary) == [true])
        #expect(try stats(fixture.symlink).files == [FileChange(path: "link-to-alpha", status: .created, added: 1, deleted: 0)])
        #expect(try stats(fixture.modeChange).files == [FileChange(path: "tool.sh", added: 0, deleted: 0)])
        let root = try stats(fixture.root)
        #expect(root.files.count == 12)
        #expect(root.files.first { $0.path == "empty.txt" } == FileChange(path: "empty.txt", status: .created, added: 0, deleted: 0))
        #expect(root.files.first { $0.path == "crlf.txt" }?.added == 3)
        #expect(root.files.first { $0.path == "noeol.txt" }?.added == 2)
        #expect(root.files.first { $0.path == "control.txt" }?.isBinary == false)
        #expect(root.files.contains { $0.path == "dir with space/naïve fïle.txt" })
        // A merge is counted against its first parent: what the branch brought to main.
        let merge = try stats(fixture.merge)
        #expect(Set(merge.files.map(\.path)) == ["tests/unit_test.txt", "src/alpha.txt"])
        #expect(merge.linesAdded == 9)
        let octopus = try stats(fixture.octopus)
        #expect(Set(octopus.files.map(\.path)) == ["octo/one.txt", "octo/two.txt", "docs/deep/nested/note.md"])
    }

    @Test func commitMetadataMatchesGitLog() throws {
        let fixture = try Self.shared.get()
        let repository = try #require(try GitRepository(path: fixture.path))
        let format = "%H%x00%P%x00%an%x00%ae%x00%at%x00%ct%x00%ad%x00%s%x00"
        let log = try GitFixture.gitOutput(["log", "--date=format:%Y-%m-%d", "--format=\(format)", "HEAD"], in: fixture.path)
        var fields = [UInt8](log).split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if fields.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { fields.removeLast() }
        #expect(fields.count % 8 == 0)
        var checked = 0
        for start in stride(from: 0, to: fields.count - 7, by: 8) {
            let id = fields[start].trimmingCharacters(in: .whitespacesAndNewlines)
            let commit = try repository.commit(id)
            #expect(commit.parents == fields[start + 1].split(separator: " ").map(String.init), "\(id)")
            #expect(commit.author.name == fields[start + 2])
            #expect(commit.author.email == fields[start + 3])
            #expect(commit.author.time == Int64(fields[start + 4]))
            #expect(commit.committer.time == Int64(fields[start + 5]))
            #expect(commit.author.day == fields[start + 6], "day of \(id)")
            #expect(commit.subject == fields[start + 7], "subject of \(id)")
            #expect(commit.isMerge == (commit.parents.count > 1))
            checked += 1
        }
        #expect(checked == 19)
        // +05:30 and -08:00 were recorded with their offsets.
        let offsets = Set(try GitFixture.revList(in: fixture.path).map { try repository.commit($0).author.offsetMinutes })
        #expect(offsets == [0, 330, -480])
    }

    @Test func messagesInLatin1AndInvalidUTF8AreDecoded() throws {
        let fixture = try Self.shared.get()
        let repository = try #require(try GitRepository(path: fixture.path))
        let latin1 = try repository.commit(fixture.latin1)
        #expect(latin1.subject == "Überprüfung der Größe")
        #expect(latin1.body == "Körper")
        let invalid = try repository.commit(fixture.invalidUTF8)
        #expect(invalid.subject.hasPrefix("Broken "))
        #expect(invalid.subject.unicodeScalars.contains("\u{FFFD}"))
        #expect(invalid.subject.hasSuffix("("))
        #expect(invalid.body == "")
    }

    /// In a commit with an `encoding` header the whole object is in that encoding, names included
    /// (`git log` shows "Jürgen" here).
    @Test func latin1AuthorNamesAreDecodedWithTheCommitEncoding() throws {
        let repo = try GitRepositoryBuilder()
        try repo.write("a.txt", "a\n")
        let name: [UInt8] = Array("J".utf8) + [0xFC] + Array("rgen".utf8)
        let message: [UInt8] = [0xC4] + Array("nderung\n".utf8)
        let id = try repo.rawCommit(message: message, encoding: "ISO-8859-1", authorName: name, time: 1_764_000_000)
        #expect(try GitFixture.gitLine(["log", "-1", "--format=%an|%s", id], in: repo.path) == "Jürgen|Änderung")
        let repository = try #require(try GitRepository(path: repo.path))
        let commit = try repository.commit(id)
        #expect(commit.subject == "Änderung")
        #expect(commit.author.name == "Jürgen")
        #expect(commit.committer.name == "Jürgen")
    }

    /// ISO-8859-15 is not Latin-1: 0xA4 is the euro sign there (`git log` shows "€").
    @Test func iso885915MessagesAreNotReadAsLatin1() throws {
        let repo = try GitRepositoryBuilder()
        try repo.write("a.txt", "a\n")
        let id = try repo.rawCommit(message: Array("Preis 5 ".utf8) + [0xA4] + Array("\n".utf8), encoding: "ISO-8859-15", time: 1_764_000_000)
        #expect(try GitFixture.gitLine(["log", "-1", "--format=%s", id], in: repo.path) == "Preis 5 €")
        let repository = try #require(try GitRepository(path: repo.path))
        #expect(try repository.commit(id).subject == "Preis 5 €")
    }

    @Test func historyScannerListsExactlyTheRevListCommitsWithTheSameStats() throws {
        let fixture = try Self.shared.get()
        let history = try #require(try HistoryScanner(repositoryPath: fixture.path).scan())
        let expected = try GitFixture.revList(in: fixture.path)
        #expect(history.commits.count == expected.count)
        #expect(Set(history.commits.map(\.id)) == Set(expected))
        #expect(history.head == expected.first)
        #expect(history.findings.isEmpty)
        #expect(history.isShallow == false)
        #expect(history.isHeadDetached == false)
        #expect(history.stats.count == expected.count)
        let repository = try #require(try GitRepository(path: fixture.path))
        for commit in history.commits {
            #expect(history.stats[commit.id] == (try repository.stats(of: commit.id, against: commit.parents.first)), "\(commit.id)")
        }
        // Children are listed before their parents.
        let position = Dictionary(uniqueKeysWithValues: history.commits.enumerated().map { ($1.id, $0) })
        for commit in history.commits {
            for parent in commit.parents { #expect(position[commit.id]! < position[parent]!) }
        }
    }

    /// A file replaced by a symlink and back: `git diff --numstat` gives one entry for the path
    /// (its old lines deleted, its new lines added), not a deletion and an addition.
    @Test func typeChangesCountLikeGit() throws {
        let repo = try GitRepositoryBuilder()
        try repo.write("target.txt", Self.lines("target", 5))
        try repo.write("swap", Self.lines("swap", 4))
        try repo.commit("Root")
        try repo.remove("swap")
        try repo.folder.link("swap", to: "target.txt")
        try repo.commit("File becomes a symlink")
        try repo.remove("swap")
        try repo.write("swap", "plain again\n")
        try repo.commit("Symlink becomes a file")
        // A binary file that becomes a symlink, and a symlink that becomes a binary file.
        try repo.write("picture", bytes: [0x89, 0x50, 0x4E, 0x47, 0, 0, 0x0A, 1, 2, 0x0A, 0])
        try repo.commit("Add a binary file")
        try repo.remove("picture")
        try repo.folder.link("picture", to: "target.txt")
        try repo.commit("Binary file becomes a symlink")
        try repo.remove("picture")
        try repo.write("picture", bytes: [0, 1, 2, 0x0A, 0, 0x0A])
        try repo.commit("Symlink becomes a binary file")
        // Totals agree whichever way the change is listed …
        let repository = try #require(try GitRepository(path: repo.path))
        let parentsByCommit = try GitFixture.parentsByCommit(in: repo.path)
        let empty = try GitFixture.emptyTree(in: repo.path)
        for id in try GitFixture.revList(in: repo.path) {
            let parent = parentsByCommit[id]?.first
            let stats = try repository.stats(of: id, against: parent)
            let git = try GitFixture.numstat(from: parent ?? empty, to: id, in: repo.path)
            #expect(stats.linesAdded == git.reduce(0) { $0 + ($1.added ?? 0) })
            #expect(stats.linesDeleted == git.reduce(0) { $0 + ($1.deleted ?? 0) })
        }
        // … and the entries are git's: one per path.
        try Self.compareEveryCommit(repo.path)
    }

    /// Two identical files moved at once: each rename pairs the same old and new paths as git.
    @Test func identicalFilesMovedTogetherPairLikeGit() throws {
        let repo = try GitRepositoryBuilder()
        try repo.write("a/one.txt", Self.lines("same", 10))
        try repo.write("a/two.txt", Self.lines("same", 10))
        try repo.write("a/three.txt", Self.lines("other", 10))
        try repo.commit("Root")
        try repo.git(["mv", "a", "b"])
        try repo.commit("Move the folder")
        try Self.compareEveryCommit(repo.path)
    }

    /// Moving a folder of a few hundred files (some edited on the way) is renames for git,
    /// whose rename limit is 1000 sources; a lower limit would count every line twice.
    @Test func aLargeFolderMoveCountsAsRenamesLikeGit() throws {
        let repo = try GitRepositoryBuilder()
        for index in 0..<240 {
            try repo.write("old/file\(index).txt", (0..<8).map { "file \(index) line \($0) of a module\n" }.joined())
        }
        try repo.commit("Root")
        try repo.git(["mv", "old", "new"])
        for index in stride(from: 0, to: 240, by: 2) {
            try repo.write("new/file\(index).txt", (0..<8).map { "file \(index) line \($0) of a module\n" }.joined() + "edited\n")
        }
        let move = try repo.commit("Move the module")
        let git = try GitFixture.numstat(from: "\(move)^", to: move, in: repo.path)
        #expect(git.count == 240)
        #expect(git.allSatisfy { $0.oldPath != nil })
        let repository = try #require(try GitRepository(path: repo.path))
        let stats = try repository.stats(of: move, against: try repo.revParse("\(move)^"))
        #expect(stats.linesAdded == 120)
        #expect(stats.linesDeleted == 0)
        try Self.compareEveryCommit(repo.path)
    }

    static func compareEveryCommit(_ path: String) throws {
        let empty = try GitFixture.emptyTree(in: path)
        let repository = try #require(try GitRepository(path: path))
        let parentsByCommit = try GitFixture.parentsByCommit(in: path)
        for id in try GitFixture.revList(in: path) {
            let parents = parentsByCommit[id] ?? []
            let expected = sorted(try GitFixture.numstat(from: parents.first ?? empty, to: id, in: path))
            let actual = entries(try repository.stats(of: id, against: parents.first))
            #expect(actual == expected, "commit \(id)")
        }
    }
}
