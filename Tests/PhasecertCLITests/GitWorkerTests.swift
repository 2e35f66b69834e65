import Foundation
import PhaseModel
import Scan
import Testing
import TestSupport

/// History worker processes (`phasecert history-worker`) and the `git` blocks of `scan --json`.
struct GitWorkerTests {
    static var binary: String { ExecutableTests.binary.path }

    /// About thirty commits written with one `git fast-import`: edits, additions, deletions,
    /// renames, a binary file, a side branch and a merge.
    static func thirtyCommits() throws -> GitRepositoryBuilder {
        let repo = try GitRepositoryBuilder()
        var stream: [UInt8] = []
        func data(_ bytes: [UInt8]) { stream += Array("data \(bytes.count)\n".utf8) + bytes + [0x0A] }
        func lines(_ name: String, _ count: Int, changed: Int = -1) -> [UInt8] {
            Array((0..<count).map { $0 == changed ? "\(name) changed \($0)\n" : "\(name) line \($0) of the fixture text\n" }.joined().utf8)
        }
        func commit(_ mark: Int, branch: String = "main", message: String, from: Int? = nil, merge: Int? = nil, _ changes: () -> Void) {
            stream += Array("commit refs/heads/\(branch)\nmark :\(mark)\n".utf8)
            let time = 1_764_000_000 + mark * 3_600
            stream += Array("author Fixture Author <author@example.com> \(time) +0000\n".utf8)
            stream += Array("committer Fixture Author <author@example.com> \(time) +0000\n".utf8)
            data(Array(message.utf8))
            if let from { stream += Array("from :\(from)\n".utf8) }
            if let merge { stream += Array("merge :\(merge)\n".utf8) }
            changes()
        }
        func put(_ path: String, _ content: [UInt8]) {
            stream += Array("M 100644 inline \(path)\n".utf8)
            data(content)
        }

        commit(1, message: "Root") {
            for index in 0..<5 { put("src/file\(index).txt", lines("file\(index)", 24)) }
        }
        for mark in 2...24 {
            commit(mark, message: "TN-001: change \(mark)") {
                put("src/file\(mark % 5).txt", lines("file\(mark % 5)", 24 + mark, changed: mark))
                put("added/new\(mark).txt", lines("new\(mark)", mark % 4 + 1))
                if mark % 6 == 0 { stream += Array("D added/new\(mark - 1).txt\n".utf8) }
                if mark % 7 == 0 { stream += Array("R added/new\(mark - 5).txt moved/new\(mark - 5).txt\n".utf8) }
                if mark % 8 == 0 { put("assets/blob.bin", [0, 1, 2, UInt8(mark), 0, 0x0A]) }
            }
        }
        for mark in 25...28 {
            commit(mark, branch: "side", message: "Side \(mark)", from: mark == 25 ? 20 : nil) {
                put("side/s\(mark).txt", lines("side\(mark)", 3))
            }
        }
        commit(29, message: "Merge branch 'feature/TN-002-side'", merge: 28) {
            for mark in 25...28 { put("side/s\(mark).txt", lines("side\(mark)", 3)) }
        }
        commit(30, message: "After the merge") { put("src/file0.txt", lines("file0", 10)) }

        _ = try GitFixture.gitOutput(["fast-import", "--quiet"], in: repo.path, input: Data(stream))
        try GitFixture.git(["reset", "-q", "--hard", "main"], in: repo.path)
        return repo
    }

    static func scan(_ path: String, worker: HistoryScanner.WorkerCommand?) throws -> History {
        let cache = try TemporaryFolder()
        let scanner = HistoryScanner(repositoryPath: path, cachePath: cache.path + "/cache", worker: worker, workerCount: 2, workerThreshold: 1)
        return try #require(try scanner.scan())
    }

