import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import Scan

/// How often reading evidence files says how far it is: at every hundredth of the files (at
/// least every file) and at the last, never past the total.
@Suite struct EvidenceProgressStepTests {
    final class Messages: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ message: String) { lock.withLock { list.append(message) } }
        var all: [String] { lock.withLock { list } }
    }

    /// The `done` figures of the evidence-file messages of collecting `files` JUnit files.
    func reported(files: Int) throws -> [Int] {
        let folder = try TemporaryFolder()
        for index in 0..<files {
            try folder.write("results/junit-\(index).xml", "<testsuite name=\"s\" tests=\"1\"><testcase classname=\"c\" name=\"t\(index)\"/></testsuite>\n")
        }
        let tree = RepositoryTree(root: folder.path)
        let messages = Messages()
        _ = EvidenceCollector(tree: tree, configuration: Configuration(), helm: nil)
            .collect(WorkTreeFiles(tree: tree, reportsFolder: "reports"), progress: messages.add)
        let prefix = "evidence files "
        return try messages.all.filter { $0.hasPrefix(prefix) }.map { message in
            let figures = message.dropFirst(prefix.count).split(separator: "/")
            #expect(figures.count == 2 && Int(figures[1]) == files)
            return try #require(Int(figures[0]))
        }
    }

    @Test func manyFilesAreCountedInHundredthsAndAtTheLast() throws {
        let done = try reported(files: 250)
        #expect(done.contains(250))
        #expect(done.allSatisfy { $0 == 250 || $0 % 2 == 0 })
        #expect(done.allSatisfy { (1...250).contains($0) })
    }

    @Test func fewFilesAreCountedOneByOne() throws {
        let done = try reported(files: 5)
        #expect(done.contains(5))
        #expect(done.allSatisfy { (1...5).contains($0) })
        #expect(done.count == 5)
    }

    @Test func theStepIsAHundredthAtLeastOne() {
        #expect(EvidenceCollector.progressStep(count: 0) == 1)
        #expect(EvidenceCollector.progressStep(count: 199) == 1)
        #expect(EvidenceCollector.progressStep(count: 200) == 2)
        #expect(EvidenceCollector.progressStep(count: 8_487) == 84)
    }
}
