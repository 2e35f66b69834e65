import PhaseModel
import Testing
@testable import Score

@Suite struct QualityModelTests {
    let model = QualityModel(configuration: Configuration())

    func checklist(_ checked: Int, of total: Int) -> Checklist {
        Checklist(file: "tasks/PC-001-x/tasks.md", sections: [
            ChecklistSection(title: nil, line: nil, items: (0..<total).map {
                ChecklistItem(text: "item \($0)", checked: $0 < checked, line: $0 + 1, depth: 0)
            }),
        ])
    }

    @Test func noEvidenceAtAllGivesNoQuality() {
        let (quality, detail) = model.quality(of: TaskRecord(id: "PC-001"))
        #expect(quality == nil)
        #expect(detail.subScores.allSatisfy { $0.score == nil && $0.appliedWeight == 0 })
        #expect(detail.redistributed)
        #expect(detail.uncapped == nil)
    }

    @Test func oneSubScoreCarriesTheWholeWeight() {
        let task = TaskRecord(id: "PC-001", checklist: checklist(28, of: 30))
        let (quality, detail) = model.quality(of: task)
        #expect(abs((quality ?? 0) - 93.333_333) < 0.000_01)
        let used = detail.subScores.filter { $0.score != nil }
        #expect(used.map(\.name) == [.checklist])
        #expect(used.first?.appliedWeight == 1)
        #expect(used.first?.numerator == 28)
        #expect(used.first?.denominator == 30)
        #expect(detail.redistributed)
    }

    @Test func weightsAreRedistributedInProportion() {
        var task = TaskRecord(id: "PC-001", checklist: checklist(1, of: 2))
        task.tests = TestEvidence(passed: 3, failed: 1, skipped: 4, defined: 8)
        // checklist 50 (0.25), tests 75 (0.30): (50 × 0.25 + 75 × 0.30) / 0.55.
        let (quality, detail) = model.quality(of: task)
        #expect(abs((quality ?? 0) - (50 * 0.25 + 75 * 0.30) / 0.55) < 1e-9)
        let applied = detail.subScores.map(\.appliedWeight)
        #expect(abs(applied[0] - 0.25 / 0.55) < 1e-12)
        #expect(abs(applied[1] - 0.30 / 0.55) < 1e-12)
        #expect(applied[2...].allSatisfy { $0 == 0 })
    }

    @Test func skippedOnlyTestsAreNoEvidence() {
        var task = TaskRecord(id: "PC-001")
        task.tests = TestEvidence(skipped: 3, defined: 3)
        #expect(model.quality(of: task).quality == nil)
    }

    @Test func coverageAboveTargetIsCappedAtOneHundred() {
        var task = TaskRecord(id: "PC-001", checklist: checklist(2, of: 2))
        task.coverage = CoverageSummary(linesFound: 10, linesHit: 10, files: 1)
        // coverage 100 / target 80 scores 125; the weighted mean is 110 before the cap.
        let (quality, detail) = model.quality(of: task)
        #expect(quality == 100)
        #expect(abs((detail.uncapped ?? 0) - (100 * 0.25 + 125 * 0.15) / 0.40) < 1e-9)
    }

    @Test func configuredCapAllowsMore() {
        var configuration = Configuration()
        configuration.quality.cap = 150
        var task = TaskRecord(id: "PC-001")
        task.coverage = CoverageSummary(linesFound: 10, linesHit: 10, files: 1)
        #expect(QualityModel(configuration: configuration).quality(of: task).quality == 125)
    }

    @Test func declaredCoverageTargetWins() {
        var task = TaskRecord(id: "PC-001")
        task.metadata = TaskMetadata(dependencies: [], linkedPaths: [], targets: ["coverage": 50], source: .file("t/task.yml", line: nil))
        task.coverage = CoverageSummary(linesFound: 10, linesHit: 4, files: 1)
        #expect(model.quality(of: task).quality == 80)
    }

    @Test func chartsScoreByStatus() {
        var task = TaskRecord(id: "PC-001")
        task.helm = [
            ChartStatusReference(chart: "a", status: .passed), ChartStatusReference(chart: "b", status: .warnings),
            ChartStatusReference(chart: "c", status: .failed),
        ]
        #expect(model.quality(of: task).quality == 50)
    }

    @Test func zeroWeightSubScoreIsNotRedistributed() {
        var configuration = Configuration()
        configuration.quality.weights = .init()
        configuration.quality.weights.coverage = 0
        configuration.quality.weights.documents = 0
        configuration.quality.weights.helm = 0
        var task = TaskRecord(id: "PC-001", checklist: checklist(1, of: 1))
        task.tests = TestEvidence(passed: 1, defined: 1)
        #expect(!QualityModel(configuration: configuration).quality(of: task).detail.redistributed)
    }
}

@Suite struct QualityModelDocumentTests {
    @Test func documentsScoreCountsPresentNonTrivialRequiredDocuments() {
        let task = TaskRecord(
            id: "PC-001", directories: ["tasks/PC-001-x"],
            documents: [
                Document(path: "tasks/PC-001-x/requirements.md", lines: 12, nonBlankLines: 10, bytes: 300),
                Document(path: "tasks/PC-001-x/tasks.md", lines: 2, nonBlankLines: 1, bytes: 10),
            ])
        let (quality, detail) = QualityModel(configuration: Configuration()).quality(of: task)
        // requirements.md counts; tasks.md holds one non-blank line, which is trivial.
        #expect(quality == 50)
        #expect(detail.subScores.first { $0.name == .documents }?.numerator == 1)
    }

    @Test func taskWithoutFolderHasNoDocumentEvidence() {
        #expect(QualityModel(configuration: Configuration()).quality(of: TaskRecord(id: "PC-001")).quality == nil)
    }
}
