import Foundation
import PhaseModel
import Render
import TaskNaming

/// `check-names --format sarif`: the violations' findings as a SARIF 2.1.0 log.
enum NameCheckSARIF {
    /// The SARIF log of `report`'s findings, messages in English, written by `tool`; `locator`
    /// anchors a violation about a folder at that folder's main document.
    static func render(_ report: NameReport, tool: ToolVersion = .unstamped, locator: FindingLocator = FindingLocator()) throws -> Data {
        try SARIFWriter.log(report.violations.map(\.finding), tool: tool, locator: locator)
    }
}
