import Foundation
import PhasecertKit
import Render
import Testing
import TestSupport

/// `ReportWriter` and a report file read back from the reports folder (`ReportFile.isOnDisk`):
/// one still there at its size is only marked as written now, without being read again; one
/// gone, resized or replaced by a link is written.
struct ReportWriterOnDiskFileTests {
    func inode(_ path: String) -> UInt {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt(info.st_ino) : 0
    }

    func onDisk(_ path: String, _ text: String) -> ReportFile {
        var file = ReportFile(path: path, contents: Array(text.utf8))
        file.isOnDisk = true
        return file
    }

    @Test func aFileStillThereIsOnlyMarkedAsWrittenNow() throws {
        let repository = try TemporaryFolder()
        let folder = repository.path + "/reports"
        // Other bytes of the same size: had the file been read and compared, it would be replaced.
        let path = try repository.write("reports/kept.md", "KEPT")
        let before = inode(path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: path)
        let started = Date(timeIntervalSinceNow: -1)
        try ReportWriter.write([onDisk("kept.md", "kept")], to: folder, repository: repository.path)
        #expect(inode(path) == before)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "KEPT")
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        #expect(modified >= started)
        // Not read back from the folder, the same file is compared, and replaced.
        try ReportWriter.write([ReportFile(path: "kept.md", contents: Array("kept".utf8))], to: folder, repository: repository.path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "kept")
    }

    @Test func aFileGoneResizedOrLinkedIsWritten() throws {
        let repository = try TemporaryFolder()
        let folder = repository.path + "/reports"
        _ = try repository.write("reports/resized.md", "longer than it was")
        _ = try repository.write("reports/target.md", "four")
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.md", withDestinationPath: "target.md")
        try ReportWriter.write(
            [onDisk("gone.md", "gone"), onDisk("resized.md", "kept"), onDisk("link.md", "four")], to: folder, repository: repository.path)
        #expect(try String(contentsOfFile: folder + "/gone.md", encoding: .utf8) == "gone")
        #expect(try String(contentsOfFile: folder + "/resized.md", encoding: .utf8) == "kept")
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/link.md")
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
    }
}

/// Whether a file was read back is not part of what it is.
struct ReportFileEqualityTests {
    @Test func aFileReadBackEqualsTheSameFileRendered() {
        var readBack = ReportFile(path: "a.md", contents: [1, 2])
        readBack.isOnDisk = true
        #expect(readBack == ReportFile(path: "a.md", contents: [1, 2]))
        #expect(readBack != ReportFile(path: "a.md", contents: [1, 3]))
        #expect(readBack != ReportFile(path: "b.md", contents: [1, 2]))
        var keyed = ReportFile(path: "a.md", contents: [1, 2])
        keyed.renderKey = "k"
        #expect(readBack != keyed)
    }
}
