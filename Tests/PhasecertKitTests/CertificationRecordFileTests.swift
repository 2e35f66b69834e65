import Foundation
import PhasecertKit
import Testing
import TestSupport

/// `CertificationRecordFile`: the `phase.json` `verify` reads, and the check against a new assessment.
struct CertificationRecordFileTests {
    @Test func aWrittenPhaseModelHoldsForTheSameRepository() throws {
        let fixture = try PipelineFixture()
        let (pipeline, assessment) = try fixture.assessed()
        let closing = try pipeline.close(assessment, phases: ["1"], all: false, locales: [.en])
        try ReportWriter.write(closing.files, to: fixture.path + "/reports", repository: fixture.path)
        let record = try CertificationRecordFile.read(atPath: fixture.path + "/reports/phase-1/phase.json", shown: "phase.json")
        let again = pipeline.assess(try pipeline.scan())
        #expect(again.check(record, recordPath: "reports/phase-1/phase.json").holds)
    }

    @Test func aFolderOrAMissingFileIsNamedAsGiven() throws {
        let folder = try TemporaryFolder()
        let notAFile = #expect(throws: VerifyInputError.self) { try CertificationRecordFile.read(atPath: folder.path, shown: "given") }
        #expect(notAFile?.description == "given: a folder, not a phase.json file")
        let missing = #expect(throws: VerifyInputError.self) {
            try CertificationRecordFile.read(atPath: folder.path + "/phase.json", shown: "phase.json")
        }
        #expect(missing?.exitCode == 3)
    }
}
