import PhaseModel
import Yams

/// Reads what a task declares about itself: `task.yml`, or YAML front matter in a document.
///
/// Recognised keys: `dependencies` (also `dependsOn`, `depends_on`) — task ids;
/// `paths` (also `linkedPaths`, `linked_paths`) — repository paths; `targets` — a mapping of
/// names to numbers. Other keys (title, owner, …) are the author's and are ignored.
public enum TaskMetadataReader {
    /// A problem in the metadata, with the line it was found on.
    public struct Problem: Error, Sendable, Equatable {
        public var line: Int
        /// In English: the finding quotes it so in both languages (see `ScanFindings.invalidMetadata`).
        public var message: String

        init(line: Int, _ message: LocalizedText) {
            self.line = line
            self.message = message.en
        }
    }

    /// Parses `yaml` whose first line is line `firstLine` of its file.
    public static func read(yaml: String, firstLine: Int, source file: String, ids: TaskIDPattern) -> Result<TaskMetadata, Problem> {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            return .failure(Problem(
                line: firstLine + max(0, yamlLine(of: error) - 1), LocalizedText(message: "problem.task-metadata.yaml")))
        } catch {
            return .failure(Problem(line: firstLine, LocalizedText(message: "problem.task-metadata.yaml")))
        }
        guard let root else {
            return .success(TaskMetadata(dependencies: [], linkedPaths: [], targets: [:], source: .file(file, line: firstLine)))
        }
        guard let mapping = root.mapping else {
            return .failure(Problem(line: firstLine + line(of: root) - 1, LocalizedText(message: "problem.task-metadata.not-a-mapping")))
        }
        var dependencies: [String] = []
        var paths: [String] = []
        var targets: [String: Double] = [:]
        for (key, value) in mapping {
            let at = firstLine + line(of: value) - 1
            switch key.string ?? "" {
            case "dependencies", "dependsOn", "depends_on":
                guard let list = strings(value) else {
                    return .failure(Problem(
                        line: at, LocalizedText(message: "problem.task-metadata.not-task-ids", ["key": .text(key.string ?? "")])))
                }
                for entry in list {
                    guard let id = ids.canonical(entry) else {
                        return .failure(Problem(
                            line: at, LocalizedText(message: "problem.task-metadata.not-a-task-id", ["entry": .text(entry)])))
                    }
                    dependencies.append(id)
                }
            case "paths", "linkedPaths", "linked_paths":
                guard let list = strings(value) else {
                    return .failure(Problem(
                        line: at, LocalizedText(message: "problem.task-metadata.not-paths", ["key": .text(key.string ?? "")])))
                }
                paths.append(contentsOf: list)
            case "targets":
                guard let targetMapping = value.mapping else {
                    return .failure(Problem(line: at, LocalizedText(message: "problem.task-metadata.targets")))
                }
                for (name, number) in targetMapping {
                    guard let name = name.string, let number = number.int.map(Double.init) ?? number.float else {
                        return .failure(Problem(
                            line: firstLine + line(of: number) - 1, LocalizedText(message: "problem.task-metadata.targets")))
                    }
                    targets[name] = number
                }
            default:
                continue
            }
        }
        return .success(TaskMetadata(
            dependencies: dependencies, linkedPaths: paths, targets: targets, source: .file(file, line: firstLine)))
    }

    private static func strings(_ node: Node) -> [String]? {
        if let single = node.scalar?.string, !single.isEmpty { return [single] }
        guard let sequence = node.sequence else { return nil }
        var result: [String] = []
        for element in sequence {
            guard let text = element.scalar?.string else { return nil }
            result.append(text)
        }
        return result
    }

    private static func line(of node: Node) -> Int { node.mark?.line ?? 1 }

    private static func yamlLine(of error: YamlError) -> Int {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return mark.line
        default:
            return 1
        }
    }
}
