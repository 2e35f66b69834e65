import Foundation
import PhasecertKit
import Render
import Testing
import TestSupport

/// `ReportWriter` leaves a report file that already holds the bytes it would write (setting only
/// its modification time, which CI steps read as "written by this run"), and replaces every other:
/// a changed one, and a link, even to the same bytes.
struct ReportWriterUnchangedFileTests {
    func inode(_ path: String) -> UInt {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt(info.st_ino) : 0
    }

    @Test func aFileWithTheSameBytesIsLeftAndAChangedOneReplaced() throws {
        let repository = try TemporaryFolder()
        let same = repository.path + "/reports/same.md", changed = repository.path + "/reports/changed.md"
        try ReportWriter.write(
            [ReportFile(path: "same.md", contents: Array("one".utf8)), ReportFile(path: "changed.md", contents: Array("two".utf8))],
            to: repository.path + "/reports", repository: repository.path)
        let (sameInode, changedInode) = (inode(same), inode(changed))
        // An hour back, so that the second write must set it again.
        let hourAgo = Date(timeIntervalSinceNow: -3600)
        try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: same)
        let started = Date(timeIntervalSinceNow: -1)
        try ReportWriter.write(
            [ReportFile(path: "same.md", contents: Array("one".utf8)), ReportFile(path: "changed.md", contents: Array("three".utf8))],
            to: repository.path + "/reports", repository: repository.path)
        #expect(inode(same) == sameInode)
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: same)[.modificationDate] as? Date)
        #expect(modified >= started, "the file left as it was is still marked as written by this run")
        #expect(inode(changed) != changedInode)
        #expect(try String(contentsOfFile: changed, encoding: .utf8) == "three")
    }

    @Test func aLinkToTheSameBytesIsReplacedByTheFile() throws {
        let repository = try TemporaryFolder()
        // The link's own size (its target's name, 9 bytes) equals the bytes', so only its type tells.
        _ = try repository.write("reports/target.md", "ninebytes")
        try FileManager.default.createSymbolicLink(atPath: repository.path + "/reports/link.md", withDestinationPath: "target.md")
        let contents = Array("ninebytes".utf8)
        try ReportWriter.write([ReportFile(path: "link.md", contents: contents)], to: repository.path + "/reports", repository: repository.path)
        let attributes = try FileManager.default.attributesOfItem(atPath: repository.path + "/reports/link.md")
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
    }
}
