import Foundation
import PhaseModel
import PhasecertKit
import Scan
import Testing
import TestSupport

/// `EvidenceFiles`: the files given, each read, not found, or not recognised.
struct EvidenceFilesTests {
    @Test func eachFileGivenIsReadOrSaysWhyNot() throws {
        let folder = try TemporaryFolder()
        let junit = try folder.write(
            "junit.xml", "<testsuite name=\"s\" tests=\"2\" failures=\"0\"><testcase name=\"a\"/><testcase name=\"b\"/></testsuite>\n")
        let notes = try folder.write("notes.txt", "nothing to see\n")
        guard case let .read(result) = EvidenceFiles.read("junit.xml", atPath: junit) else {
            Issue.record("junit.xml was not read")
            return
        }
        #expect(result.path == "junit.xml" && result.counts.passed == 2)
        guard case .unrecognised(file: "notes.txt") = EvidenceFiles.read("notes.txt", atPath: notes) else {
            Issue.record("notes.txt was recognised")
            return
        }
        guard case .unreadable(file: "gone.xml") = EvidenceFiles.read("gone.xml", atPath: folder.path + "/gone.xml") else {
            Issue.record("a missing file was read")
            return
        }
    }

    @Test func discoveredFilesAreThoseTheScanFinds() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("build/results/junit.xml", "<testsuite name=\"s\" tests=\"1\"><testcase name=\"a\"/></testsuite>\n")
        _ = try folder.write("README.md", "# Readme\n")
        let results = EvidenceFiles.discovered(root: folder.path, configuration: Configuration())
        #expect(results.map(\.path) == ["build/results/junit.xml"])
    }
}
