import Foundation

/// Runs the `git` command line to build fixture repositories at test time.
public enum GitFixture {
    /// Runs git with a fixed identity and dates, so fixtures are the same on every machine.
    /// `author`/`email` name the author and committer; `committerDate` defaults to `date`.
    @discardableResult
    public static func git(
        _ arguments: [String], in directory: String, date: String = "2025-11-30T12:00:00+00:00",
        author: String = "Fixture Author", email: String = "author@example.com", committerDate: String? = nil
    ) throws -> String {
        let result = try run(arguments, in: directory, date: date, author: author, email: email, committerDate: committerDate, mergeStreams: true)
        return String(decoding: result, as: UTF8.self)
    }

    /// Runs git and returns its standard output as raw bytes (standard error is discarded),
    /// for output that must be parsed exactly (`-z` formats, ids).
    public static func gitOutput(_ arguments: [String], in directory: String, input: Data? = nil) throws -> Data {
        try run(arguments, in: directory, input: input, mergeStreams: false)
    }

    /// `gitOutput` as text with the trailing newline removed.
    public static func gitLine(_ arguments: [String], in directory: String, input: Data? = nil) throws -> String {
        var text = String(decoding: try gitOutput(arguments, in: directory, input: input), as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    private static func run(
        _ arguments: [String], in directory: String, date: String = "2025-11-30T12:00:00+00:00",
        author: String = "Fixture Author", email: String = "author@example.com", committerDate: String? = nil,
        input: Data? = nil, mergeStreams: Bool
    ) throws -> Data {
        let process = Process()
        if let executable = gitExecutable {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git"] + arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("GIT_") { environment[key] = nil }
        environment["GIT_AUTHOR_NAME"] = author
        environment["GIT_AUTHOR_EMAIL"] = email
        environment["GIT_COMMITTER_NAME"] = author
        environment["GIT_COMMITTER_EMAIL"] = email
        environment["GIT_AUTHOR_DATE"] = date
        environment["GIT_COMMITTER_DATE"] = committerDate ?? date
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["HOME"] = directory
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = mergeStreams ? output : errors
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        // Drain standard error on the side so a chatty command cannot fill the pipe and block.
        let errorText = ErrorBox()
        let group = DispatchGroup()
        if !mergeStreams {
            DispatchQueue.global().async(group: group) { errorText.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitFailure(arguments: arguments, output: String(decoding: mergeStreams ? data : errorText.data, as: UTF8.self))
        }
        return data
    }

    /// git on PATH, found once (starting it directly saves an `env` process per call).
    private static let gitExecutable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/git" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    private final class ErrorBox: @unchecked Sendable {
        private let lock = NSLock()
        private var stored = Data()
        func set(_ data: Data) { lock.withLock { stored = data } }
        var data: Data { lock.withLock { stored } }
    }

    public struct GitFailure: Error, CustomStringConvertible {
        public var arguments: [String]
        public var output: String
        public var description: String { "git \(arguments.joined(separator: " ")) failed: \(output)" }
    }

    /// `git init` and one commit of everything in `directory`.
    public static func commitAll(in directory: String, message: String) throws {
        if !FileManager.default.fileExists(atPath: directory + "/.git") {
            try git(["init", "-q", "-b", "main"], in: directory)
        }
        try git(["add", "-A"], in: directory)
        try git(["commit", "-q", "-m", message], in: directory)
    }
}

extension GitFixture {
    /// The id of the empty tree (`git hash-object -t tree /dev/null`).
    public static func emptyTree(in directory: String) throws -> String {
        try gitLine(["hash-object", "-t", "tree", "/dev/null"], in: directory)
    }

    /// `git rev-list HEAD` (or of `revision`), newest first.
    public static func revList(_ revision: String = "HEAD", in directory: String) throws -> [String] {
        try gitLine(["rev-list", revision], in: directory).split(separator: "\n").map(String.init)
    }

    /// Parents of every commit reachable from `revision`, by commit id.
    public static func parentsByCommit(_ revision: String = "HEAD", in directory: String) throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for line in try gitLine(["rev-list", "--parents", revision], in: directory).split(separator: "\n") {
            let ids = line.split(separator: " ").map(String.init)
            result[ids[0]] = Array(ids.dropFirst())
        }
        return result
    }

    /// Parents of a commit, in order.
    public static func parents(of commit: String, in directory: String) throws -> [String] {
        try gitLine(["rev-list", "--parents", "-n", "1", commit], in: directory).split(separator: " ").dropFirst().map(String.init)
    }

    /// One `git diff --numstat -z` entry: `added`/`deleted` are nil for a binary file,
    /// `oldPath` is set for a rename or copy.
    public struct NumstatEntry: Hashable, Sendable, CustomStringConvertible {
        public var path: String
        public var oldPath: String?
        public var added: Int?
        public var deleted: Int?

        public init(path: String, oldPath: String?, added: Int?, deleted: Int?) {
            self.path = path
            self.oldPath = oldPath
            self.added = added
            self.deleted = deleted
        }

        public var description: String {
            "\(added.map(String.init) ?? "-")\t\(deleted.map(String.init) ?? "-")\t\(oldPath.map { "\($0) => " } ?? "")\(path)"
        }
    }

    /// `git diff --numstat -z <old> <new>`, parsed: `A\tD\tpath\0`, or `A\tD\t\0old\0new\0` for a rename.
    public static func numstat(from old: String, to new: String, in directory: String) throws -> [NumstatEntry] {
        let bytes = [UInt8](try gitOutput(["diff", "--numstat", "-z", old, new], in: directory))
        return try parseNumstat(bytes)
    }

    public struct NumstatFormatError: Error {}

    public static func parseNumstat(_ bytes: [UInt8]) throws -> [NumstatEntry] {
        var entries: [NumstatEntry] = []
        var index = 0
        func field(until terminator: UInt8) throws -> [UInt8] {
            guard let end = bytes[index...].firstIndex(of: terminator) else { throw NumstatFormatError() }
            defer { index = end + 1 }
            return Array(bytes[index..<end])
        }
        func count(_ field: [UInt8]) throws -> Int? {
            if field == [0x2D] { return nil }
            guard let value = Int(String(decoding: field, as: UTF8.self)) else { throw NumstatFormatError() }
            return value
        }
        while index < bytes.count {
            let added = try count(field(until: 0x09))
            let deleted = try count(field(until: 0x09))
            guard index < bytes.count else { throw NumstatFormatError() }
            if bytes[index] == 0 {
                index += 1
                let old = try field(until: 0)
                let new = try field(until: 0)
                entries.append(NumstatEntry(
                    path: String(decoding: new, as: UTF8.self), oldPath: String(decoding: old, as: UTF8.self),
                    added: added, deleted: deleted))
            } else {
                let path = try field(until: 0)
                entries.append(NumstatEntry(path: String(decoding: path, as: UTF8.self), oldPath: nil, added: added, deleted: deleted))
            }
        }
        return entries
    }
}

/// A git repository built commit by commit in a temporary folder, with deterministic dates:
/// each commit without an explicit date is one hour after the previous one.
public final class GitRepositoryBuilder: @unchecked Sendable {
    public let folder: TemporaryFolder
    public var path: String { folder.path }
    /// Seconds since 1970 of the next automatic date (2025-11-24T16:00:00Z, then hourly).
    public var clock: Int = 1_764_000_000

    public init(branch: String = "main") throws {
        folder = try TemporaryFolder()
        try GitFixture.git(["init", "-q", "-b", branch], in: folder.path)
        // Keep every object loose and in place: tests delete object files on purpose.
        let config = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.path + "/.git/config"))
        defer { try? config.close() }
        try config.seekToEnd()
        try config.write(contentsOf: Data("[gc]\n\tauto = 0\n[core]\n\tautocrlf = false\n".utf8))
    }

