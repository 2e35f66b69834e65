import PhaseModel

/// Links what the evidence stage read to tasks and phases (docs/design/pipeline.md#evidence-linking): a test result belongs to the tasks
/// whose commits touched its test file, a coverage figure to the tasks that touched the covered file, a
/// chart's Helm status to the tasks that touched a file in the chart; phases get what their tasks get,
/// each result counted once. Results that match no task are counted for the workspace only.
public struct EvidenceLinker: Sendable {
    let collection: EvidenceCollection
    /// Files each task's commits touched; `nil` without git history, when nothing can be linked.
    let pathsByTask: [String: Set<String>]?

    public init(collection: EvidenceCollection, pathsByTask: [String: Set<String>]?) {
        self.collection = collection
        self.pathsByTask = pathsByTask
    }

    /// The workspace with tasks, phases, the workspace-level evidence and the stub markers of its tasks
    /// filled in, and new findings added.
    public func link(_ workspace: Workspace) -> Workspace {
        var workspace = workspace
        let index = collection.index
        let phaseOf = Dictionary(workspace.tasks.compactMap { task in task.phase.map { (task.id, $0) } }, uniquingKeysWith: { first, _ in first })
        let phaseTasks = Dictionary(grouping: workspace.tasks.filter { $0.phase != nil }, by: { $0.phase! }).mapValues { $0.map(\.id) }

        let tests = linkTests(index: index, phaseOf: phaseOf)
        let defined = Dictionary(collection.inventory.map { ($0.path, $0.tests.count) }, uniquingKeysWith: +)
        let coverage = mergedCoverage(index: index)
        let charts = chartValidations()

        for position in workspace.tasks.indices {
            let id = workspace.tasks[position].id
            let paths = pathsByTask?[id]
            workspace.tasks[position].tests = testEvidence(tests.byTask[id], paths: paths, defined: defined)
            workspace.tasks[position].coverage = paths.flatMap { coverageSummary(coverage, files: $0) }
            workspace.tasks[position].helm = paths.flatMap { chartStatuses(charts, files: $0) }
        }
        for position in workspace.phases.indices {
            let id = workspace.phases[position].id
            let paths = pathsByTask.map { byTask in
                (phaseTasks[id] ?? []).reduce(into: Set<String>()) { union, task in union.formUnion(byTask[task] ?? []) }
            }
            workspace.phases[position].tests = testEvidence(tests.byPhase[id], paths: paths, defined: defined)
            workspace.phases[position].coverage = paths.flatMap { coverageSummary(coverage, files: $0) }
            workspace.phases[position].helm = paths.flatMap { chartStatuses(charts, files: $0) }
        }

        let resultFiles = collection.results.filter { $0.kind.holdsTestResults }.count
        let totalDefined = defined.values.reduce(0, +)
        if resultFiles > 0 || totalDefined > 0 {
            workspace.tests = WorkspaceTests(
                tests.total, defined: collection.inventory.isEmpty ? nil : totalDefined, unlinked: tests.unlinked,
                files: resultFiles)
        }
        if !coverage.isEmpty {
            workspace.coverage = CoverageSummary(
                linesFound: coverage.values.reduce(0) { $0 + $1.linesFound }, linesHit: coverage.values.reduce(0) { $0 + $1.linesHit },
                files: coverage.count)
        }
        workspace.helm = charts
        workspace.evidence = collection.results.map(\.record)
        workspace.testFailures = tests.failures
        workspace.stubMarkers = stubMarkers(of: Set(workspace.tasks.map(\.id)))
        workspace.findings += findings(unlinked: tests.unlinked)
        return workspace
    }

    // MARK: Tests

    struct LinkedTests {
        var total = TestCounts()
        var unlinked = TestCounts()
        var byTask: [String: TestCounts] = [:]
        var byPhase: [String: TestCounts] = [:]
        var failures: [TestFailure] = []
    }

    /// The tasks whose commits touched `file`. Asked only for files that results point at, so no
    /// index of every touched path is built.
    private func tasks(touching file: String) -> [String] {
        (pathsByTask ?? [:]).compactMap { task, paths in paths.contains(file) ? task : nil }
    }

