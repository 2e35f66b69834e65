import Foundation
import PropertyBased
import TestSupport
import Testing
@testable import Scan

/// `WorkTreeReads` answers what `RepositoryTree` answers, asking the file system once a path, and
/// keeps the signature of every path it looked at from before it read it.
struct WorkTreeReadsTests {
    static let components = ["src", "app", "main.swift", "alias", "docs", "notes.md", "out", "dangling", "missing", "..", ""]

    @Test func answersWhatTheTreeAnswers() async throws {
        let folder = try TemporaryFolder(), outside = try TemporaryFolder()
        try folder.write("src/app/main.swift", "let x = 1\n")
        try folder.write("docs/notes.md", "# Notes\n")
        try outside.write("x.txt", "x\n")
        try folder.link("src/alias", to: "app")
        try folder.link("out", to: outside.path)
        try folder.link("dangling", to: "nowhere")
        let tree = RepositoryTree(root: folder.path)
        let memo = WorkTreeReads(tree: tree)
        await propertyCheck(input: Gen.int(in: 0...(Self.components.count - 1)).array(of: 1...4)) { indices in
            let path = indices.map { Self.components[$0] }.joined(separator: "/")
            // Twice: the second answer comes from memory.
            for _ in 0..<2 {
                #expect(memo.realPath(of: path) == tree.realPath(of: path), "\(path)")
                #expect(memo.isFile(path) == tree.isFile(path), "\(path)")
                #expect(memo.isDirectory(path) == tree.isDirectory(path), "\(path)")
            }
        }
        withExtendedLifetime(outside) {}
    }

    @Test func asksTheFileSystemOncePerPath() throws {
        let folder = try TemporaryFolder()
        try folder.write("src/main.swift", "let x = 1\n")
        let memo = WorkTreeReads(tree: RepositoryTree(root: folder.path))
        #expect(memo.isFile("src/main.swift"))
        #expect(memo.realPath(of: "src/main.swift") != nil)
        #expect(!memo.isDirectory("src/main.swift"))
        try FileManager.default.removeItem(atPath: folder.path + "/src/main.swift")
        #expect(memo.isFile("src/main.swift"))
        #expect(memo.realPath(of: "src/main.swift") != nil)
        #expect(!RepositoryTree(root: folder.path).isFile("src/main.swift"))
    }

    @Test func keepsTheSignatureOfEveryPathLookedAtFromItsFirstLook() throws {
        let folder = try TemporaryFolder()
        try folder.write("src/main.swift", "let x = 1\n")
        try folder.write("src/app/b.swift", "let b = 1\n")
        try folder.write("docs/a.md", "# A\n")
        let tree = RepositoryTree(root: folder.path)
        let reads = WorkTreeReads(tree: tree)
        let before = FileSignature(absolutePath: tree.absolute("src/main.swift"))
        #expect((try? reads.text(of: "src/main.swift").get())?.lines == 1)
        try folder.write("src/main.swift", "let x = 1\nlet y = 2\n")
        #expect(reads.bytes(of: "src/main.swift")?.count == 20)
        #expect(reads.signatures["src/main.swift"] == before)
        #expect(before != FileSignature(absolutePath: tree.absolute("src/main.swift")))

        _ = reads.files(under: "src")
        _ = try reads.entries(of: "docs")
        _ = reads.isFile("nothing/here.md")
        #expect(Set(reads.signatures.keys) == ["src/main.swift", "src", "src/app", "src/app/b.swift", "docs", "nothing/here.md"])
        #expect(reads.signatures["nothing/here.md"]?.fields == nil)
    }

    @Test func threadsThatSawAFileChangeVouchForNothing() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.md", "# A\n")
        try folder.write("b.md", "# B\n")
        let a = FileSignature(absolutePath: folder.path + "/a.md")
        let b = FileSignature(absolutePath: folder.path + "/b.md")
        let missing = FileSignature(absolutePath: folder.path + "/c.md")
        #expect(ClaimFacts.merged([["a.md": a], ["a.md": a, "b.md": b], [:]]) == ["a.md": a, "b.md": b])
        try folder.write("a.md", "# A, longer\n")
        let changed = FileSignature(absolutePath: folder.path + "/a.md")
        #expect(ClaimFacts.merged([["a.md": a], ["a.md": changed]]) == nil)
        #expect(ClaimFacts.merged([["c.md": missing], ["c.md": b]]) == nil)
    }
}
