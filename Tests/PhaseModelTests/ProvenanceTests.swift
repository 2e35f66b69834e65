import Foundation
import PhaseModel
import Testing

@Suite("Provenance")
struct ProvenanceTests {
    private let commit = "0123456789abcdef0123456789abcdef01234567"

    private func json(_ value: Provenance) throws -> String {
        String(decoding: try CanonicalJSON.encode(value, pretty: false), as: UTF8.self)
    }

    @Test("A file line encodes as {file, line}")
    func fileWithLineEncodes() throws {
        #expect(try json(.file("tasks/TASKS.md", line: 12)) == #"{"file":"tasks/TASKS.md","line":12}"# + "\n")
    }

    @Test("A whole file encodes with an explicit null line")
    func fileWithoutLineEncodesNullLine() throws {
        #expect(try json(.file("tasks/TASKS.md", line: nil)) == #"{"file":"tasks/TASKS.md","line":null}"# + "\n")
    }

    @Test("A commit encodes as {commit} only")
    func commitEncodes() throws {
        #expect(try json(.commit(commit)) == #"{"commit":"\#(commit)"}"# + "\n")
    }

    @Test("Every form decodes back to the same value", arguments: [
        Provenance.file("a/b.md", line: 1), .file("a/b.md", line: nil), .commit("0123456789abcdef0123456789abcdef01234567"),
    ])
    func roundTrip(_ provenance: Provenance) throws {
        #expect(try CanonicalJSON.decode(Provenance.self, from: CanonicalJSON.encode(provenance)) == provenance)
    }

    @Test("A file form without a line key decodes with a nil line")
    func fileWithoutLineKeyDecodes() throws {
        let value = try CanonicalJSON.decode(Provenance.self, from: Data(#"{"file": "x.md"}"#.utf8))
        #expect(value == .file("x.md", line: nil))
    }

    @Test("An object with neither file nor commit does not decode")
    func emptyObjectIsRejected() {
        #expect(throws: (any Error).self) {
            try CanonicalJSON.decode(Provenance.self, from: Data("{}".utf8))
        }
    }

    @Test("description is path:line, path, or the commit id")
    func descriptions() {
        #expect(Provenance.file("tasks/TASKS.md", line: 7).description == "tasks/TASKS.md:7")
        #expect(Provenance.file("tasks/TASKS.md", line: nil).description == "tasks/TASKS.md")
        #expect(Provenance.commit(commit).description == commit)
    }

    @Test("file and line are available only for the file form")
    func accessors() {
        let file = Provenance.file("a.md", line: 3)
        #expect(file.file == "a.md")
        #expect(file.line == 3)
        let commit = Provenance.commit(commit)
        #expect(commit.file == nil)
        #expect(commit.line == nil)
    }

    @Test("A finding takes file and line from file provenance, and commit from commit provenance")
    func findingFlattensProvenance() {
        let message = LocalizedText(en: "x", ru: "х")
        let atFile = Finding(rule: .other("a.b"), severity: .minor, at: .file("f.md", line: 4), message: message)
        #expect(atFile.file == "f.md")
        #expect(atFile.line == 4)
        #expect(atFile.commit == nil)
        let atCommit = Finding(rule: .other("a.b"), severity: .minor, at: .commit(commit), message: message)
        #expect(atCommit.file == nil)
        #expect(atCommit.line == nil)
        #expect(atCommit.commit == commit)
    }
}
