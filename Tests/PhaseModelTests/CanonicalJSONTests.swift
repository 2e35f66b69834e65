import Foundation
import PhaseModel
import Testing
import TestSupport


@Suite("Canonical JSON")
struct CanonicalJSONTests {
    private func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("Encoding the same value twice gives the same bytes")
    func sameValueSameBytes() throws {
        let first = try CanonicalJSON.encode(SampleWorkspace.populated)
        let second = try CanonicalJSON.encode(SampleWorkspace.populated)
        #expect(first == second)
        #expect(try CanonicalJSON.encode(SampleWorkspace.populated, pretty: false)
            == CanonicalJSON.encode(SampleWorkspace.populated, pretty: false))
    }

    @Test("Dictionaries built in different orders encode to the same bytes")
    func dictionaryInsertionOrderDoesNotMatter() throws {
        var forward: [String: Double] = [:]
        var backward: [String: Double] = [:]
        let names = (0..<50).map { "target\($0)" }
        for name in names { forward[name] = 1 }
        for name in names.reversed() { backward[name] = 1 }
        let source = Provenance.file("task.yml", line: nil)
        let a = TaskMetadata(dependencies: [], linkedPaths: [], targets: forward, source: source)
        let b = TaskMetadata(dependencies: [], linkedPaths: [], targets: backward, source: source)
        #expect(try CanonicalJSON.encode(a) == CanonicalJSON.encode(b))
    }

    @Test("Object keys are written in sorted order")
    func keysAreSorted() throws {
        let data = try CanonicalJSON.encode(
            Document(path: "tasks/TN-001-x/design.md", lines: 3, nonBlankLines: 2, bytes: 40), pretty: false
        )
        #expect(String(decoding: data, as: UTF8.self)
            == #"{"bytes":40,"lines":3,"nonBlankLines":2,"path":"tasks/TN-001-x/design.md"}"# + "\n")

        // Pretty output indents top-level keys by exactly two spaces.
        let pretty = String(decoding: try CanonicalJSON.encode(SampleWorkspace.populated), as: UTF8.self)
        let topLevel = pretty.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  \""), !line.hasPrefix("   ") else { return nil }
            return String(line.dropFirst(3).prefix { $0 != "\"" })
        }
        #expect(topLevel == [
            "claimTexts", "claims", "coverage", "evidence", "findings", "git", "helm", "phases", "schemaVersion", "sources", "stubMarkers",
            "tasks", "testFailures", "tests",
        ])
        #expect(topLevel == topLevel.sorted())
    }

    @Test("The output ends with exactly one newline")
    func trailingNewline() throws {
        for pretty in [true, false] {
            let data = try CanonicalJSON.encode(SampleWorkspace.populated, pretty: pretty)
            #expect(data.last == 0x0A)
            #expect(data.dropLast().last != 0x0A)
        }
    }

    @Test("Absent optional values are written as explicit null, not left out")
    func nilBecomesNull() throws {
        let json = try object(CanonicalJSON.encode(TaskRecord(id: "TN-100")))
        for key in ["title", "phase", "source", "checked", "checklist", "metadata", "git", "tests", "coverage", "helm", "completion", "quality", "grade"] {
            #expect(json.keys.contains(key), "missing key \(key)")
            #expect(json[key] is NSNull, "\(key) is not null")
        }
        #expect((json["directories"] as? [Any])?.isEmpty == true)

        let workspace = try object(CanonicalJSON.encode(Workspace(
            sources: .init(tasksRoot: "tasks", masterList: nil, config: nil), phases: [], tasks: [], findings: []
        )))
        #expect(workspace["tests"] is NSNull)
        let sources = try #require(workspace["sources"] as? [String: Any])
        #expect(sources["masterList"] is NSNull)
        #expect(sources["config"] is NSNull)
    }

    @Test("A zero count stays 0 and is not confused with null")
    func zeroIsNotNull() throws {
        let json = try object(CanonicalJSON.encode(TestEvidence(defined: 0)))
        #expect((json["defined"] as? NSNumber)?.intValue == 0)
        #expect(!(json["defined"] is NSNull))
    }

    @Test("Decoding the encoded populated workspace gives the same value")
    func roundTripPopulated() throws {
        let original = SampleWorkspace.populated
        let data = try CanonicalJSON.encode(original)
        let decoded = try CanonicalJSON.decode(Workspace.self, from: data)
        #expect(decoded == original)
        #expect(try CanonicalJSON.encode(decoded) == data)
    }

    @Test("Decoding a workspace whose optionals are all nil gives the same value")
    func roundTripEmpty() throws {
        let original = Workspace(
            sources: .init(tasksRoot: "tasks", masterList: nil, config: nil),
            phases: [Phase(id: "1", name: nil, source: .file("TASKS.md", line: nil), tasks: [])],
            tasks: [TaskRecord(id: "TN-001")], findings: []
        )
        let decoded = try CanonicalJSON.decode(Workspace.self, from: CanonicalJSON.encode(original))
        #expect(decoded == original)
    }

    @Test("A missing nullable key decodes as nil")
    func missingNullableKeyDecodesAsNil() throws {
        let data = Data(#"{"id": "TN-007", "directories": [], "documents": []}"#.utf8)
        let task = try CanonicalJSON.decode(TaskRecord.self, from: data)
        #expect(task == TaskRecord(id: "TN-007"))
    }

    @Test("Slashes are written as / and never escaped as \\/")
    func slashesAreNotEscaped() throws {
        for pretty in [true, false] {
            let text = String(decoding: try CanonicalJSON.encode(SampleWorkspace.populated, pretty: pretty), as: UTF8.self)
            #expect(!text.contains(#"\/"#))
            #expect(text.contains("tasks/TN-099-redis-statefulset/tasks.md"))
        }
    }

    @Test("Non-ASCII text is written as UTF-8, not as \\u escapes")
    func unicodeIsWrittenVerbatim() throws {
        let text = String(decoding: try CanonicalJSON.encode(SampleWorkspace.populated), as: UTF8.self)
        #expect(text.contains("Имя папки не каноническое."))
        #expect(text.contains("✅ COMPLETED 100%"))
    }

    @Test("A non-finite number is an encoding error, not a string or a silent value")
    func nonFiniteNumbersThrow() {
        var phase = Phase(id: "1", name: nil, source: .file("TASKS.md", line: 1), tasks: [])
        phase.quality = .nan
        #expect(throws: (any Error).self) { try CanonicalJSON.encode(phase) }
        phase.quality = .infinity
        #expect(throws: (any Error).self) { try CanonicalJSON.encode(phase) }
    }

    @Test("The schema version is 1")
    func schemaVersion() throws {
        #expect(Workspace.currentSchemaVersion == 1)
        let json = try object(CanonicalJSON.encode(SampleWorkspace.populated))
        #expect((json["schemaVersion"] as? NSNumber)?.intValue == 1)
    }
}
