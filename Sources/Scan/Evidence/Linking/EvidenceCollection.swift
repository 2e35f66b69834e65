import Foundation
import PhaseModel

/// Everything the evidence stage read from a work tree, before it is linked to tasks.
public struct EvidenceCollection: Sendable {
    /// Evidence files, in path order.
    public var results: [EvidenceFileResult]
    /// Test source files and the tests they define, in path order.
    public var inventory: [TestInventoryFile]
    /// Problems reading test source files.
    public var inventoryProblems: [EvidenceProblem]
    /// Folders holding a Chart.yaml, with the chart name it declares (when readable).
    public var charts: [(path: String, name: String?)]
    /// `helm lint` / `helm template` runs phasecert made itself, per chart folder.
    public var helmRuns: [(chart: String, run: HelmRunResult)]
    /// Files opened to see whether they hold evidence.
    public var examined: Int
    /// Every file of the work tree that was considered, for matching paths named in evidence.
    public var paths: [String] {
        didSet { index = RepositoryPathIndex(paths: paths) }
    }
    /// `paths` indexed for matching, built on the reading thread rather than while linking.
    private(set) var index = RepositoryPathIndex(paths: [])

    public init() {
        results = []
        inventory = []
        inventoryProblems = []
        charts = []
        helmRuns = []
        examined = 0
        paths = []
    }
}

/// Reads every evidence file, the test inventory and the charts of a work tree.
public struct EvidenceCollector: Sendable {
    let tree: RepositoryTree
    let configuration: Configuration
    /// `helm` to run on the charts found; `nil` leaves Helm to captured output only.
    let helm: URL?
    /// Longest a single helm run may take.
    static let helmTimeout: Duration = .seconds(120)

    public init(tree: RepositoryTree, configuration: Configuration, helm: URL?) {
        self.tree = tree
        self.configuration = configuration
        self.helm = helm
    }

    /// Reads what `files` holds; files are read in parallel, results come back in path order.
    public func collect(_ files: WorkTreeFiles, progress: @escaping @Sendable (String) -> Void = { _ in }) -> EvidenceCollection {
        var collection = EvidenceCollection()
        collection.paths = files.paths
        let discovery = EvidenceDiscovery(tree: tree, configuration: configuration).discover(in: files)
        collection.examined = discovery.examined
        collection.results = readInParallel(discovery.files, progress: progress) { candidate in
            EvidenceFileReader.read(URL(fileURLWithPath: tree.absolute(candidate.path)), path: candidate.path, kind: candidate.kind)
        }
        // evidence.exclude keeps fixtures and vendored code out of the inventory as well.
        let exclude = configuration.evidence.exclude.map(Glob.init)
        let testFiles = files.paths.filter { path in
            TestInventory.language(ofTestFile: path) != nil && !exclude.contains { $0.matches(path) }
        }
        let scanned = readInParallel(testFiles, progress: { _ in }) { path -> (TestInventoryFile?, [EvidenceProblem]) in
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: tree.absolute(path)), options: .mappedIfSafe) else {
                return (nil, [EvidenceProblem(file: path, line: nil, message: "the test file could not be read")])
            }
            return TestInventory.scan(data: data, path: path)
        }
        collection.inventory = scanned.compactMap(\.0)
        collection.inventoryProblems = scanned.flatMap(\.1)
        collection.charts = HelmLocator.chartDirectories(in: files.paths).map { ($0, chartName(in: $0)) }
        if let helm, !collection.charts.isEmpty {
            let runner = HelmRunner(executable: helm, timeout: Self.helmTimeout, workingDirectory: URL(fileURLWithPath: tree.root))
            for (index, chart) in collection.charts.enumerated() {
                progress("helm lint and template \(index + 1)/\(collection.charts.count): \(chart.path)")
                let folder = URL(fileURLWithPath: tree.absolute(chart.path))
                collection.helmRuns.append((chart.path, runner.lint(chartDirectory: folder)))
                collection.helmRuns.append((chart.path, runner.template(chartDirectory: folder)))
            }
        }
        return collection
    }

    /// The `name:` a chart's Chart.yaml declares; Helm's messages use it rather than the folder.
    private func chartName(in folder: String) -> String? {
        let path = folder == "." ? "Chart.yaml" : folder + "/Chart.yaml"
        guard case let .success(file) = TextFileReader.read(absolutePath: tree.absolute(path), path: path) else { return nil }
        for line in file.text.split(separator: "\n") where line.hasPrefix("name:") {
            let value = line.dropFirst(5).trimmingBlanks()
            let unquoted = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return unquoted.isEmpty ? nil : unquoted
        }
        return nil
    }

    /// Applies `read` to each item on all cores, keeping the items' order.
    private func readInParallel<Item: Sendable, Output: Sendable>(
        _ items: [Item], progress: @escaping @Sendable (String) -> Void, _ read: @Sendable (Item) -> Output
    ) -> [Output] {
        let slots = ResultSlots<Output>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.set(index, read(items[index]))
            let done = slots.finished()
            if items.count > 1 { progress("evidence files \(done)/\(items.count)") }
        }
        return slots.values()
    }
}

/// Results written by parallel workers, one slot each.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]
    private var done = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.withLock {
            slots[index] = value
            done += 1
        }
    }

    func finished() -> Int { lock.withLock { done } }

    func values() -> [Value] { lock.withLock { slots.map { $0! } } }
}
