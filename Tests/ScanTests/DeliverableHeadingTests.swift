import Testing
@testable import Scan

/// Which headings open a list of delivered files, and which plan or report on something else.
struct DeliverableHeadingTests {
    @Test(arguments: ["Files Created", "New Files (4)", "Deliverables", "Artifacts", "Созданные файлы", "Новые файлы", "Результаты"])
    func headingsThatListFiles(heading: String) {
        #expect(ClaimWords.namesDeliverables(heading), "\(heading)")
    }

    @Test(arguments: [
        "Configuration file phasecert.yml", "PC-002 Configuration file phasecert.yml", "Deleted files", "Удалённые файлы",
        "Результаты анализа", "Cleanup", "Конфигурационный файл",
    ])
    func headingsThatDoNot(heading: String) {
        #expect(!ClaimWords.namesDeliverables(heading), "\(heading)")
    }

    @Test(arguments: ["Implementation Plan", "Next Steps", "Proposed changes", "Recommendations", "План реализации", "Следующие шаги"])
    func headingsThatPlan(heading: String) {
        #expect(ClaimWords.namesPlan(heading), "\(heading)")
    }

    @Test(arguments: ["Test Plan Results", "Plan completed", "План выполнен", "Status", "Files Created"])
    func headingsThatReport(heading: String) {
        #expect(!ClaimWords.namesPlan(heading), "\(heading)")
    }
}
