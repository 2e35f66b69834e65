import Foundation
import Render

/// `check-names --format sarif`: the violations' findings as a SARIF 2.1.0 log.
public enum NameCheckSARIF {
    /// The SARIF log of `report`'s findings, messages in English.
    public static func render(_ report: NameReport) throws -> Data {
        try SARIFWriter.log(report.violations.map(\.finding))
    }
}
