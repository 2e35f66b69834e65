import Foundation
import PhasecertKit
import TestSupport

/// A repository of two phases: phase 1 (TN-001, done, with its code and tests) and phase 2
/// (TN-002, open), each task with a commit of its own.
struct PipelineFixture {
    let repository: GitRepositoryBuilder
    var path: String { repository.path }

    init() throws {
        repository = try GitRepositoryBuilder()
        try repository.write(
            "tasks/TASKS.md", "# Tasks\n\n## Phase 1: Core\n\n- [x] **TN-001** Parser\n\n## Phase 2: Output\n\n- [ ] **TN-002** Writer\n")
        try repository.write("tasks/TN-001-parser/requirements.md", "# Parser\n\nRead the input.\n")
        try repository.write("tasks/TN-001-parser/tasks.md", "- [x] read\n- [x] check\n")
        try repository.write("tasks/TN-002-writer/tasks.md", "- [x] open\n- [ ] write\n")
        try repository.commit("chore: master list", date: "2025-12-01T09:00:00+00:00")
        try repository.write("src/parser.py", "def parse():\n    return 1\n\n\ndef check():\n    return 2\n")
        try repository.commit("TN-001: parser", date: "2025-12-01T10:00:00+00:00")
        try repository.write("src/writer.py", "def write():\n    return 0\n")
        try repository.commit("TN-002: writer skeleton", date: "2025-12-02T10:00:00+00:00")
    }

    /// The pipeline over the work tree, its notes collected in `notes`.
    func pipeline(notes: Notes = Notes()) -> Pipeline {
        Pipeline(
            source: ScanSource(repository: path), configuration: .init(),
            context: PipelineContext(note: { notes.append($0) }))
    }

    /// The pipeline over the work tree and its assessment of it.
    func assessed() throws -> (Pipeline, Assessment) {
        let pipeline = pipeline()
        return (pipeline, pipeline.assess(try pipeline.scan()))
    }

    /// `assessed()` with a pipeline that keeps reports between runs: one whose context names an
    /// executable, as the command line's does (its identity keys the report caches). The scan
    /// runs without it, in this process.
    func assessedAsTheCommandLine() throws -> (Pipeline, Assessment) {
        let (plain, assessment) = try assessed()
        var pipeline = plain
        pipeline.context.executable = CommandLine.arguments[0]
        return (pipeline, assessment)
    }

    /// Notes the pipeline sent, in order.
    final class Notes: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        var all: [String] { lock.withLock { list } }
        func append(_ note: String) { lock.withLock { list.append(note) } }
    }
}
