import Foundation
import PhasecertKit
import Testing
import TestSupport

/// `StarterFiles`: what `init` writes, what it keeps, and that every target is checked first.
struct StarterFilesTests {
    @Test func anExistingFileIsKeptUnlessForced() throws {
        let folder = try TemporaryFolder()
        let starter = StarterFiles(repository: folder.path, configurationPath: nil, templates: true)
        #expect(starter.files.first?.path == folder.path + "/phasecert.yml")
        #expect(starter.files.dropFirst().allSatisfy { $0.path.hasPrefix(folder.path + "/templates/") })
        _ = try folder.write("phasecert.yml", "locales: [en]\n")
        let plan = try starter.plan(force: false)
        #expect(plan.kept == ["phasecert.yml"])
        #expect(plan.writes.count == starter.files.count - 1)
        #expect(try starter.plan(force: true).kept.isEmpty)
    }

    @Test func plannedFilesAreWrittenWhereTheyAreNamed() throws {
        let folder = try TemporaryFolder()
        let plan = try StarterFiles(repository: folder.path, configurationPath: folder.path + "/ci/phasecert.yml", templates: false)
            .plan(force: false)
        #expect(plan.writes.map(\.shown) == ["ci/phasecert.yml"])
        try FileManager.default.createDirectory(atPath: folder.path + "/ci", withIntermediateDirectories: true)
        try plan.writes[0].write()
        #expect(FileManager.default.fileExists(atPath: folder.path + "/ci/phasecert.yml"))
    }
}
