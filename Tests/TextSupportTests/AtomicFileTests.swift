import Foundation
import Testing
@testable import TextSupport

/// Reports are written whole or not at all.
struct AtomicFileTests {
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "phasecert-atomic-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func leftovers(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
    }

    @Test func writesCreatesFoldersAndReplaces() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/reports/phase-1/phase.json"
        try AtomicFile.write(Data("first".utf8), to: path)
        try AtomicFile.write(Data("second".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try leftovers(in: root + "/reports/phase-1").isEmpty)
    }

    @Test func aFailedWriteLeavesTheOldFileAndNoTemporary() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A non-empty folder where the file should go: the rename fails.
        let path = root + "/index.html"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: path + "/old.txt"))
        #expect(throws: (any Error).self) { try AtomicFile.write(Data("new".utf8), to: path) }
        #expect(try String(contentsOfFile: path + "/old.txt", encoding: .utf8) == "keep")
        #expect(try leftovers(in: root).isEmpty)
    }
}
