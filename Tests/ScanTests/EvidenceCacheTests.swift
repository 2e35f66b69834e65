import Foundation
import PhaseModel
import Testing
import TestSupport
import TextSupport
@testable import Scan

/// What result files and test sources held, kept by the files' signatures (`EvidenceCache`): a
/// kept value is exactly what reading gives, is used only while the file is unchanged, and a
/// file changed just before or during the run is not kept.
struct EvidenceCacheTests {
    /// Every result-file fixture of the parsers, by kind as discovery sniffs it.
    static let fixtures = [
        "junit/pytest-real.xml", "junit/nested-suites.xml", "junit/jest-junit.xml", "junit/gotestsum.xml",
        "gotest/json-pass-fail-skip-subtest-panic.jsonl", "gotest/verbose-pass-fail-skip-subtest-panic.txt",
        "gotest/json-build-fail-go124.jsonl", "coverage/lcov-two-tests.info", "coverage/cobertura-multiple-sources.xml",
        "coverage/go-count.out", "coverage/lcov-capture.info", "helm/lint-v4.1.4-multi-chart-run.txt",
        "helm/template-v4.1.4.txt", "hostile/junit-overlong-times.xml", "hostile/junit-utf16le-bom.xml",
    ]

    /// The parts of a result, each comparable.
    static func parts(_ result: EvidenceFileResult) -> [String] {
        func json(_ value: some Encodable) -> String { String(decoding: (try? CanonicalJSON.encode(AnyEncodable(value))) ?? Data(), as: UTF8.self) }
        return [
            result.path, result.kind.rawValue, json(result.counts), json(result.groups),
            json(result.failures.map { [String($0.group), json($0.result)] }), json(result.problems), json(result.coverage), json(result.helm),
            String(result.bytes),
        ]
    }

    @Test(arguments: fixtures)
    func aResultReadBackIsTheResultRead(fixture: String) throws {
        let url = Fixtures.root.appendingPathComponent(fixture)
        let kind = try #require(EvidenceSniffer.head(of: url).flatMap(EvidenceSniffer.kind(of:)), "\(fixture) not recognised")
        let result = EvidenceFileReader.read(url, path: fixture, kind: kind)
        let back = try JSONDecoder().decode(EvidenceFileResult.self, from: JSONEncoder().encode(result))
        #expect(Self.parts(back) == Self.parts(result))
        #expect(back.failures.map(\.group) == result.failures.map(\.group))
        #expect(back.failures.map(\.result) == result.failures.map(\.result))
        #expect(back.groups == result.groups && back.problems == result.problems && back.coverage == result.coverage && back.helm == result.helm)
    }

    /// A folder with a cache in it, and the cache.
    static func setUp() throws -> (TemporaryFolder, EvidenceCache) {
        let folder = try TemporaryFolder()
        return (folder, EvidenceCache(directory: folder.path + "/cache", boundary: WriteBoundary(root: folder.path, name: "folder"), salt: "build 1"))
    }

    /// A run that began `seconds` after now: what was written before it is not racy.
    static func run(_ cache: EvidenceCache, after seconds: Double = 10) -> EvidenceCacheRun {
        EvidenceCacheRun(cache: cache, start: Date().timeIntervalSince1970 + seconds)
    }

    @Test func anUnchangedFileIsReadOnceAndAChangedOneAgain() throws {
        let (folder, cache) = try Self.setUp()
        let path = try folder.write("results.txt", "one\n")
        var reads = 0
        func value(_ run: EvidenceCacheRun, reading: String = "r") -> [String] {
            run.value(source: false, path: "results.txt", absolute: path, reading: reading) {
                reads += 1
                return [(try? String(contentsOfFile: path, encoding: .utf8)) ?? ""]
            }
        }
        let first = Self.run(cache)
        #expect(value(first) == ["one\n"])
        first.save()
        #expect(value(Self.run(cache)) == ["one\n"])
        #expect(reads == 1)
        // Read as something else: read again.
        #expect(value(Self.run(cache), reading: "other") == ["one\n"])
        #expect(reads == 2)

        // Another content, another signature.
        try folder.write("results.txt", "two\n")
        let second = Self.run(cache)
        #expect(value(second) == ["two\n"])
        #expect(reads == 3)
        second.save()
        #expect(value(Self.run(cache)) == ["two\n"])
        #expect(reads == 3)

        // Another build keeps nothing of this one's.
        let rebuilt = EvidenceCache(directory: cache.directory, boundary: cache.boundary, salt: "build 2")
        #expect(value(Self.run(rebuilt)) == ["two\n"])
        #expect(reads == 4)
    }

    @Test func aFileChangedJustBeforeTheRunOrWhileReadIsNotKept() throws {
        let (folder, cache) = try Self.setUp()
        let path = try folder.write("results.txt", "one\n")
        // The run began now: the file was written within the racy window.
        let racy = EvidenceCacheRun(cache: cache)
        _ = racy.value(source: false, path: "results.txt", absolute: path, reading: "r") { ["one"] }
        racy.save()
        #expect(cache.load().results.isEmpty)

        // Written while it was read.
        let during = Self.run(cache)
        _ = during.value(source: false, path: "results.txt", absolute: path, reading: "r") { () -> [String] in
            _ = try? folder.write("results.txt", "one and more\n")
            return ["one"]
        }
        during.save()
        #expect(cache.load().results.isEmpty)

        // A file that is not there is not kept either.
        let missing = Self.run(cache)
        _ = missing.value(source: true, path: "gone.py", absolute: folder.path + "/gone.py", reading: "s") { ["nothing"] }
        missing.save()
        #expect(cache.load().sources.isEmpty)
    }

    @Test func theFileKeepsOnlyWhatTheLastRunUsed() throws {
        let (folder, cache) = try Self.setUp()
        let a = try folder.write("a.txt", "a\n")
        let b = try folder.write("b\tc.txt", "b\n")
        let first = Self.run(cache)
        _ = first.value(source: false, path: "a.txt", absolute: a, reading: "r") { ["a"] }
        _ = first.value(source: true, path: "a.txt", absolute: a, reading: "s") { ["as a source"] }
        _ = first.value(source: true, path: "b\tc.txt", absolute: b, reading: "s") { ["b"] }
        first.save()
        let kept = cache.load()
        #expect(Array(kept.results.keys) == ["a.txt"] && Array(kept.sources.keys) == ["a.txt"])
        // The next run reads only the result file: the source's line goes.
        let second = Self.run(cache)
        #expect(second.value(source: false, path: "a.txt", absolute: a, reading: "r") { ["read again"] } == ["a"])
        second.save()
        #expect(cache.load().sources.isEmpty && cache.load().results.count == 1)
    }

    @Test func aDamagedCacheFileKeepsNothing() throws {
        let (folder, cache) = try Self.setUp()
        let a = try folder.write("a.txt", "a\n")
        let run = Self.run(cache)
        _ = run.value(source: false, path: "a.txt", absolute: a, reading: "r") { ["a"] }
        run.save()
        #expect(cache.load().results.count == 1)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: cache.file)))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: cache.file))
        #expect(cache.load() == EvidenceCache.Kept())
        #expect(Self.run(cache).value(source: false, path: "a.txt", absolute: a, reading: "r") { ["read again"] } == ["read again"])
    }
}

/// Any encodable value, for encoding values of different types alike.
private struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
