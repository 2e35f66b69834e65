import Foundation
import Testing
import TestSupport
@testable import TextSupport

/// Temporary files that a killed writer left are removed by the next write into their folder;
/// a live writer's and everybody else's files are not.
struct StaleTemporaryFileTests {
    static let id = UUID(uuidString: "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0")!

    /// A process id that no process has: a child that has exited and been waited for.
    static func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    func names(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func theNameRoundTrips() {
        let name = TemporaryFileName(target: "phase.json", processID: 4242, id: Self.id)
        #expect(name.description == ".phase.json.4242.0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0.tmp")
        #expect(TemporaryFileName(parsing: name.description) == name)
        let fresh = TemporaryFileName(target: "index.html")
        #expect(fresh.processID == ProcessInfo.processInfo.processIdentifier)
        #expect(TemporaryFileName(parsing: fresh.description) == fresh)
    }

    @Test(arguments: [
        ".13-B.json.123.ABC.tmp",  // not a UUID
        ".x.123.0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.tmp",  // lower case: not what UUID writes
        ".x.0123.0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0.tmp",  // a leading zero
        ".x.0.0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0.tmp",  // no process has id 0
        ".x.-5.0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0.tmp",
        "..123.0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0.tmp",  // no target name
        "x.123.0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0.tmp",  // not hidden
        ".x.123.0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0.tmp.bak",
        ".history-123.tmp",
        ".x.99999999999.0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0.tmp",  // beyond a process id
    ])
    func otherNamesAreNotPhasecerts(name: String) {
        #expect(TemporaryFileName(parsing: name) == nil)
    }

    @Test func aDeadWritersFileIsRemovedALiveOnesKept() throws {
        let folder = try TemporaryFolder()
        let dead = try Self.deadProcessID()
        let stale = TemporaryFileName(target: "phase.json", processID: dead, id: UUID()).description
        let live = TemporaryFileName(target: "phase.json").description  // this process: a concurrent writer
        try folder.write(stale, "half")
        try folder.write(live, "half")
        #expect(StaleTemporaryFiles.remove(in: folder.path) == [stale])
        #expect(try names(in: folder.path) == [live])
    }

    @Test func aFileLongUnchangedIsAbandonedEvenWhenItsProcessIDIsTaken() throws {
        let folder = try TemporaryFolder()
        let recent = TemporaryFileName(target: "a.md", processID: 77, id: UUID()).description
        let old = TemporaryFileName(target: "b.md", processID: 77, id: UUID()).description
        try folder.write(recent, "x")
        try folder.write(old, "x")
        let longAgo = Date().addingTimeInterval(-StaleTemporaryFiles.abandonedAfter - 60)
        try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: folder.path + "/" + old)
        #expect(StaleTemporaryFiles.remove(in: folder.path, isRunning: { _ in true }) == [old])
        #expect(try names(in: folder.path) == [recent])
    }

    @Test func namesThatDoNotMatchExactlyAreLeftAlone() throws {
        let folder = try TemporaryFolder()
        let others = [
            ".13-B.json.123.ABC.tmp", ".editor.swp.tmp", "notes.tmp", ".x.0123.0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0.tmp",
            ".history-123.tmp", "phase.json",
        ]
        for name in others { try folder.write(name, "keep") }
        // A folder and a link with phasecert's naming are not files it left either.
        let dead = try Self.deadProcessID()
        let folderName = TemporaryFileName(target: "f", processID: dead, id: UUID()).description
        let linkName = TemporaryFileName(target: "l", processID: dead, id: UUID()).description
        try folder.makeFolder(folderName)
        try folder.link(linkName, to: folder.path + "/phase.json")
        #expect(StaleTemporaryFiles.remove(in: folder.path, isRunning: { _ in false }).isEmpty)
        #expect(try names(in: folder.path) == (others + [folderName, linkName]).sorted())
    }

    @Test func theNextWriteIntoTheFolderTidiesUp() throws {
        let folder = try TemporaryFolder()
        let dead = try Self.deadProcessID()
        let stale = TemporaryFileName(target: "completion.en.md", processID: dead, id: UUID()).description
        let live = TemporaryFileName(target: "completion.en.md").description
        try folder.write("phase-1/" + stale, "half")
        try folder.write("phase-1/" + live, "half")
        try folder.write("other/" + stale, "half")
        try AtomicFile.write(Data("whole".utf8), to: folder.path + "/phase-1/completion.en.md", within: WriteBoundary(root: folder.path, name: "the output folder"))
        #expect(try names(in: folder.path + "/phase-1") == [live, "completion.en.md"].sorted())
        // Only the folder written into: another is tidied when something is written there.
        #expect(try names(in: folder.path + "/other") == [stale])
    }

    @Test func aWriteLeavesNoTemporaryFileBehind() throws {
        let folder = try TemporaryFolder()
        let boundary = WriteBoundary(root: folder.path, name: "the output folder")
        for round in 0..<3 { try AtomicFile.write(Data("round \(round)".utf8), to: folder.path + "/index.html", within: boundary) }
        #expect(try names(in: folder.path) == ["index.html"])
        #expect(try String(contentsOfFile: folder.path + "/index.html", encoding: .utf8) == "round 2")
    }
}
