import PhaseModel

/// A phase's state as a shields.io endpoint badge (`https://img.shields.io/endpoint?url=…`):
/// label `phase 5`, message `80% · B` (completion rounded down, and grade), and a colour from the
/// gate verdict, so a README can show where a phase stands.
public struct PhaseBadge: Encodable, Sendable, Equatable {
    /// The endpoint schema version shields.io reads; always 1.
    public var schemaVersion = 1
    public var label: String
    public var message: String
    public var color: String

    /// Colours by gate verdict: passed, failed with an open critical finding, failed otherwise,
    /// and no gate at all.
    public static let passedColor = "brightgreen"
    public static let criticalColor = "red"
    public static let failedColor = "orange"
    public static let noGateColor = "lightgrey"

    /// The badge of `phase`, words in the catalog's locale.
    init(phase: Phase, text: ViewText) {
        label = text.catalog.text("badge.label", ["id": phase.id])
        let none = text.catalog.text("badge.none")
        let completion = phase.completion?.percent.map { text.percent($0) } ?? none
        message = completion + " · " + (phase.grade ?? none)
        if let gate = phase.gate {
            if gate.passed {
                color = Self.passedColor
            } else {
                color = (phase.findings?.critical ?? 0) > 0 ? Self.criticalColor : Self.failedColor
            }
        } else {
            color = Self.noGateColor
        }
    }
}