    /// The next automatic date, in git's raw `<seconds> <zone>` form.
    public func nextDate() -> String {
        defer { clock += 3_600 }
        return "\(clock) +0000"
    }

    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> String { try folder.write(relative, text) }

    @discardableResult
    public func write(_ relative: String, bytes: [UInt8]) throws -> String { try folder.write(relative, data: Data(bytes)) }

    public func remove(_ relative: String) throws { try FileManager.default.removeItem(atPath: path + "/" + relative) }

    @discardableResult
    public func git(_ arguments: [String], date: String? = nil, author: String = "Fixture Author", email: String = "author@example.com") throws -> String {
        try GitFixture.git(arguments, in: path, date: date ?? nextDate(), author: author, email: email)
    }

    /// Stages everything and commits it; returns the new commit id.
    @discardableResult
    public func commit(
        _ message: String, date: String? = nil, committerDate: String? = nil,
        author: String = "Fixture Author", email: String = "author@example.com", allowEmpty: Bool = false
    ) throws -> String {
        try GitFixture.git(["add", "-A"], in: path)
        var arguments = ["commit", "-q", "-m", message]
        if allowEmpty { arguments.append("--allow-empty") }
        let when = date ?? nextDate()
        try GitFixture.git(arguments, in: path, date: when, author: author, email: email, committerDate: committerDate)
        return try head()
    }

