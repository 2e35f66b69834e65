import Foundation
import PropertyBased
import Scan
import TestSupport
import Testing
import TextSupport

/// `RepositoryTree.realPath(of:)` walks the components below the root with `lstat` and leaves
/// links and `.`/`..` to `realpath`; whatever the path, it gives what `realpath` gives.
struct RepositoryTreeRealPathTests {
    /// A repository with folders, files, and links inside, outside, dangling and in a loop.
    private static func fixture() throws -> (TemporaryFolder, TemporaryFolder) {
        let folder = try TemporaryFolder(), outside = try TemporaryFolder()
        try folder.write("src/app/main.swift", "let x = 1\n")
        try folder.write("docs/notes.md", "# Notes\n")
        try folder.write("README.md", "# R\n")
        try outside.write("secret.txt", "s\n")
        try folder.link("src/alias", to: "app")
        try folder.link("docs/readme-link.md", to: "../README.md")
        try folder.link("out", to: outside.path)
        try folder.link("dangling", to: "nowhere")
        try folder.link("loop-a", to: "loop-b")
        try folder.link("loop-b", to: "loop-a")
        return (folder, outside)
    }

    static let components = [
        "src", "app", "main.swift", "alias", "docs", "notes.md", "readme-link.md", "README.md", "out", "secret.txt",
        "dangling", "loop-a", "missing", ".", "..", "",
    ]

    @Test func givesWhatRealpathGives() async throws {
        let (folder, outside) = try Self.fixture()
        let tree = RepositoryTree(root: folder.path)
        await propertyCheck(input: Gen.int(in: 0...(Self.components.count - 1)).array(of: 0...5)) { indices in
            let path = indices.map { Self.components[$0] }.joined(separator: "/") + (indices.count.isMultiple(of: 3) ? "/" : "")
            #expect(tree.realPath(of: path) == Self.realpath(tree.absolute(path)), "\(path)")
        }
        withExtendedLifetime(outside) {}
    }

    @Test func examples() throws {
        let (folder, outside) = try Self.fixture()
        let tree = RepositoryTree(root: folder.path)
        #expect(tree.realPath(of: "src/app/main.swift") == folder.path + "/src/app/main.swift")
        #expect(tree.realPath(of: "src//app/") == folder.path + "/src/app")
        #expect(tree.realPath(of: "src/alias/main.swift") == folder.path + "/src/app/main.swift")
        #expect(tree.realPath(of: "docs/readme-link.md") == folder.path + "/README.md")
        #expect(tree.realPath(of: "out/secret.txt") == outside.path + "/secret.txt")
        #expect(tree.realPath(of: "src/app/../../README.md") == folder.path + "/README.md")
        #expect(tree.realPath(of: "") == folder.path)
        for missing in ["missing", "src/missing/x", "README.md/x", "README.md/", "src/app/main.swift//", "dangling", "loop-a/x"] {
            #expect(tree.realPath(of: missing) == nil, "\(missing)")
        }
    }

    private static func realpath(_ path: String) -> String? {
        guard let resolved = Glibc.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
