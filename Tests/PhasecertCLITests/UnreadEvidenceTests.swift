import Foundation
import PhaseModel
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// Evidence that could not be read, is in a format phasecert does not read, or repeats another
/// result file is a finding, and holds the test and coverage gate conditions failed until it is
/// dealt with (`gate.failOnUnreadEvidence`): a gate never passes on results nobody read.
@Suite struct UnreadEvidenceTests {
    static let hostile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/hostile")

    static let goodJUnit = """
        <?xml version="1.0"?>
        <testsuite name="good" tests="2" failures="0">
          <testcase classname="good" name="first"/>
          <testcase classname="good" name="second"/>
        </testsuite>

        """

    /// A repository with one task, one good JUnit file and `extra` written into `results/`.
    static func repository(config: String? = nil, _ extra: (GitRepositoryBuilder) throws -> Void = { _ in }) throws -> GitRepositoryBuilder {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TASKS.md", "# Tasks\n\n## Phase 1: One\n\n- [x] PC-001 first task\n")
        try repository.write("tasks/PC-001-first/tasks.md", "# PC-001\n\n- [x] build it\n- [x] test it\n")
        try repository.write("results/good.xml", goodJUnit)
        if let config { try repository.write("phasecert.yml", config) }
        try repository.commit("PC-001: first task")
        try extra(repository)
        return repository
    }

