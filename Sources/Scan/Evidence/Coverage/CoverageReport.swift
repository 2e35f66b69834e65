import Foundation

/// The coverage file format a report was read as.
public enum CoverageFormat: String, Sendable, Codable {
    /// lcov tracefile (`.info`): geninfo/lcov, gcovr `--lcov`, coverage.py `coverage lcov`, c8, llvm-cov export.
    case lcov
    /// Cobertura XML: coverage.py `coverage xml`, gcovr `--cobertura`, Cobertura, many CI converters.
    case cobertura
    /// Go `-coverprofile` output (`mode: set|count|atomic` then one line per block).
    case goCoverprofile
}

/// Line coverage of one source file.
public struct FileCoverage: Sendable, Equatable, Codable {
    /// The file as the report names it (Cobertura: joined with its `<source>` only when that is unambiguous;
    /// see `CoberturaParser`). Not mapped to a repository path.
    public var path: String
    /// Distinct lines with code.
    public var linesFound: Int
    /// Distinct lines with code that ran at least once.
    public var linesHit: Int
    /// Statements in distinct blocks; only Go coverprofiles count statements.
    public var statementsFound: Int?
    /// Statements in blocks that ran at least once; only Go coverprofiles.
    public var statementsHit: Int?

    public init(path: String, linesFound: Int, linesHit: Int, statementsFound: Int? = nil, statementsHit: Int? = nil) {
        self.path = path
        self.linesFound = linesFound
        self.linesHit = linesHit
        self.statementsFound = statementsFound
        self.statementsHit = statementsHit
    }

    /// Hit lines as a percentage of found lines; nil when the file has no line with code.
    public var percent: Double? { linesFound > 0 ? Double(linesHit) / Double(linesFound) * 100 : nil }

    /// Statement coverage in percent, when statements were counted and there are some.
    public var statementPercent: Double? { coveragePercent(statementsHit, statementsFound) }
}

/// What one coverage file held: line coverage per file and in total, and what was wrong with it.
///
/// A file the report lists more than once (lcov records under several test names, a Cobertura class
/// split into several `<class>` elements, coverprofile blocks from several test binaries) appears once
/// in `files`, merged per line: a line is found if any record lists it and hit if any record hits it.
/// Totals are sums over `files`, so each line counts once.
public struct CoverageReport: Sendable, Equatable, Codable {
    /// The format read; nil when the input was not recognised as the parser's format.
    public var format: CoverageFormat?
    /// The input looked like the parser's format. When false and `problems` is empty, the input simply
    /// was something else.
    public var recognized: Bool
    /// Sorted by path; each path once.
    public var files: [FileCoverage]
    /// Malformed or truncated input, and declared totals that disagree with the lines read.
    public var problems: [EvidenceProblem]
    public var linesFound: Int
    public var linesHit: Int
    /// Sum over files; nil unless the format counts statements (Go coverprofile).
    public var statementsFound: Int?
    public var statementsHit: Int?

    /// Builds a report whose totals are the sums over `files` (which are sorted by path).
    public init(format: CoverageFormat?, recognized: Bool, files: [FileCoverage], problems: [EvidenceProblem]) {
        self.format = format
        self.recognized = recognized
        self.files = files.sorted { $0.path < $1.path }
        self.problems = problems
        linesFound = files.reduce(0) { $0 + $1.linesFound }
        linesHit = files.reduce(0) { $0 + $1.linesHit }
        if files.contains(where: { $0.statementsFound != nil }) {
            statementsFound = files.reduce(0) { $0 + ($1.statementsFound ?? 0) }
            statementsHit = files.reduce(0) { $0 + ($1.statementsHit ?? 0) }
        }
    }

    /// Total hit lines as a percentage of found lines; nil when no line with code was found.
    public var percent: Double? { linesFound > 0 ? Double(linesHit) / Double(linesFound) * 100 : nil }

    /// Total statement coverage in percent (Go coverprofile), as `go tool cover -func` prints it unrounded.
    public var statementPercent: Double? { coveragePercent(statementsHit, statementsFound) }

    /// A report for input that is not this format at all (and not broken in a way worth reporting).
    static func unrecognized(problems: [EvidenceProblem] = []) -> CoverageReport {
        CoverageReport(format: nil, recognized: false, files: [], problems: problems)
    }
}

private func coveragePercent(_ hit: Int?, _ found: Int?) -> Double? {
    guard let hit, let found, found > 0 else { return nil }
    return Double(hit) / Double(found) * 100
}

/// Ordering of problems gathered in separate logs.
enum CoverageProblems {
    /// All problems by line (problems without a line last), keeping each log's order for equal lines.
    static func merged(_ logs: [EvidenceProblem]...) -> [EvidenceProblem] {
        logs.joined().enumerated().sorted { a, b in
            let (la, lb) = (a.element.line ?? Int.max, b.element.line ?? Int.max)
            return la != lb ? la < lb : a.offset < b.offset
        }.map(\.element)
    }
}
