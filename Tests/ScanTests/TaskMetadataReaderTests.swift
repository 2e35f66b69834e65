import PhaseModel
import Testing
@testable import Scan

struct TaskMetadataReaderTests {
    let ids = try! TaskIDPattern()

    @Test func dependenciesPathsAndTargetsAreRead() throws {
        let yaml = "title: Redis\ndepends_on: [TN-98, tn-097]\npaths:\n  - helm/redis.yaml\ntargets:\n  coverage: 80\n  latency: 1.5\n"
        let metadata = try TaskMetadataReader.read(yaml: yaml, firstLine: 1, source: "tasks/TN-099-x/task.yml", ids: ids).get()
        #expect(metadata.dependencies == ["TN-098", "TN-097"])
        #expect(metadata.linkedPaths == ["helm/redis.yaml"])
        #expect(metadata.targets == ["coverage": 80, "latency": 1.5])
        #expect(metadata.source == .file("tasks/TN-099-x/task.yml", line: 1))
    }

    @Test func wrongShapesAreProblemsWithTheirLine() {
        let result = TaskMetadataReader.read(yaml: "title: x\ndependencies:\n  key: value\n", firstLine: 2, source: "f.md", ids: ids)
        guard case let .failure(problem) = result else {
            Issue.record("expected a problem")
            return
        }
        #expect(problem.line == 4)
        #expect(problem.message.contains("dependencies"))
    }

    @Test func aDependencyThatIsNotATaskIDIsAProblem() {
        let result = TaskMetadataReader.read(yaml: "dependencies: [redis]\n", firstLine: 1, source: "f", ids: ids)
        #expect((try? result.get()) == nil)
    }

    @Test func malformedYAMLIsAProblemNotACrash() {
        let result = TaskMetadataReader.read(yaml: "a: [1, 2\nb: {", firstLine: 2, source: "f", ids: ids)
        guard case let .failure(problem) = result else {
            Issue.record("expected a problem")
            return
        }
        #expect(problem.line >= 2)
    }
}
