import Foundation
import PhaseModel
import Scan
import Testing
import TestSupport
@testable import TaskNaming

/// Which Markdown files `--fix` reads, and which it leaves alone.
struct MarkdownFilesTests {
    @Test func everyMarkdownFileOutsideHiddenFoldersAndLinksIsListed() throws {
        let folder = try TemporaryFolder()
        for path in ["README.md", "docs/a.md", "docs/deep/B.MD", "docs/c.txt", ".git/x.md", ".build-x/y.md", "docs/.hidden/z.md"] {
            try folder.write(path, "# x\n")
        }
        try folder.link("docs/linked.md", to: folder.path + "/README.md")
        try folder.link("linked-folder", to: folder.path + "/docs")
        #expect(MarkdownFiles.paths(in: RepositoryTree(root: folder.path)) == ["README.md", "docs/a.md", "docs/deep/B.MD"])
    }

    @Test func invalidUTF8IsSkippedNamingTheLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("bad.md", data: Data("line one\nline two \u{00E9}\n".utf8) + Data([0xC3, 0x28, 0x0A]))
        let result = MarkdownFiles.read("bad.md", in: RepositoryTree(root: folder.path))
        #expect(result == .failure(.invalidUTF8(line: 3)))
        if case let .failure(skip) = result { #expect(skip.description == "not valid UTF-8 (line 3)") }
    }

    @Test func binaryAndOversizedFilesAreSkipped() throws {
        let folder = try TemporaryFolder()
        try folder.write("nul.md", data: Data([0x61, 0x00, 0x62]))
        try folder.write("big.md", String(repeating: "[a](b)\n", count: 100))
        let tree = RepositoryTree(root: folder.path)
        #expect(MarkdownFiles.read("nul.md", in: tree) == .failure(.binary))
        #expect(MarkdownFiles.read("big.md", in: tree, limit: 699) == .failure(.tooLarge(bytes: 700, limit: 699)))
        #expect(try MarkdownFiles.read("big.md", in: tree, limit: 700).get().count == 700)
        #expect(MarkdownFiles.read("missing.md", in: tree) == .failure(.unreadable("No such file or directory")))
    }

    @Test func aRewrittenFileKeepsItsPermissions() throws {
        let folder = try TemporaryFolder()
        try folder.write("run.md", "old\n")
        chmod(folder.path + "/run.md", 0o755)
        try MarkdownFiles.write(Array("new\n".utf8), to: "run.md", in: RepositoryTree(root: folder.path))
        var info = stat()
        stat(folder.path + "/run.md", &info)
        #expect(info.st_mode & 0o777 == 0o755)
        #expect(try String(contentsOfFile: folder.path + "/run.md", encoding: .utf8) == "new\n")
    }
}
