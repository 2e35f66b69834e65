import Foundation

/// Runs the `git` command line to build fixture repositories at test time.
public enum GitFixture {
    /// Runs git with a fixed identity and dates, so fixtures are the same on every machine.
    @discardableResult
    public static func git(_ arguments: [String], in directory: String, date: String = "2025-11-30T12:00:00+00:00") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = "Fixture Author"
        environment["GIT_AUTHOR_EMAIL"] = "author@example.com"
        environment["GIT_COMMITTER_NAME"] = "Fixture Author"
        environment["GIT_COMMITTER_EMAIL"] = "author@example.com"
        environment["GIT_AUTHOR_DATE"] = date
        environment["GIT_COMMITTER_DATE"] = date
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["HOME"] = directory
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw GitFailure(arguments: arguments, output: text)
        }
        return text
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
