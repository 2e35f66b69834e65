import PhaseModel

/// What the CI step summary shows of each phase closed, formatted for one locale: the figures
/// and gate of the completion report's status and certification sections, the change since the
/// previous snapshot, and where the full reports are.
struct SummaryView {
    let phases: [PhaseRow]

    struct PhaseRow {
        let title: String
        let gatePassed: Bool
        let gateVerdict: String
        let certificationID: String
        let hasCertification: Bool
        let completion, quality, grade, findingCounts: String
        let conditions: [CompletionView.ConditionRow]
        let hasConditions: Bool
        let comparison: ComparisonCounts?
        let completionReport, auditReport, findings: String
    }

    /// Findings resolved and new since the previous snapshot, counted.
    struct ComparisonCounts {
        let previousCertification, resolved, introduced, unchanged: String
    }

    /// - Parameter reportsFolder: the reports folder as the reader should see it, relative to the
    ///   repository (`reports`); the report paths are written under it.
    init(phases: [String], input: ReportInput, reportsFolder: String, text: ViewText) throws {
        let catalog = text.catalog
        let lang = text.locale.rawValue
        let folder = reportsFolder.hasSuffix("/") ? String(reportsFolder.dropLast()) : reportsFolder
        self.phases = try phases.map { id in
            // The completion report's view already formats every figure the summary repeats.
            let completion = try CompletionView(phase: id, input: input, text: text)
            let comparison = input.comparisons[id].map { comparison in
                ComparisonCounts(
                    previousCertification: comparison.previousCertification ?? text.none,
                    resolved: catalog.counted(comparison.resolved.count, "noun.finding"),
                    introduced: catalog.counted(comparison.introduced.count, "noun.finding"),
                    unchanged: catalog.counted(comparison.unchanged, "noun.finding"))
            }
            let base = (folder.isEmpty ? "" : folder + "/") + PhaseSlug.folder(for: id) + "/"
            return PhaseRow(
                title: completion.title, gatePassed: completion.gatePassed, gateVerdict: completion.gateVerdict,
                certificationID: completion.certificationID, hasCertification: completion.hasCertification,
                completion: completion.completion, quality: completion.quality, grade: completion.grade,
                findingCounts: completion.findingCounts, conditions: completion.conditions,
                hasConditions: completion.hasConditions, comparison: comparison,
                completionReport: base + "completion.\(lang).md", auditReport: base + "audit.\(lang).md",
                findings: base + "findings.sarif")
        }
    }
}
