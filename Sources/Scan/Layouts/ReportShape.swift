import Foundation

/// Whether a Markdown file is a report by its name: `PHASE-4-AUDIT-REPORT.md`,
/// `FINAL_STATUS.md`, `ИТОГОВЫЙ-ОТЧЕТ.md`. A report names tasks as often as a plan does, so it is
/// never taken for the master list unless the configuration says so.
enum ReportShape {
    private static let words = try? NSRegularExpression(
        pattern: #"audit|report|summary|status|complet|progress|review|certif|validation|analysis|result|verif|session|handoff|changelog|отч[её]т|итог|статус|аудит|резюме"#,
        options: [.caseInsensitive])

    static func isReportName(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return words?.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
    }
}
