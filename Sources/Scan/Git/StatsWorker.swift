import Foundation

/// Computes commit statistics for a list of `<commit> <first parent or ->` lines, writing
/// `HistoryRecordFormat` records: the body of a worker process, and of the in-process fallback.
public enum StatsWorker {
    /// One unit of work: a commit and the parent it is compared with (`nil`: the empty tree).
    public struct Job: Sendable, Equatable {
        public var commit: String
        public var parent: String?

        public init(commit: String, parent: String?) {
            self.commit = commit
            self.parent = parent
        }
    }

    /// Runs `jobs` against `repository`, calling `emit` with each finished batch of record bytes.
    static func run(_ jobs: some Sequence<Job>, repository: GitRepository, emit: (inout [UInt8]) -> Void) {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        for job in jobs {
            do {
                HistoryRecordFormat.append(job.commit, try repository.stats(of: job.commit, against: job.parent), to: &output)
            } catch {
                HistoryRecordFormat.appendFailure(job.commit, message: error.message, to: &output)
            }
            if output.count >= 1 << 16 { emit(&output) }
        }
        if !output.isEmpty { emit(&output) }
    }

    /// The worker process: reads jobs from standard input, writes records to standard output.
    /// Returns the process exit code.
    public static func serve(repository path: String, input: FileHandle = .standardInput, output: FileHandle = .standardOutput) -> Int32 {
        let repository: GitRepository
        do {
            guard let opened = try GitRepository(path: path) else { return 3 }
            repository = opened
            repository.prepareForStatsWorker()
        } catch {
            return 3
        }
        let text = String(decoding: input.readDataToEndOfFile(), as: UTF8.self)
        let jobs = text.split(separator: "\n").compactMap { line -> Job? in
            let fields = line.split(separator: " ")
            guard fields.count == 2 else { return nil }
            return Job(commit: String(fields[0]), parent: fields[1] == "-" ? nil : String(fields[1]))
        }
        var failed = false
        run(jobs, repository: repository) { bytes in
            if !failed, (try? output.write(contentsOf: Data(bytes))) == nil { failed = true }
            bytes.removeAll(keepingCapacity: true)
        }
        // The process ends right after: freeing libgit2's object cache object by object would
        // only delay that (a fortieth of a worker's time), so the repository is left to the exit.
        _ = Unmanaged.passRetained(repository)
        return failed ? 1 : 0
    }

    static func encode(_ jobs: ArraySlice<Job>) -> Data {
        var text = ""
        text.reserveCapacity(jobs.count * 84)
        for job in jobs { text += "\(job.commit) \(job.parent ?? "-")\n" }
        return Data(text.utf8)
    }
}