    private func linkTests(index: RepositoryPathIndex, phaseOf: [String: String]) -> LinkedTests {
        var linked = LinkedTests()
        var memo: [TestGroupCollector.GroupKey: [String]] = [:]
        let testFiles = Set(collection.inventory.map(\.path))
        for result in collection.results where result.kind.holdsTestResults {
            var groupTasks: [[String]] = []
            for group in result.groups {
                let key = TestGroupCollector.GroupKey(suite: group.suite, file: group.file)
                let tasks: [String]
                if let known = memo[key] {
                    tasks = known
                } else {
                    let files = Self.files(of: group, kind: result.kind, index: index, testFiles: testFiles)
                    tasks = Array(Set(files.flatMap(self.tasks(touching:)))).sorted()
                    memo[key] = tasks
                }
                groupTasks.append(tasks)
                linked.total = linked.total + group.counts
                if tasks.isEmpty {
                    linked.unlinked = linked.unlinked + group.counts
                }
                for task in tasks { linked.byTask[task, default: TestCounts()] = linked.byTask[task, default: TestCounts()] + group.counts }
                for phase in Set(tasks.compactMap { phaseOf[$0] }) {
                    linked.byPhase[phase, default: TestCounts()] = linked.byPhase[phase, default: TestCounts()] + group.counts
                }
            }
            for (group, failure) in result.failures where linked.failures.count < Workspace.testFailureLimit {
                linked.failures.append(
                    TestFailure(
                        status: failure.status, suite: failure.suite, name: failure.name, message: failure.message,
                        source: failure.source, tasks: groupTasks[group]))
            }
        }
        return linked
    }

    /// The work-tree files a group of results stands for: its file, else what its suite names (a Go
    /// package folder's test files, or the file a dotted class name points to).
    static func files(of group: TestGroup, kind: EvidenceKind, index: RepositoryPathIndex, testFiles: Set<String>) -> [String] {
        if let file = group.file {
            return index.files(matching: file)
        }
        guard let suite = group.suite, !suite.isEmpty else { return [] }
        if kind == .goTestJSON || kind == .goTestText || suite.contains("/") {
            if suite.contains("/"), case let exact = index.files(matching: suite), !exact.isEmpty { return exact }
            let folder = index.files(inPackage: suite)
            let tests = folder.filter { testFiles.contains($0) }
            return tests.isEmpty ? folder : tests
        }
        return index.files(forClass: suite)
    }

    private func testEvidence(_ counts: TestCounts?, paths: Set<String>?, defined: [String: Int]) -> TestEvidence? {
        guard let paths else { return nil }
        // Iterate the smaller side: most touched paths are not test files.
        let own = paths.count <= defined.count
            ? paths.reduce(0) { $0 + (defined[$1] ?? 0) }
            : defined.reduce(0) { $0 + (paths.contains($1.key) ? $1.value : 0) }
        guard counts != nil || own > 0 else { return nil }
        return TestEvidence(counts ?? TestCounts(), defined: own)
    }

    // MARK: Coverage

    /// Coverage per file over all reports, keyed by work-tree path when the report's path matches exactly
    /// one file, else by the path as written. A file two reports cover (the same run as lcov and as
    /// Cobertura) keeps the figures of the report that instruments more of its lines.
    private func mergedCoverage(index: RepositoryPathIndex) -> [String: FileCoverage] {
        var merged: [String: FileCoverage] = [:]
        for result in collection.results {
            for file in result.coverage?.files ?? [] {
                let matches = index.files(matching: file.path)
                let key = matches.count == 1 ? matches[0] : file.path
                if let existing = merged[key], existing.linesFound >= file.linesFound { continue }
                merged[key] = file
            }
        }
        return merged
    }

    private func coverageSummary(_ coverage: [String: FileCoverage], files: Set<String>) -> CoverageSummary? {
        let covered = coverage.filter { files.contains($0.key) }.values
        guard !covered.isEmpty else { return nil }
        return CoverageSummary(
            linesFound: covered.reduce(0) { $0 + $1.linesFound }, linesHit: covered.reduce(0) { $0 + $1.linesHit },
            files: covered.count)
    }

    // MARK: Helm

    /// Most notes kept per chart.
    static let notesPerChart = 200

