import Foundation
import PhaseModel

/// What phasecert writes into a GitLab CI job log: collapsible sections around long output, and
/// findings as plain lines. GitLab has no workflow commands, so nothing here starts with `::`.
public enum GitLabLog {
    /// A collapsible section of the job log, as GitLab's runner marks one:
    /// `ESC[0Ksection_start:<unix time>:<name>[collapsed=true]\rESC[0K<header>` … `ESC[0Ksection_end:<unix time>:<name>\rESC[0K`.
    public struct Section: Sendable, Equatable {
        /// Letters, digits, `_`, `.` and `-` only, as GitLab requires; anything else becomes `_`.
        public let name: String
        public let header: String
        /// Whether GitLab shows the section folded until it is opened.
        public let collapsed: Bool

        public init(name: String, header: String, collapsed: Bool = false) {
            self.name = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) ? $0 : "_" })
            // The header ends the marker line; a line break or escape of its own would break the marker.
            self.header = ControlText.neutralized(header)
            self.collapsed = collapsed
        }

        /// The line that opens the section at `date`, without its line break.
        public func start(at date: Date) -> String {
            let options = collapsed ? "[collapsed=true]" : ""
            return "\u{1B}[0Ksection_start:\(Self.seconds(date)):\(name)\(options)\r\u{1B}[0K\(header)"
        }

        /// The line that closes the section at `date`, without its line break.
        public func end(at date: Date) -> String {
            "\u{1B}[0Ksection_end:\(Self.seconds(date)):\(name)\r\u{1B}[0K"
        }

        private static func seconds(_ date: Date) -> Int { Int(date.timeIntervalSince1970.rounded(.down)) }
    }

    /// One line per finding, most severe first: `[severity] rule task path:line: message`, with
    /// the place `locator` gives and the message in `locale`, control characters neutralised.
    public static func findingLines(_ findings: [Finding], locale: ReportLocale, locator: FindingLocator) -> [String] {
        findings.sorted(by: Finding.listOrder).map { finding in
            let anchor = locator.anchor(for: finding)
            let task = finding.task.map { " \($0)" } ?? ""
            let message = ControlText.neutralized(finding.message.text(in: locale))
            return "[\(finding.severity.rawValue)] \(finding.rule)\(task) \(anchor.path):\(anchor.line): \(message)"
        }
    }
}
