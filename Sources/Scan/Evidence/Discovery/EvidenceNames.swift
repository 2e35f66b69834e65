import PhaseModel

/// Names that say a file holds test results or coverage, whatever its content turns out to be.
///
/// Discovery is by content, so a file phasecert cannot read is invisible to it. These names are how a
/// binary, mis-encoded or unsupported result file is still noticed and reported rather than passed over
/// in silence. The list is deliberately narrow — words that name result files in the common reporters —
/// so that an ordinary `coverage/` folder of HTML or an Istanbul JSON map is not called lost evidence.
enum EvidenceNames {
    /// Extensions a result file is written with. A name without one is more often a script (`run-junit-benchmark`).
    private static let extensions: Set<String> = ["xml", "json", "jsonl", "ndjson", "txt", "log", "out", "tap", "info", "lcov", "trx"]

    /// Words in a file name that name test results or coverage data.
    private static let words = [
        "junit", "xunit", "nunit", "surefire", "testresult", "test-result", "test_result", "testreport",
        "test-report", "test_report", "test-output", "test_output", "gotest", "go-test", "test2json",
        "lcov", "cobertura", "coverprofile",
    ]

    /// Whole names of result files.
    private static let names: Set<String> = ["cover.out", "coverage.out", "coverage.xml", "coverage.txt", "coverage.info"]

    /// Folders whose files are result files by convention.
    private static let folders: Set<String> = ["test-results", "test-reports", "surefire-reports", "failsafe-reports", "junit-reports"]

    /// Extensions that are result files whatever the name.
    private static let resultExtensions: Set<String> = ["tap", "trx", "lcov"]

    /// Whether the name or folder of `path` says it holds test results or coverage.
    static func looksLikeEvidence(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard let last = parts.last else { return false }
        let name = last.lowercased()
        let ext = name.lastIndex(of: ".").map { String(name[name.index(after: $0)...]) } ?? ""
        guard extensions.contains(ext) else { return false }
        if resultExtensions.contains(ext) || names.contains(name) { return true }
        if last.hasPrefix("TEST-") && ext == "xml" { return true }
        if words.contains(where: { name.contains($0) }) { return true }
        return parts.dropLast().contains { folders.contains($0.lowercased()) }
    }

    /// XML roots of test-result and coverage formats phasecert does not read, with the format's name
    /// (the same in every language).
    static let unsupportedXMLRoots: [String: String] = [
        "TestRun": LocalizedText(message: "problem.format.trx").en,
        "test-run": LocalizedText(message: "problem.format.nunit3").en,
        "test-results": LocalizedText(message: "problem.format.nunit2").en,
        "assemblies": LocalizedText(message: "problem.format.xunit").en,
        "assembly": LocalizedText(message: "problem.format.xunit").en,
        "testng-results": LocalizedText(message: "problem.format.testng").en,
    ]

    /// XML roots phasecert reads when their content matches (JUnit, Cobertura).
    static let readXMLRoots: Set<String> = ["testsuites", "testsuite", "coverage"]
}