    @Test func workerProcessesCountWhatTheScanCountsInProcess() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "phasecert binary not built at \(Self.binary)")
        let repo = try Self.thirtyCommits()
        #expect(try GitFixture.revList(in: repo.path).count == 30)
        let inProcess = try Self.scan(repo.path, worker: nil)
        #expect(inProcess.commits.count == 30)
        #expect(inProcess.stats.count == 30)
        #expect(inProcess.findings.isEmpty)

        // A wrapper that notes each start, to show the workers really ran.
        let scratch = try TemporaryFolder()
        let log = scratch.path + "/starts.log"
        let wrapper = try scratch.write("worker.sh", "#!/bin/sh\necho started >> '\(log)'\nexec '\(Self.binary)' \"$@\"\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper)
        let worker = HistoryScanner.WorkerCommand(executable: wrapper, arguments: ["history-worker", "--repo", repo.path])
        let withWorkers = try Self.scan(repo.path, worker: worker)
        #expect(withWorkers.stats == inProcess.stats)
        #expect(withWorkers.commits == inProcess.commits)
        #expect(withWorkers.findings.isEmpty)
        #expect(withWorkers.cachedCommits == 0)
        let starts = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(starts.split(separator: "\n").count == 2)

        // The real binary directly, as phasecert starts itself.
        let direct = try Self.scan(repo.path, worker: .init(executable: Self.binary, arguments: ["history-worker", "--repo", repo.path]))
        #expect(direct.stats == inProcess.stats)
    }

    /// Workers that fail in different ways: their share is counted in-process instead.
    static var brokenWorkers: [(String, HistoryScanner.WorkerCommand)] {
        [
            ("exits 1", .init(executable: "/bin/false", arguments: [])),
            ("does not exist", .init(executable: "/nonexistent/phasecert-worker", arguments: [])),
            ("writes something else", .init(executable: "/bin/echo", arguments: ["not a record"])),
            ("is pointed at no repository", .init(executable: binary, arguments: ["history-worker", "--repo", "/nonexistent/repository"])),
            ("stops early", .init(executable: "/bin/sh", arguments: ["-c", "\"$0\" history-worker --repo \"$1\" | head -n 4", binary, "REPO"])),
            ("is killed", .init(executable: "/bin/sh", arguments: ["-c", "kill -9 $$"])),
        ]
    }

    /// Runs one broken worker case. A worker that exits before reading its jobs can take the
    /// scanning process down with it (SIGPIPE on the jobs pipe), so each case runs in a child
    /// copy of this test binary (`aFailingWorkerFallsBackToInProcessCounting`) and only there.
    static let childCase = ProcessInfo.processInfo.environment["PHASECERT_BROKEN_WORKER_CASE"].flatMap(Int.init)

    @Test(.enabled(if: childCase != nil, "runs only in the child process of aFailingWorkerFallsBackToInProcessCounting"))
    func brokenWorkerChild() throws {
        let index = try #require(Self.childCase)
        let repo = try Self.thirtyCommits()
        let (name, template) = Self.brokenWorkers[index]
        let worker = HistoryScanner.WorkerCommand(
            executable: template.executable, arguments: template.arguments.map { $0 == "REPO" ? repo.path : $0 })
        let expected = try Self.scan(repo.path, worker: nil)
        // Several rounds: whether the worker is gone before its jobs are written is a race.
        for _ in 0..<3 {
            let history = try Self.scan(repo.path, worker: worker)
            #expect(history.stats == expected.stats, "worker that \(name)")
            #expect(history.commits.count == 30, "worker that \(name)")
            #expect(history.findings.isEmpty, "worker that \(name)")
        }
    }

    @Test(arguments: 0..<6)
    func aFailingWorkerFallsBackToInProcessCounting(_ index: Int) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "phasecert binary not built at \(Self.binary)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--testing-library", "swift-testing", "--filter", "brokenWorkerChild"]
        var environment = ProcessInfo.processInfo.environment
        environment["PHASECERT_BROKEN_WORKER_CASE"] = String(index)
        // The child's temporary folders go here, so they are removed even when it dies.
        let scratch = try TemporaryFolder()
        environment["TMPDIR"] = scratch.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let name = Self.brokenWorkers[index].0
        if process.terminationReason == .uncaughtSignal {
            Issue.record("the scan died with signal \(process.terminationStatus) (13 is SIGPIPE) with a worker that \(name)")
        } else {
            #expect(process.terminationStatus == 0, "worker that \(name):\n\(text.split(separator: "\n").filter { $0.contains("✘") }.joined(separator: "\n"))")
            #expect(text.contains("brokenWorkerChild"), "the child ran no test:\n\(text)")
        }
    }

    // MARK: - scan --json

    static let masterList = """
        ## Phase 1: Start

        - [x] **TN-001** Parser
        - [ ] **TN-002** Command line
        - [ ] **TN-003** Later
        """

    /// Six commits with known figures.
    static func smallFixture() throws -> (GitRepositoryBuilder, head: String) {
        let repo = try GitRepositoryBuilder()
        try repo.write("tasks/TASKS.md", masterList + "\n")
        try repo.commit("Initial commit", date: "2025-11-01T09:00:00+00:00", author: "Ann Example", email: "ann@example.com")
        try repo.write("parser.txt", "a\nb\nc\n")
        try repo.commit("TN-001: add the parser", date: "2025-11-02T10:00:00+00:00", author: "Ann Example", email: "ann@example.com")
        try repo.write("parser.txt", "a\nB\nc\n")
        // 22:30 at UTC-3 is already 11-04 in UTC: the day is the author's.
        try repo.commit("Fix an edge case (tn-1)", date: "2025-11-03T22:30:00-03:00", author: "Bob Example", email: "bob@example.com")
        try repo.git(["checkout", "-q", "-b", "feature/TN-002-cli"])
        try repo.write("cli.txt", "x\ny\n")
        try repo.commit("Add the command", date: "2025-11-04T10:00:00+00:00", author: "Carl Example", email: "carl@example.com")
        try repo.write("cli.txt", "x\ny\nz\n")
        try repo.commit("Wire it up", date: "2025-11-05T10:00:00+00:00", author: "Carl Example", email: "carl@example.com")
        try repo.git(["checkout", "-q", "main"])
        let head = try repo.merge(["feature/TN-002-cli"], message: "Merge branch 'feature/TN-002-cli'", date: "2025-11-06T10:00:00+00:00", author: "Dana Example")
        return (repo, head)
    }

    static func runBinary(_ arguments: [String]) throws -> (code: Int32, out: Data, err: String) {
        let process = Process()
        process.executableURL = ExecutableTests.binary
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let group = DispatchGroup()
        let box = ErrorText()
        DispatchQueue.global().async(group: group) { box.set(err.fileHandleForReading.readDataToEndOfFile()) }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, outData, String(decoding: box.data, as: UTF8.self))
    }

    final class ErrorText: @unchecked Sendable {
        private let lock = NSLock()
        private var stored = Data()
        func set(_ data: Data) { lock.withLock { stored = data } }
        var data: Data { lock.withLock { stored } }
    }

    @Test func scanJSONShowsExactGitBlocksPerTaskAndForTheWorkspace() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "phasecert binary not built at \(Self.binary)")
        let (repo, head) = try Self.smallFixture()
        let result = try Self.runBinary(["scan", "--json", "--repo", repo.path])
        #expect(result.code == 0)
        #expect(result.err.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: result.out) as? [String: Any])

        let workspace = try #require(json["git"] as? [String: Any])
        #expect(NSDictionary(dictionary: workspace) == NSDictionary(dictionary: [
            "head": head, "commits": 6, "merges": 1, "shallow": false, "detached": false, "unreadable": 0,
            "first": "2025-11-01", "last": "2025-11-06", "headDate": "2025-11-06",
        ]))

        let tasks = try #require(json["tasks"] as? [[String: Any]])
        // Each block lists the ids of the commits it counts: as many as it counts, all in the history.
        let history = Set(try GitFixture.revList(in: repo.path))
        func git(_ id: String) -> NSDictionary? {
            guard var block = tasks.first(where: { $0["id"] as? String == id })?["git"] as? [String: Any] else { return nil }
            let ids = block.removeValue(forKey: "commitIDs") as? [String]
            #expect(ids?.count == block["commits"] as? Int && Set(ids ?? []).isSubset(of: history), "commit ids of \(id)")
            return NSDictionary(dictionary: block)
        }
        #expect(git("TN-001") == NSDictionary(dictionary: [
            "commits": 2, "merges": 0, "linesAdded": 4, "linesDeleted": 1, "filesTouched": 1,
            "authors": ["Ann Example", "Bob Example"], "first": "2025-11-02", "last": "2025-11-03",
        ]))
        #expect(git("TN-002") == NSDictionary(dictionary: [
            "commits": 3, "merges": 1, "linesAdded": 3, "linesDeleted": 0, "filesTouched": 1,
            "authors": ["Carl Example", "Dana Example"], "first": "2025-11-04", "last": "2025-11-06",
        ]))
        #expect(git("TN-003") == NSDictionary(dictionary: [
            "commits": 0, "merges": 0, "linesAdded": 0, "linesDeleted": 0, "filesTouched": 0,
            "authors": [String](), "first": NSNull(), "last": NSNull(),
        ]))

        // In-process, and again from the cache, the bytes are the same.
        let inProcess = CapturedConsole.run(["scan", "--json", "--repo", repo.path], in: "/")
        #expect(inProcess.code == 0)
        #expect(inProcess.out == String(decoding: result.out, as: UTF8.self))
        let cached = try Self.runBinary(["scan", "--json", "--repo", repo.path])
        #expect(cached.out == result.out)
    }
}
