import Foundation
import PhaseModel
import Testing
@testable import Render

/// The report sources' digests worked out once for every language (`RenderedDocuments.sourceDigests`),
/// and the keys made from them.
struct ReportSourceDigestTests {
    static func documents(tasks: [String]) -> [ReportDocument] {
        var documents: [ReportDocument] = []
        for locale in [ReportLocale.en, .ru] {
            documents.append(ReportDocument(path: "13/completion.\(locale.rawValue)", locale: locale, subject: .completion("13")))
            documents.append(ReportDocument(path: "13/audit.\(locale.rawValue)", locale: locale, subject: .audit("13")))
            for task in tasks {
                documents.append(ReportDocument(path: "13/tasks/\(task).\(locale.rawValue)", locale: locale, subject: .task(task)))
            }
        }
        return documents
    }

    @Test func oneDigestASubjectTheSourcesOwn() throws {
        let input = ReportSourceTests.input()
        let digests = RenderedDocuments.sourceDigests(of: Self.documents(tasks: ["TN-001"]), input: input)
        #expect(Set(digests.keys) == [.audit("13"), .task("TN-001")])
        let task = try TaskReportSource(task: "TN-001", input: input)
        let audit = try AuditReportSource(phase: "13", input: input)
        #expect(try digests[.task("TN-001")]?.get() == task.digest())
        #expect(try digests[.audit("13")]?.get() == audit.digest())
        #expect(task.digest()?.count == 64)
        #expect(task.digest() != audit.digest())
    }

    @Test func theKeyFromTheDigestIsTheSourcesKey() throws {
        let task = try TaskReportSource(task: "TN-001", input: ReportSourceTests.input())
        let digest = try #require(task.digest())
        for locale in [ReportLocale.en, .ru] {
            let document = "13/tasks/TN-001.\(locale.rawValue)"
            #expect(TaskReportSource.key(digest: digest, salt: "b", document: document, locale: locale)
                == task.key(salt: "b", document: document, locale: locale))
        }
        // Another digest, another key: the source is in it.
        #expect(TaskReportSource.key(digest: String(repeating: "0", count: 64), salt: "b", document: "d", locale: .en)
            != TaskReportSource.key(digest: digest, salt: "b", document: "d", locale: .en))
        // The kind is in it too: a task's and an audit's source of one digest do not share a key.
        #expect(TaskReportSource.key(digest: digest, salt: "b", document: "d", locale: .en)
            != AuditReportSource.key(digest: digest, salt: "b", document: "d", locale: .en))
    }

    @Test func aSubjectWithoutASourceKeepsItsErrorForItsDocuments() throws {
        let digests = RenderedDocuments.sourceDigests(of: Self.documents(tasks: ["TN-001", "TN-404"]), input: ReportSourceTests.input())
        #expect(throws: (any Error).self) { try digests[.task("TN-404")]?.get() }
        #expect(try digests[.task("TN-001")]?.get() != nil)
    }

    @Test func reportsReadBackOrRenderedAreTheSameBytes() throws {
        // Rendered with a reuse that keeps nothing, and with one that hands back what was rendered
        // under each key: the same files, marked with the same keys.
        let input = ReportSourceTests.input()
        let renderer = try ReportRenderer(input: input, locales: [.en, .ru], userFolder: nil)
        let documents = Self.documents(tasks: ["TN-001"])
        let first = try RenderedDocuments(documents, renderer: renderer, formats: [.md], reuse: ReportReuse(salt: "b") { _, _ in nil })
        let files = first.files(inFolder: "13")
        let byKey = Dictionary(grouping: files.filter { $0.renderKey != nil }, by: { $0.renderKey ?? "" })
        #expect(byKey.count == 4)
        let again = try RenderedDocuments(documents, renderer: renderer, formats: [.md], reuse: ReportReuse(salt: "b") { key, paths in
            byKey[key].map { kept in kept.filter { paths.contains($0.path) } }
        })
        #expect(again.files(inFolder: "13") == files)
        let plain = try RenderedDocuments(documents, renderer: renderer, formats: [.md])
        #expect(plain.files(inFolder: "13").map(\.contents) == files.map(\.contents))
    }
}
