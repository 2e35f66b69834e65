import Foundation
import PhaseModel

/// What one evidence file held, reduced to what linking and reporting need.
public struct EvidenceFileResult: Sendable {
    /// Repository-relative path.
    public var path: String
    public var kind: EvidenceKind
    /// Test outcomes over the whole file (test result kinds only).
    public var counts: TestCounts
    /// Outcomes per suite or test file, in first-seen order.
    public var groups: [TestGroup]
    /// Failed and errored cases, the first `failureLimit` of them, with the group each belongs to.
    public var failures: [(group: Int, result: TestCaseResult)]
    public var problems: [EvidenceProblem]
    /// Per-file line coverage (coverage kinds only).
    public var coverage: CoverageReport?
    /// Per-chart Helm results (Helm output only).
    public var helm: HelmOutputSummary?
    /// Bytes read.
    public var bytes: Int

    /// Most failing cases kept per file.
    public static let failureLimit = 200
    /// Most groups kept per file; cases beyond go to one last group without suite or file.
    public static let groupLimit = 50_000

    init(path: String, kind: EvidenceKind) {
        self.path = path
        self.kind = kind
        self.counts = TestCounts()
        self.groups = []
        self.failures = []
        self.problems = []
        self.bytes = 0
    }
}

extension EvidenceFileResult: Codable {
    /// A failed case as written: the group it belongs to and the case.
    private struct Failure: Codable {
        var group: Int
        var result: TestCaseResult
    }

    private enum CodingKeys: String, CodingKey {
        case path, kind, counts, groups, failures, problems, coverage, helm, bytes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(path: try container.decode(String.self, forKey: .path), kind: try container.decode(EvidenceKind.self, forKey: .kind))
        counts = try container.decode(TestCounts.self, forKey: .counts)
        groups = try container.decode([TestGroup].self, forKey: .groups)
        failures = try container.decode([Failure].self, forKey: .failures).map { ($0.group, $0.result) }
        problems = try container.decode([EvidenceProblem].self, forKey: .problems)
        coverage = try container.decodeIfPresent(CoverageReport.self, forKey: .coverage)
        helm = try container.decodeIfPresent(HelmOutputSummary.self, forKey: .helm)
        bytes = try container.decode(Int.self, forKey: .bytes)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(kind, forKey: .kind)
        try container.encode(counts, forKey: .counts)
        try container.encode(groups, forKey: .groups)
        try container.encode(failures.map { Failure(group: $0.group, result: $0.result) }, forKey: .failures)
        try container.encode(problems, forKey: .problems)
        try container.encodeIfPresent(coverage, forKey: .coverage)
        try container.encodeIfPresent(helm, forKey: .helm)
        try container.encode(bytes, forKey: .bytes)
    }
}

/// Collects cases into groups as a parser hands them over.
struct TestGroupCollector {
    private var index: [GroupKey: Int] = [:]
    private(set) var result: EvidenceFileResult
    private var overflowGroup: Int?
    /// Cases of one suite usually arrive together; checking the last group first skips most hashing.
    private var last: (key: GroupKey, group: Int)?

    struct GroupKey: Hashable {
        var suite: String?
        var file: String?
    }

    init(path: String, kind: EvidenceKind) {
        result = EvidenceFileResult(path: path, kind: kind)
    }

    mutating func add(_ test: TestCaseResult) {
        // A named file links better than a suite; with one, the suite adds nothing to the key.
        let key = test.file != nil ? GroupKey(suite: nil, file: test.file) : GroupKey(suite: test.suite, file: nil)
        let group: Int
        if let last, last.key == key {
            group = last.group
        } else if let existing = index[key] {
            group = existing
        } else if result.groups.count < EvidenceFileResult.groupLimit {
            group = result.groups.count
            index[key] = group
            result.groups.append(TestGroup(suite: key.suite, file: key.file))
        } else if let overflowGroup {
            group = overflowGroup
        } else {
            group = result.groups.count
            overflowGroup = group
            result.groups.append(TestGroup(suite: nil, file: nil))
        }
        last = (key, group)
        result.groups[group].counts.record(test.status, flaky: test.flaky)
        result.counts.record(test.status, flaky: test.flaky)
        if test.status == .failed || test.status == .errored, result.failures.count < EvidenceFileResult.failureLimit {
            result.failures.append((group, test))
        }
    }
}

extension EvidenceFileResult {
    /// The model's record of this file.
    public var record: EvidenceFileRecord {
        EvidenceFileRecord(
            path: path, kind: kind.rawValue, tests: kind.holdsTestResults ? counts : nil,
            coverage: coverage.map { CoverageSummary(linesFound: $0.linesFound, linesHit: $0.linesHit, files: $0.files.count) },
            charts: helm.map { $0.charts.map { ChartStatusReference(chart: $0.chart, status: ChartStatus($0.status)) } },
            problems: problems.count)
    }
}

extension ChartStatus {
    /// The model's status for a parsed chart result.
    init(_ status: HelmChartStatus) {
        switch status {
        case .passed: self = .passed
        case .warnings: self = .warnings
        case .failed: self = .failed
        }
    }
}
