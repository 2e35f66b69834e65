import PhaseModel
import Testing
@testable import Render

/// Documents are rendered one at a time on every core, the reports of a whole phase first:
/// each document exactly once, and the task reports in their own order after them.
struct RenderedDocumentsScheduleTests {
    static func documents(tasks: Int) -> [ReportDocument] {
        var documents: [ReportDocument] = []
        for locale in [ReportLocale.en, .ru] {
            documents.append(ReportDocument(path: "phase-1/completion.\(locale.rawValue)", locale: locale, subject: .completion("1")))
            documents.append(ReportDocument(path: "phase-1/audit.\(locale.rawValue)", locale: locale, subject: .audit("1")))
            for task in 0..<tasks {
                documents.append(ReportDocument(path: "phase-1/tasks/TN-\(task).\(locale.rawValue)", locale: locale, subject: .task("TN-\(task)")))
            }
        }
        return documents
    }

    @Test(arguments: [0, 1, 20])
    func wholePhaseReportsComeFirstAndEveryDocumentOnce(_ tasks: Int) {
        let documents = Self.documents(tasks: tasks)
        let order = RenderedDocuments.schedule(documents)
        #expect(order.sorted() == Array(documents.indices))
        #expect(order.prefix(4).map { documents[$0].path } == [
            "phase-1/completion.en", "phase-1/audit.en", "phase-1/completion.ru", "phase-1/audit.ru",
        ])
        #expect(Array(order.dropFirst(4)) == documents.indices.filter { index in
            if case .task = documents[index].subject { return true }
            return false
        })
    }
}
