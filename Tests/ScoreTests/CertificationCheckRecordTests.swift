import Foundation
import PhaseModel
import PropertyBased
import Testing
@testable import Score

/// `CertificationCheck.Record`: reading a `phase.json`, and saying what is wrong with one that is not.
struct CertificationCheckRecordTests {
    typealias Record = CertificationCheck.Record

    func problemReading(_ text: String) -> CertificationCheck.RecordProblem? {
        do {
            _ = try Record(data: Data(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func aWrittenRecordReadsBackWhole() throws {
        let model = CheckFixture.narrow(CheckFixture().assessed, to: "1")
        let record = try Record(data: CanonicalJSON.encode(model))
        #expect(record.workspace == model)
        #expect(record.phase.id == "1")
        #expect(record.certification == model.phases[0].certification)
    }

    @Test(arguments: [
        ("", "not valid JSON"),
        ("{\"schemaVersion\": 1, \"phases\": [", "not valid JSON"),
        ("[1, 2]", "not a phasecert phase model"),
        ("{}", "not a phasecert phase model (no schemaVersion)"),
        ("{\"schemaVersion\": \"1\"}", "not a phasecert phase model (schemaVersion: expected Int"),
        ("{\"schemaVersion\": 7, \"phases\": []}", "schemaVersion 7, but this phasecert reads schemaVersion 1"),
    ])
    func bytesThatAreNotAPhaseModelAreMalformed(text: String, start: String) throws {
        let problem = try #require(problemReading(text))
        guard case .malformed = problem else {
            Issue.record("expected a malformed record, got \(problem)")
            return
        }
        #expect(problem.description.hasPrefix(start), "\(problem)")
    }

    @Test func aWrongFieldIsNamedByItsPath() throws {
        var json = String(decoding: try CanonicalJSON.encode(CheckFixture.narrow(CheckFixture().assessed, to: "1")), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"linesAdded\" : 120", with: "\"linesAdded\" : \"many\"")
        let problem = try #require(problemReading(json))
        #expect(problem.description == "not a phasecert phase model (tasks[0].git.linesAdded: expected Int)")
    }

    @Test func aFileOfNoPhaseOrOfSeveralIsNotOneRecord() throws {
        let none = try #require(problemReading("{\"schemaVersion\": 1, \"phases\": []}"))
        #expect(none == .phaseCount([]))
        let both = try CanonicalJSON.encode(CheckFixture().assessed)
        #expect(throws: CertificationCheck.RecordProblem.phaseCount(["1", "2"])) { try Record(data: both) }
        #expect(CertificationCheck.RecordProblem.phaseCount(["1", "2"]).description.hasPrefix("holds phases 1, 2; verify reads"))
    }

    @Test func aPhaseWithoutCertificationIsNotARecord() throws {
        let scanned = CheckFixture.narrow(CheckFixture().scanned, to: "1")
        #expect(throws: CertificationCheck.RecordProblem.uncertified(phase: "1")) {
            try Record(data: CanonicalJSON.encode(scanned))
        }
    }

    /// Cutting a record anywhere, or overwriting any byte, gives a record or a problem that says
    /// something, never a crash.
    @Test func damagedBytesAreARecordOrAProblem() async throws {
        let data = try CanonicalJSON.encode(CheckFixture.narrow(CheckFixture().assessed, to: "1"))
        await propertyCheck(input: Gen.int(in: 0...(data.count - 1)), Gen.int(in: 0...255), Gen.bool()) { position, byte, cut in
            var damaged = data
            if cut {
                damaged = data.prefix(position)
            } else {
                damaged[position] = UInt8(byte)
            }
            do {
                let record = try Record(data: damaged)
                #expect(record.phase.id == "1")
            } catch {
                let problem = error as? CertificationCheck.RecordProblem
                #expect(problem.map { !$0.description.isEmpty } == true, "\(error)")
                if cut { #expect(problem?.description.hasPrefix("not valid JSON") == true, "\(error)") }
            }
        }
    }
}
