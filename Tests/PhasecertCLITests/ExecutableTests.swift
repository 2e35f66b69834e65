import Foundation
import Testing
import TestSupport

/// Runs the built `phasecert` binary, as a user or CI script would.
struct ExecutableTests {
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("phasecert")
    }

    func run(_ arguments: [String], in directory: String) throws -> (code: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func theBinaryExitsWithTheDocumentedCodesAndNoBacktrace() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "phasecert binary not built at \(Self.binary.path)")
        let empty = try TemporaryFolder()
        let missing = try run(["scan", "--repo", empty.path + "/nowhere"], in: empty.path)
        #expect(missing.code == 3)
        #expect(missing.err.hasPrefix("phasecert: \(empty.path)/nowhere: no such folder"))
        #expect(!missing.err.contains("Fatal error"))

        let usage = try run(["scan", "--bogus"], in: empty.path)
        #expect(usage.code == 2)

        try empty.write("tasks/TASKS.md", "## Phase 1: Start\n- [x] AB-001 First\n")
        let ok = try run(["scan", "--json"], in: empty.path)
        #expect(ok.code == 0)
        #expect(ok.out.contains("\"AB-001\""))
        #expect(ok.err.isEmpty)

        let help = try run(["--help"], in: empty.path)
        #expect(help.code == 0)
        #expect(help.out.contains("scan"))
    }
}