    /// The commit HEAD points at, read from `.git` when the ref is a loose file (as in a fresh
    /// fixture), else through `git rev-parse`.
    public func head() throws -> String {
        let git = path + "/.git/"
        if let head = try? String(contentsOfFile: git + "HEAD", encoding: .utf8) {
            let line = head.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.hasPrefix("ref: ") {
                if let id = try? String(contentsOfFile: git + line.dropFirst(5), encoding: .utf8) {
                    let trimmed = id.trimmingCharacters(in: .whitespacesAndNewlines)
                    if trimmed.count == 40 { return trimmed }
                }
            } else if line.count == 40 {
                return line
            }
        }
        return try GitFixture.gitLine(["rev-parse", "HEAD"], in: path)
    }

    public func revParse(_ revision: String) throws -> String { try GitFixture.gitLine(["rev-parse", revision], in: path) }

    /// `git merge --no-ff -m message branches…`; returns the merge commit id.
    @discardableResult
    public func merge(_ branches: [String], message: String, date: String? = nil, author: String = "Fixture Author") throws -> String {
        try git(["merge", "-q", "--no-ff", "-m", message] + branches, date: date, author: author)
        return try head()
    }

    /// The loose object file of `object` (`.git/objects/ab/cdef…`).
    public func looseObjectPath(_ object: String) -> String {
        path + "/.git/objects/" + object.prefix(2) + "/" + object.dropFirst(2)
    }
}

extension GitRepositoryBuilder {
    /// Stages everything and writes a commit object byte for byte (git's own `commit` would
    /// repair invalid UTF-8), with an optional `encoding` header; moves the current branch to it.
    @discardableResult
    public func rawCommit(
        message: [UInt8], encoding: String? = nil, authorName: [UInt8] = Array("Fixture Author".utf8), time: Int
    ) throws -> String {
        try GitFixture.git(["add", "-A"], in: path)
        let tree = try GitFixture.gitLine(["write-tree"], in: path)
        let parent = try? GitFixture.gitLine(["rev-parse", "--verify", "-q", "HEAD"], in: path)
        var bytes = Array("tree \(tree)\n".utf8)
        if let parent, !parent.isEmpty { bytes += Array("parent \(parent)\n".utf8) }
        bytes += Array("author ".utf8) + authorName + Array(" <author@example.com> \(time) +0000\n".utf8)
        bytes += Array("committer ".utf8) + authorName + Array(" <author@example.com> \(time) +0000\n".utf8)
        if let encoding { bytes += Array("encoding \(encoding)\n".utf8) }
        bytes += Array("\n".utf8) + message
        let id = try GitFixture.gitLine(["hash-object", "-t", "commit", "-w", "--stdin"], in: path, input: Data(bytes))
        let branch = try GitFixture.gitLine(["symbolic-ref", "HEAD"], in: path)
        try GitFixture.git(["update-ref", branch, id], in: path)
        return id
    }
}

/// Folders of fixtures built once per test process and shared by tests that only read them;
/// they are removed when the process exits.
public enum SharedFixtureFolders {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var folders: [TemporaryFolder] = []
    private static let registered: Void = {
        atexit { SharedFixtureFolders.removeAll() }
    }()

    /// Keeps `folder` alive until the process exits, then removes it.
    public static func keepUntilExit(_ folder: TemporaryFolder) {
        _ = registered
        lock.withLock { folders.append(folder) }
    }

    private static func removeAll() {
        lock.withLock {
            for folder in folders { try? FileManager.default.removeItem(atPath: folder.path) }
            folders.removeAll()
        }
    }
}
