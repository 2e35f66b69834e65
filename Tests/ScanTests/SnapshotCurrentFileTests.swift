import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// `SnapshotStore.previous(excluding:)` does not read the file named after the certification it
/// leaves out, which it would leave out whatever the file held.
struct SnapshotCurrentFileTests {
    let support = SnapshotStoreTests()

    @Test func theExcludedCertificationsOwnFileIsNotRead() throws {
        let folder = try TemporaryFolder()
        try support.write(support.model(commits: 40, date: "2025-12-01", certification: "13-A"), as: "13-A.json", in: folder)
        // Not JSON: read, it would be a problem of the lookup.
        try folder.write("\(SnapshotStoreTests.history)/13-B.json", "not a phase model")
        let store = try support.store(folder)
        #expect(try store.history().problems.map(\.path) == ["\(SnapshotStoreTests.history)/13-B.json"])

        let lookup = try store.previous(excluding: "13-B")
        #expect(lookup.problems.isEmpty)
        #expect(lookup.snapshot?.certificationID == "13-A")
        // Excluding another certification, the file is read and reported.
        #expect(try store.previous(excluding: "13-C").problems.map(\.path) == ["\(SnapshotStoreTests.history)/13-B.json"])
        #expect(try store.previous(excluding: nil).problems.count == 1)
    }

    @Test func aFileOfTheExcludedCertificationUnderAnotherNameIsStillLeftOut() throws {
        let folder = try TemporaryFolder()
        try support.write(support.model(commits: 40, date: "2025-12-01", certification: "13-A"), as: "13-A.json", in: folder)
        try support.write(support.model(commits: 41, date: "2025-12-02", certification: "13-B"), as: "renamed.json", in: folder)
        #expect(try support.store(folder).previous(excluding: "13-B").snapshot?.certificationID == "13-A")
    }
}
