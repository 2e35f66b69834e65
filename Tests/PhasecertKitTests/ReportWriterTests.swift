import Foundation
import PhasecertKit
import Render
import Scan
import Testing
import TestSupport
import TextSupport

/// `ReportWriter`: every target checked before the first file is written.
struct ReportWriterTests {
    @Test func filesAreWrittenUnderTheFolder() throws {
        let repository = try TemporaryFolder()
        let files = [ReportFile(path: "phase-1/phase.json", contents: Array("{}".utf8))]
        try ReportWriter.write(files, to: repository.path + "/reports", repository: repository.path)
        #expect(try String(contentsOfFile: repository.path + "/reports/phase-1/phase.json", encoding: .utf8) == "{}")
    }

    @Test func aLinkOutOfTheRepositoryStopsTheRunWithNothingWritten() throws {
        let repository = try TemporaryFolder()
        let elsewhere = try TemporaryFolder()
        try repository.makeFolder("reports")
        try repository.link("reports/phase-2", to: elsewhere.path)
        let files = [
            ReportFile(path: "phase-1/phase.json", contents: Array("{}".utf8)),
            ReportFile(path: "phase-2/phase.json", contents: Array("{}".utf8)),
        ]
        #expect(throws: ContainedWriteError.self) {
            try ReportWriter.write(files, to: repository.path + "/reports", repository: repository.path)
        }
        #expect(!FileManager.default.fileExists(atPath: repository.path + "/reports/phase-1"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }
}
