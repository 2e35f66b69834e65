import Foundation
import PhaseModel

/// Reads one evidence file with the parser for its kind, streaming it from disk.
public enum EvidenceFileReader {
    /// Reads the file at `url` (shown as `path`) as `kind`. Never throws: an unreadable file is a problem.
    public static func read(_ url: URL, path: String, kind: EvidenceKind) -> EvidenceFileResult {
        var collector = TestGroupCollector(path: path, kind: kind)
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            var result = collector.result
            result.problems.append(EvidenceProblem(file: path, line: nil, message: LocalizedText(message: "problem.file-not-opened")))
            return result
        }
        defer { try? handle.close() }
        var problems: [EvidenceProblem]
        var coverage: CoverageReport?
        var helm: HelmOutputSummary?
        switch kind {
        case .junit:
            problems = JUnitParser.parse(handle: handle, file: path) { collector.add($0) }.problems
        case .goTestJSON, .goTestText:
            problems = GoTestParser.parse(handle: handle, file: path) { collector.add($0) }.problems
        case .tap:
            problems = TAPParser.parse(handle: handle, file: path) { collector.add($0) }.problems
        case .lcov:
            coverage = LcovParser.parse(handle: handle, file: path)
            problems = coverage?.problems ?? []
        case .cobertura:
            coverage = CoberturaParser.parse(handle: handle, file: path)
            problems = coverage?.problems ?? []
        case .goCoverprofile:
            coverage = GoCoverprofileParser.parse(handle: handle, file: path)
            problems = coverage?.problems ?? []
        case .helm:
            helm = HelmOutputParser.parse(handle: handle, file: path)
            problems = helm?.problems ?? []
        }
        var result = collector.result
        result.problems = problems
        result.coverage = coverage
        result.helm = helm
        result.bytes = Int((try? handle.offset()) ?? 0)
        return result
    }
}