    private func chartValidations() -> [ChartValidation] {
        var byKey: [String: ChartValidation] = [:]
        var order: [String] = []
        func add(_ result: HelmChartResult) {
            let folder = chartFolder(named: result.chart)
            let key = folder ?? result.chart
            if byKey[key] == nil {
                order.append(key)
                byKey[key] = ChartValidation(chart: key, path: folder, status: .passed, errors: 0, warnings: 0, notes: [])
            }
            var validation = byKey[key]!
            validation.status = max(validation.status, ChartStatus(result.status))
            for message in result.messages where message.severity != .info || message.isFailCall {
                if message.severity == .error || message.isFailCall { validation.errors += 1 } else { validation.warnings += 1 }
                if validation.notes.count < Self.notesPerChart {
                    validation.notes.append(
                        HelmNote(
                            severity: message.severity, file: message.file, line: message.line,
                            column: message.column, text: message.text, failCall: message.isFailCall, source: message.source,
                            command: message.command))
                }
            }
            byKey[key] = validation
        }
        for result in collection.results { result.helm?.charts.forEach(add) }
        for (_, run) in collection.helmRuns { run.summary.charts.forEach(add) }
        return order.sorted().compactMap { byKey[$0] }
    }

    /// The chart folder Helm's name for a chart means: a path to it (`./charts/web`, absolute, or
    /// relative to another root), or the name its Chart.yaml declares, or the folder's own name.
    func chartFolder(named name: String) -> String? {
        let parts = RepositoryPathIndex.components(name)
        guard !parts.isEmpty else { return collection.charts.count == 1 && name == "." ? collection.charts[0].path : nil }
        var best: (path: String, score: Int)?
        for chart in collection.charts {
            let components = RepositoryPathIndex.components(chart.path)
            let score = RepositoryPathIndex.commonSuffix(components, parts)
            if score == components.count, score > 0, score > (best?.score ?? 0) { best = (chart.path, score) }
        }
        if let best { return best.path }
        if parts.count == 1 {
            let named = collection.charts.filter { $0.name == String(parts[0]) }
            if named.count == 1 { return named[0].path }
        }
        return nil
    }

    private func chartStatuses(_ charts: [ChartValidation], files: Set<String>) -> [ChartStatusReference]? {
        guard !charts.isEmpty else { return nil }
        let touched = charts.filter { chart in
            guard let folder = chart.path else { return false }
            return folder == "." || files.contains { $0.hasPrefix(folder + "/") }
        }
        return touched.isEmpty ? nil : touched.map { ChartStatusReference(chart: $0.chart, status: $0.status) }
    }

    // MARK: Stub markers

    /// The markers that name a task of the workspace, by file then line. The scanner takes any
    /// id-shaped word (`utf-8` reads as `UTF-008`), so only ids of known tasks are kept.
    private func stubMarkers(of tasks: Set<String>) -> [StubMarker] {
        collection.stubMarkers.enumerated()
            .filter { tasks.contains($0.element.task) }
            .sorted { lhs, rhs in
                if lhs.element.file != rhs.element.file {
                    return lhs.element.file.utf8.lexicographicallyPrecedes(rhs.element.file.utf8)
                }
                if lhs.element.line != rhs.element.line { return lhs.element.line < rhs.element.line }
                // Two ids in one comment keep the order they were written in.
                return lhs.offset < rhs.offset
            }
            .map(\.element)
    }

    // MARK: Findings

    private func findings(unlinked: TestCounts) -> [Finding] {
        var findings: [Finding] = []
        for result in collection.results {
            for problem in result.problems.prefix(EvidenceFindings.perFileLimit) {
                findings.append(EvidenceFindings.problem(problem, kind: result.kind.label))
            }
            // The problems past the limit are counted by what they cost: results lost hold the
            // gate, figures beside kept results do not.
            let rest = result.problems.dropFirst(EvidenceFindings.perFileLimit)
            let lost = rest.count { !$0.resultsKept }
            if lost > 0 { findings.append(EvidenceFindings.moreProblems(lost, file: result.path)) }
            if rest.count > lost { findings.append(EvidenceFindings.moreFigureProblems(rest.count - lost, file: result.path)) }
        }
        findings += collection.unread.map(EvidenceFindings.unread)
        findings += collection.inventoryProblems.map(EvidenceFindings.testSourceProblem)
        for (chart, run) in collection.helmRuns where run.timedOut || run.exitStatus == nil {
            let command = run.arguments.first ?? "lint"
            let reason = run.timedOut
                ? LocalizedText(message: "finding.helm.run-failed.timed-out", ["timeout": .text("\(EvidenceCollector.helmTimeout)")])
                : LocalizedText(message: "finding.helm.run-failed.not-started")
            // English in both languages, as phase.json has always stored it.
            findings.append(EvidenceFindings.helmRunFailed(chart: chart, command: command, reason: reason.en))
        }
        if pathsByTask != nil, unlinked.executed > 0 { findings.append(EvidenceFindings.unlinked(unlinked)) }
        return findings
    }
}