    static func scan(_ repository: GitRepositoryBuilder) throws -> (code: Int32, json: [String: Any]) {
        let result = CapturedConsole.run(["scan", "--json"], in: repository.path)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any], "\(result.err)")
        return (result.code, json)
    }

    static func findings(_ json: [String: Any]) -> [(rule: String, file: String?, line: Int?)] {
        ((json["findings"] as? [[String: Any]]) ?? []).map { ($0["rule"] as? String ?? "", $0["file"] as? String, $0["line"] as? Int) }
    }

    static func testPassRateCondition(_ json: [String: Any]) -> [String: Any]? {
        let phase = (json["phases"] as? [[String: Any]])?.first
        let conditions = (phase?["gate"] as? [String: Any])?["conditions"] as? [[String: Any]]
        return conditions?.first { $0["id"] as? String == "minTestPassRate" }
    }

    static func passed(_ json: [String: Any]) -> Int? {
        (json["tests"] as? [String: Any])?["passed"] as? Int
    }

    @Test func aCleanRepositoryPassesItsTestCondition() throws {
        let (code, json) = try Self.scan(try Self.repository())
        #expect(code == 0)
        let condition = try #require(Self.testPassRateCondition(json))
        #expect(condition["passed"] as? Bool == true)
        #expect(condition["unreadEvidence"] == nil, "absent, not null, when nothing is held")
        #expect(Self.passed(json) == 2)
    }

    /// Every committed hostile fixture, plus the cases that cannot be committed (a copy, a link, a FIFO, a
    /// link out of the repository, a 1.5 MiB message), in one repository beside one good JUnit file.
    @Test func everyHostileCaseIsAFindingAndHoldsTheGate() throws {
        let outside = try TemporaryFolder()
        try outside.write("junit-outside.xml", Self.goodJUnit)
        let fixtures = try FileManager.default.contentsOfDirectory(atPath: Self.hostile.path)
            .filter { $0 != "README.md" && !$0.hasPrefix(".") }
            .filter { name in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: Self.hostile.path + "/" + name, isDirectory: &isFolder) && !isFolder.boolValue
            }
        let repository = try Self.repository { repository in
            try FileManager.default.createDirectory(atPath: repository.path + "/results/hostile", withIntermediateDirectories: true)
            for name in fixtures {
                try FileManager.default.copyItem(
                    at: Self.hostile.appendingPathComponent(name), to: URL(fileURLWithPath: repository.path + "/results/hostile/" + name))
            }
            try repository.write("copies/good-copy.xml", Self.goodJUnit)
            try FileManager.default.createSymbolicLink(atPath: repository.path + "/results/good-link.xml", withDestinationPath: "good.xml")
            try FileManager.default.createSymbolicLink(
                atPath: repository.path + "/results/junit-outside.xml", withDestinationPath: outside.path + "/junit-outside.xml")
            #expect(mkfifo(repository.path + "/results/test-results.xml", 0o644) == 0)
            // A failing case whose message is larger than a megabyte: it must still count.
            let message = String(repeating: "x", count: 1_500_000)
            try repository.write(
                "results/big-message.xml",
                "<testsuite name=\"big\" tests=\"1\" failures=\"1\"><testcase classname=\"big\" name=\"huge\"><failure message=\"\(message)\"/></testcase></testsuite>\n")
        }
        let (code, json) = try Self.scan(repository)
        #expect((0...3).contains(code))
        let findings = Self.findings(json)
        let expected: [(String, String)] = [
            ("evidence.unrecognised", "results/hostile/junit-binary.xml"),
            ("evidence.unrecognised", "results/hostile/visual-studio.trx"),
            ("evidence.unrecognised", "results/hostile/nunit3-results.xml"),
            ("evidence.unrecognised", "results/hostile/junit-empty.xml"),
            ("evidence.malformed", "results/hostile/junit-out-of-range-figures.xml"),
            ("evidence.duplicate", "results/good.xml"),
            ("evidence.duplicate", "results/good-link.xml"),
            ("evidence.unreadable", "results/junit-outside.xml"),
            ("evidence.unreadable", "results/test-results.xml"),
        ]
        for (rule, file) in expected {
            #expect(findings.contains { $0.rule == rule && $0.file == file }, "\(rule) \(file): \(findings)")
        }
        // Every finding about evidence names its file; those about a place in a file name the line too.
        #expect(findings.filter { $0.rule.hasPrefix("evidence.") }.allSatisfy { $0.file != nil })
        // The good file is counted once (its copy is the one read, its link is not), and the big message's
        // failing case counts.
        let records = try #require(json["evidence"] as? [[String: Any]])
        let good = try #require(records.first { $0["path"] as? String == "copies/good-copy.xml" })
        #expect((good["tests"] as? [String: Any])?["passed"] as? Int == 2)
        #expect(!records.contains { $0["path"] as? String == "results/good.xml" || $0["path"] as? String == "results/good-link.xml" })
        let big = try #require(records.first { $0["path"] as? String == "results/big-message.xml" })
        #expect((big["tests"] as? [String: Any])?["failed"] as? Int == 1)
        let condition = try #require(Self.testPassRateCondition(json))
        #expect(condition["passed"] as? Bool == false)
        #expect((condition["unreadEvidence"] as? Int ?? 0) >= expected.count)
    }

    @Test func theGateIsHeldEvenWhenEveryResultReadPassed() throws {
        let repository = try Self.repository { repository in
            try FileManager.default.copyItem(
                at: Self.hostile.appendingPathComponent("visual-studio.trx"),
                to: URL(fileURLWithPath: repository.path + "/results/visual-studio.trx"))
        }
        let (_, json) = try Self.scan(repository)
        let condition = try #require(Self.testPassRateCondition(json))
        #expect(condition["actual"] as? Double == 100)
        #expect(condition["passed"] as? Bool == false)
        #expect(condition["unreadEvidence"] as? Int == 1)
        let close = CapturedConsole.run(["phase-close", "1", "--dry-run"], in: repository.path)
        #expect(close.code == 1)
        #expect(close.out.contains("minTestPassRate held failed: 1 result file not read whole or repeated"), "\(close.out)")
    }

    @Test func theHoldCanBeSwitchedOff() throws {
        let repository = try Self.repository(config: "gate:\n  failOnUnreadEvidence: false\n") { repository in
            try FileManager.default.copyItem(
                at: Self.hostile.appendingPathComponent("nunit3-results.xml"),
                to: URL(fileURLWithPath: repository.path + "/results/nunit3-results.xml"))
        }
        let (_, json) = try Self.scan(repository)
        #expect(Self.findings(json).contains { $0.rule == "evidence.unrecognised" })
        let condition = try #require(Self.testPassRateCondition(json))
        #expect(condition["passed"] as? Bool == true)
        #expect(condition["unreadEvidence"] == nil)
    }

    @Test func figuresOutOfRangeKeepTheirResultsAndNameFileAndLine() throws {
        let repository = try Self.repository { repository in
            for name in ["junit-out-of-range-figures.xml", "gotest-json-elapsed-out-of-range.jsonl"] {
                try FileManager.default.copyItem(
                    at: Self.hostile.appendingPathComponent(name), to: URL(fileURLWithPath: repository.path + "/results/" + name))
            }
        }
        let (_, json) = try Self.scan(repository)
        let findings = Self.findings(json)
        let figures = findings.filter { $0.rule == "evidence.figure-unreadable" }
        let junitLines = figures.filter { $0.file == "results/junit-out-of-range-figures.xml" }.compactMap(\.line)
        #expect(junitLines == [3, 4, 5, 6, 7], "\(figures)")
        #expect(figures.contains { $0.file == "results/gotest-json-elapsed-out-of-range.jsonl" && $0.line == 2 })
        #expect(figures.contains { $0.file == "results/gotest-json-elapsed-out-of-range.jsonl" && $0.line == 4 })
        // A count beyond 2^53 is malformed: the file's results may not be what it says.
        #expect(findings.contains { $0.rule == "evidence.malformed" && $0.file == "results/junit-out-of-range-figures.xml" && $0.line == 2 })
        // good.xml 2 + six JUnit cases (one failing) + two go tests (one failing).
        let tests = try #require(json["tests"] as? [String: Any])
        #expect(tests["passed"] as? Int == 2 + 5 + 1)
        #expect(tests["failed"] as? Int == 1 + 1)
    }

    @Test func eachHostileFixtureEndsWithARegularExitCode() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.hostile.path).filter { $0 != "README.md" }.sorted()
        for name in names where !name.hasPrefix(".") {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: Self.hostile.path + "/" + name, isDirectory: &isFolder)
            guard !isFolder.boolValue else { continue }
            let result = CapturedConsole.run(["evidence", Self.hostile.path + "/" + name], in: Self.hostile.path)
            #expect((0...3).contains(result.code), "\(name): \(result.code) \(result.err)")
        }
    }

    @Test func aPipeIsReadOnceAndAFIFOWithoutAWriterDoesNotHang() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.path + "/results.fifo"
        #expect(mkfifo(fifo, 0o644) == 0)
        // Nobody writes: the FIFO reads as empty, which is not recognised (exit 1), instead of waiting forever.
        let empty = CapturedConsole.run(["evidence", fifo], in: folder.path)
        #expect(empty.code == 1, "\(empty.err)")
        // A pipe with its data (as `<(cat junit.xml)` gives) is read to its end, once: sniffing and parsing
        // share one copy. The write end is closed first, so the reader sees the data, then the end.
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(Self.goodJUnit.utf8))
        try pipe.fileHandleForWriting.close()
        let path = "/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)"
        let read = CapturedConsole.run(["evidence", "--json", path], in: folder.path)
        #expect(read.code == 0, "\(read.err)")
        let records = try #require(try JSONSerialization.jsonObject(with: Data(read.out.utf8)) as? [[String: Any]], "\(read.out)")
        #expect((records.first?["tests"] as? [String: Any])?["passed"] as? Int == 2, "\(read.out)")
    }

    @Test(.enabled(if: getuid() != 0, "root reads files whatever their mode"))
    func anUnreadableTaskFolderDoesNotRaiseCompletion() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TASKS.md", "# Tasks\n\n## Phase 1: One\n\n- [x] PC-001 first\n- [x] PC-002 second\n")
        try repository.write("tasks/PC-001-first/tasks.md", "- [x] a\n- [ ] b\n")
        try repository.write("tasks/PC-002-second/tasks.md", "- [ ] a\n- [ ] b\n")
        try repository.commit("PC-001: both tasks")
        let locked = repository.path + "/tasks/PC-002-second"
        #expect(chmod(locked, 0) == 0)
        defer { chmod(locked, 0o755) }
        let (_, json) = try Self.scan(repository)
        let phase = try #require((json["phases"] as? [[String: Any]])?.first)
        let completion = try #require(phase["completion"] as? [String: Any])
        #expect((completion["done"] as? Double ?? 9) <= 0.5, "PC-002 unread adds nothing: \(completion)")
        let tasks = try #require(json["tasks"] as? [[String: Any]])
        #expect(tasks.first { $0["id"] as? String == "PC-002" }?["unread"] as? [String] == ["tasks/PC-002-second"])
    }
}
