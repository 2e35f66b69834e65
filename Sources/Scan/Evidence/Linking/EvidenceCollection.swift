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
    /// Files that look like evidence but were not read, or repeat one that was.
    public var unread: [UnreadEvidence] = []
    /// Stub markers in source files that name a task id in any spelling, in path order; ids the
    /// workspace has no task for are still here (the linker drops them).
    public var stubMarkers: [StubMarker]
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
        stubMarkers = []
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
    /// What earlier runs read from files that have not changed since; `nil` reads every file.
    let cache: EvidenceCache?

    public init(tree: RepositoryTree, configuration: Configuration, helm: URL?) {
        self.init(tree: tree, configuration: configuration, helm: helm, cache: nil)
    }

    init(tree: RepositoryTree, configuration: Configuration, helm: URL?, cache: EvidenceCache?) {
        self.tree = tree
        self.configuration = configuration
        self.helm = helm
        self.cache = cache
    }

    /// Reads what `files` holds; files are read in parallel, results come back in path order.
    public func collect(_ files: WorkTreeFiles, progress: @escaping @Sendable (String) -> Void = { _ in }) -> EvidenceCollection {
        var collection = EvidenceCollection()
        collection.paths = files.paths
        let discovery = EvidenceDiscovery(tree: tree, configuration: configuration).discover(in: files)
        collection.examined = discovery.examined
        collection.unread = discovery.unread
        let run = cache.map { EvidenceCacheRun(cache: $0) }
        collection.results = readInParallel(discovery.files, progress: progress) { candidate in
            let absolute = tree.absolute(candidate.path)
            let read = { EvidenceFileReader.read(URL(fileURLWithPath: absolute), path: candidate.path, kind: candidate.kind) }
            guard let run else { return read() }
            return run.value(source: false, path: candidate.path, absolute: absolute, reading: candidate.kind.rawValue, read: read)
        }
        // evidence.exclude keeps fixtures and vendored code out of the inventory and the stub markers.
        let exclude = configuration.evidence.exclude.map(Glob.init)
        let ids = try? TaskIDPattern(prefix: configuration.tasks.idPrefix, width: configuration.tasks.idWidth)
        let sources = files.paths.compactMap { path -> SourceFile? in
            guard !exclude.contains(where: { $0.matches(path) }) else { return nil }
            let source = SourceFile(
                path: path, isTest: TestInventory.language(ofTestFile: path) != nil,
                hasMarkers: ids != nil && StubMarkerScanner.isSource(path: path))
            return source.isTest || source.hasMarkers ? source : nil
        }
        // How a source is read: for tests, for markers of which task ids, or both.
        let idsText = ids.map { "\($0.prefixPattern) \($0.width) \($0.separator)" } ?? "-"
        let scanned = readInParallel(sources, progress: { _ in }) { source in
            guard let run else { return read(source, ids: ids) }
            let reading = (source.isTest ? "tests" : "-") + " " + (source.hasMarkers ? "markers " + idsText : "-")
            return run.value(source: true, path: source.path, absolute: tree.absolute(source.path), reading: reading) {
                read(source, ids: ids)
            }
        }
        run?.save()
        collection.inventory = scanned.compactMap(\.inventory)
        collection.inventoryProblems = scanned.flatMap(\.problems)
        collection.stubMarkers = scanned.flatMap(\.markers)
        collection.charts = HelmLocator.chartDirectories(in: files.paths).map { ($0, chartName(in: $0)) }
        if let helm, !collection.charts.isEmpty {
            let runner = HelmRunner(executable: helm, timeout: Self.helmTimeout, workingDirectory: URL(fileURLWithPath: tree.root))
            for (index, chart) in collection.charts.enumerated() {
                progress(LocalizedText(message: "cli.progress.helm", [
                    "index": .count(index + 1), "total": .count(collection.charts.count), "chart": .text(chart.path),
                ]).en)
                let folder = URL(fileURLWithPath: tree.absolute(chart.path))
                collection.helmRuns.append((chart.path, runner.lint(chartDirectory: folder)))
                collection.helmRuns.append((chart.path, runner.template(chartDirectory: folder)))
            }
        }
        return collection
    }

    /// Largest source file searched for stub markers; bigger files are generated or vendored, and
    /// reading them would cost more than the markers are worth.
    static let stubMarkerSizeLimit = 4 * 1024 * 1024

    /// A work-tree file read for the test inventory, for stub markers, or both.
    struct SourceFile: Sendable {
        var path: String
        var isTest: Bool
        var hasMarkers: Bool
    }

    /// What one source file gave.
    struct SourceScan: Sendable, Codable {
        var inventory: TestInventoryFile?
        var problems: [EvidenceProblem] = []
        var markers: [StubMarker] = []
    }

    /// Reads `source` once and hands the bytes to the test inventory and the stub-marker scanner.
    private func read(_ source: SourceFile, ids: TaskIDPattern?) -> SourceScan {
        let absolute = tree.absolute(source.path)
        // A file read only for markers is sized first, so a large one is never read.
        if !source.isTest, (Self.fileSize(absolute) ?? Int.max) > Self.stubMarkerSizeLimit {
            return SourceScan()
        }
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: absolute), options: .mappedIfSafe) else {
            // A source file that cannot be read has no markers to report; only the inventory says so.
            return source.isTest
                ? SourceScan(problems: [
                    EvidenceProblem(file: source.path, line: nil, message: LocalizedText(message: "problem.test-inventory.file-unreadable").en),
                ])
                : SourceScan()
        }
        var result = SourceScan()
        if source.isTest {
            (result.inventory, result.problems) = TestInventory.scan(data: data, path: source.path)
        }
        if source.hasMarkers, let ids, data.count <= Self.stubMarkerSizeLimit {
            result.markers = StubMarkerScanner.markers(in: data, path: source.path, ids: ids)
        }
        return result
    }

    /// The size of a file in bytes; `nil` when it cannot be examined. Asked of `stat` itself:
    /// `FileManager.attributesOfItem` also looks up the owner's user and group names, which read
    /// `/etc/nsswitch.conf` and the password file for every result file.
    private static func fileSize(_ absolutePath: String) -> Int? {
        var info = stat()
        guard stat(absolutePath, &info) == 0 else { return nil }
        return Int(info.st_size)
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

    /// Applies `read` to each item on all cores, keeping the items' order; says how many are done
    /// at every hundredth of them and at the last.
    private func readInParallel<Item: Sendable, Output: Sendable>(
        _ items: [Item], progress: @escaping @Sendable (String) -> Void, _ read: @Sendable (Item) -> Output
    ) -> [Output] {
        let slots = ResultSlots<Output>(count: items.count)
        // Why not at every file: a terminal was sent a line for each of the 8,000 files of the
        // 100,000-commit repository, and every message's text was made even with no terminal to
        // show it (11 of the 157 samples of reading those files from the cache in a profile of
        // `phase-close 1`; Benchmarks/RESULTS-scale.md, thirtieth round).
        let step = Self.progressStep(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.set(index, read(items[index]))
            let done = slots.finished()
            if items.count > 1, done % step == 0 || done == items.count {
                progress(LocalizedText(message: "cli.progress.evidence-files", ["done": .count(done), "total": .count(items.count)]).en)
            }
        }
        return slots.values()
    }

    /// How many items between two progress messages: a hundredth of `count`, at least one.
    static func progressStep(count: Int) -> Int { max(1, count / 100) }
}
