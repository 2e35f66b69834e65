import Foundation
import Testing
import TestSupport
@testable import TextSupport

/// Every writer's rule: nothing is written through a symbolic link that leaves the boundary.
struct ContainedWriteTests {
    /// Every file under `folder`, by relative path (links listed, not followed).
    func files(in folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func aFolderLinkedOutOfTheBoundaryIsRefusedAndNothingIsWrittenThere() throws {
        let repository = try TemporaryFolder()
        let outside = try TemporaryFolder()
        try repository.makeFolder("reports")
        try repository.link("reports/phase-1", to: outside.path)
        let boundary = WriteBoundary(root: repository.path, name: "the repository")
        let target = repository.path + "/reports/phase-1/phase.json"

        let error = #expect(throws: ContainedWriteError.self) { try AtomicFile.write(Data("{}".utf8), to: target, within: boundary) }
        #expect(error == .linkLeavesBoundary(path: repository.path + "/reports/phase-1", destination: outside.path, boundary: boundary.description))
        #expect(error?.exitCode == 3)
        // The message names the link, where it points, and the folder it leaves.
        #expect(error?.description == "\(repository.path)/reports/phase-1: a symbolic link to \(outside.path), outside the repository (\(repository.path)); phasecert does not write through it")
        #expect(error?.localizedDescription == error?.description)
        #expect(files(in: outside.path).isEmpty)
    }

    @Test func anyComponentCounts_theTopFolderAndTheFileItself() throws {
        let repository = try TemporaryFolder()
        let outside = try TemporaryFolder()
        let victim = try outside.write("victim.json", "keep")
        let boundary = WriteBoundary(root: repository.path, name: "the repository")
        try repository.link("reports", to: outside.path)
        #expect(throws: ContainedWriteError.self) { try AtomicFile.write(Data("x".utf8), to: repository.path + "/reports/a/b.json", within: boundary) }

        try repository.makeFolder("own")
        try repository.link("own/phase.json", to: victim)
        #expect(throws: ContainedWriteError.self) { try AtomicFile.write(Data("x".utf8), to: repository.path + "/own/phase.json", within: boundary) }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep")
        #expect(files(in: outside.path) == ["victim.json"])
    }

    @Test func aLinkThatStaysInsideIsFollowed() throws {
        let repository = try TemporaryFolder()
        try repository.makeFolder("build/kept")
        try repository.link("reports", to: repository.path + "/build/kept")
        // A relative link, and a chain of two, both ending inside.
        try repository.link("relative", to: "build")
        try repository.link("chain", to: "relative")
        let boundary = WriteBoundary(root: repository.path, name: "the repository")
        try AtomicFile.write(Data("one".utf8), to: repository.path + "/reports/phase-1/phase.json", within: boundary)
        try AtomicFile.write(Data("two".utf8), to: repository.path + "/chain/kept/index.html", within: boundary)
        #expect(try String(contentsOfFile: repository.path + "/build/kept/phase-1/phase.json", encoding: .utf8) == "one")
        #expect(try String(contentsOfFile: repository.path + "/build/kept/index.html", encoding: .utf8) == "two")
    }

    @Test func aChainThatEndsOutsideIsRefused() throws {
        let repository = try TemporaryFolder()
        let outside = try TemporaryFolder()
        try repository.link("hop", to: outside.path)
        try repository.link("reports", to: "hop")
        let boundary = WriteBoundary(root: repository.path, name: "the repository")
        let error = #expect(throws: ContainedWriteError.self) { try boundary.check(repository.path + "/reports/x.md") }
        #expect(error == .linkLeavesBoundary(path: repository.path + "/reports", destination: outside.path, boundary: boundary.description))
    }

    @Test func aLinkThatDoesNotResolveIsRefused() throws {
        let repository = try TemporaryFolder()
        try repository.link("reports", to: repository.path + "/nowhere")
        try repository.link("loop", to: "loop")
        let boundary = WriteBoundary(root: repository.path, name: "the repository")
        #expect(throws: ContainedWriteError.brokenLink(path: repository.path + "/reports", destination: repository.path + "/nowhere")) {
            try boundary.check(repository.path + "/reports/x.md")
        }
        #expect(throws: ContainedWriteError.brokenLink(path: repository.path + "/loop", destination: "loop")) {
            try AtomicFile.write(Data(), to: repository.path + "/loop", within: boundary)
        }
        #expect(!FileManager.default.fileExists(atPath: repository.path + "/nowhere"))
    }

    @Test func dotDotCannotClimbOut() throws {
        let repository = try TemporaryFolder()
        let boundary = WriteBoundary(root: repository.path + "/reports", name: "the output folder")
        let error = #expect(throws: ContainedWriteError.self) { try boundary.check(repository.path + "/reports/../escaped.md") }
        #expect(error == .outsideBoundary(path: repository.path + "/escaped.md", boundary: boundary.description))
        // Inside, `..` is taken by the text, and that path is the one written.
        try AtomicFile.write(Data("x".utf8), to: repository.path + "/reports/a/../b.md", within: boundary)
        #expect(files(in: repository.path) == ["reports", "reports/b.md"])
    }

    @Test func theRootsOwnLinksAreTheCallersChoice() throws {
        let real = try TemporaryFolder()
        let links = try TemporaryFolder()
        try links.link("out", to: real.path)
        // `--out links/out`: the named folder may itself be a link; what lies below it is checked.
        let boundary = WriteBoundary.enclosing(links.path + "/out", repository: "/nonexistent-repository")
        #expect(boundary.root == links.path + "/out")
        #expect(boundary.name == "the output folder")
        try AtomicFile.write(Data("x".utf8), to: links.path + "/out/phase-1/phase.json", within: boundary)
        #expect(files(in: real.path) == ["phase-1", "phase-1/phase.json"])
    }

    @Test func theBoundaryIsTheRepositoryWhenTheFolderLiesInIt() {
        #expect(WriteBoundary.enclosing("/work/repo/.build/reports", repository: "/work/repo") == WriteBoundary(root: "/work/repo", name: "the repository"))
        #expect(WriteBoundary.enclosing("/work/repo", repository: "/work/repo/") == WriteBoundary(root: "/work/repo", name: "the repository"))
        #expect(WriteBoundary.enclosing("/work/repo-other/x", repository: "/work/repo") == WriteBoundary(root: "/work/repo-other/x", name: "the output folder"))
        #expect(WriteBoundary.enclosing("/work/repo/../out", repository: "/work/repo") == WriteBoundary(root: "/work/out", name: "the output folder"))
    }

    @Test func theFileAloneIsCheckedWithoutABoundary() throws {
        let folder = try TemporaryFolder()
        let outside = try TemporaryFolder()
        let victim = try outside.write("victim.txt", "keep")
        try folder.link("file.txt", to: victim)
        #expect(throws: ContainedWriteError.self) { try AtomicFile.write(Data("x".utf8), to: folder.path + "/file.txt") }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep")
    }
}
