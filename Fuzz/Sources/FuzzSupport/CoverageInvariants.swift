import Scan

/// What every coverage report must satisfy, whatever its input: no file hits more lines than it
/// has, no count is negative, and the totals are the sums over the files.
public enum CoverageInvariants {
    public static func check(_ report: CoverageReport) {
        var found = 0
        var hit = 0
        for file in report.files {
            fuzzCheck(file.linesFound >= 0 && file.linesHit >= 0, "\(file.path): negative line counts")
            fuzzCheck(file.linesHit <= file.linesFound, "\(file.path): \(file.linesHit) of \(file.linesFound) lines hit")
            if let statementsFound = file.statementsFound, let statementsHit = file.statementsHit {
                fuzzCheck(statementsHit >= 0 && statementsHit <= statementsFound, "\(file.path): \(statementsHit) of \(statementsFound) statements hit")
            }
            found += file.linesFound
            hit += file.linesHit
        }
        fuzzCheck(report.linesFound == found && report.linesHit == hit, "totals are not the sums over the files")
        if let percent = report.percent { fuzzCheck(percent >= 0 && percent <= 100, "\(percent) %") }
    }
}
