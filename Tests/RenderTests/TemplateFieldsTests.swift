import Foundation
import PhaseModel
import Testing
@testable import Render

/// Rows that give their template fields themselves give what reflection gives, every property included.
struct TemplateFieldsTests {
    /// One row of each conforming type, each property a value of its own.
    static var rows: [any TemplateFields] { [
        AuditView.ClaimRow(source: "s", kind: "k", quote: "q", claimed: "c", verified: "v", discrepancy: "d", verdict: "r"),
        AuditView.DetailRow(
            source: "s", kind: "k", quote: "q", claimed: "c", verified: "v", expected: "e", discrepancy: "d", note: "n"),
        CompletionView.TaskRow(
            id: "i", title: "t", status: "s", completion: "c", quality: "q", tests: "e", findings: "f", grade: "g"),
        CompletionView.FindingRow(
            rule: "r", ruleTitle: "t", task: "k", location: "l", message: "m", remediation: "e", hasRemediation: true),
        TaskView.FindingRow(severity: "s", rule: "r", location: "l", message: "m", remediation: "e"),
    ] }

    @Test func aRowGivesWhatReflectionGives() throws {
        for row in Self.rows {
            let given = try #require(TemplateContext.of(row) as? [String: Any])
            let reflected = try #require(TemplateContext.reflected(row) as? [String: Any])
            #expect(Set(given.keys) == Set(reflected.keys), "\(type(of: row))")
            #expect(Set(given.keys) == Set(Mirror(reflecting: row).children.compactMap(\.label)), "\(type(of: row))")
            for (key, value) in reflected {
                #expect("\(value)" == given[key].map { "\($0)" }, "\(type(of: row)).\(key)")
            }
        }
    }

    /// A context as text: objects by sorted key, arrays in order, everything else as printed.
    static func normalized(_ value: Any) -> String {
        if let object = value as? [String: Any] {
            return "{" + object.keys.sorted().map { "\($0)=\(normalized(object[$0] as Any))" }.joined(separator: ",") + "}"
        }
        if let array = value as? [Any] { return "[" + array.map(normalized).joined(separator: ",") + "]" }
        return "\(value)"
    }

    @Test(arguments: ["TN-001", "TN-002"], [ReportLocale.en, .ru])
    func aTaskReportViewGivesWhatReflectionGives(task: String, locale: ReportLocale) throws {
        let templates = try ReportTemplates(locale: locale)
        let view = try TaskView(task: task, input: AuditFixture.input(), text: ViewText(catalog: templates.catalog))
        let given = TemplateContext.of(view)
        #expect(Self.normalized(given) == Self.normalized(TemplateContext.reflected(view)))
        let keys = try #require(given as? [String: Any]).keys
        #expect(Set(keys) == Set(Mirror(reflecting: view).children.compactMap(\.label)))
        // The fixture fills TN-001's nested rows, so their fields are compared too; TN-002 has none.
        #expect(view.commits.isEmpty == (task != "TN-001") && view.categories.isEmpty == (task != "TN-001"))
    }

    @Test func everyNestedRowListsEveryProperty() {
        let rows: [any TemplateFields] = [
            TaskView.Category(name: "n", count: "c", files: [TaskView.File(path: "p", change: "c", added: "a", deleted: "d", commits: "m")]),
            TaskView.File(path: "p", change: "c", added: "a", deleted: "d", commits: "m"),
            TaskView.Section(number: "n", title: "t", checked: "c", total: "o", percent: "p"),
            TaskView.Commit(id: "i", subject: "s", added: "a", deleted: "d", date: "t", isMerge: false, merge: "m"),
            TaskView.Dependency(id: "i", title: "t", state: "s"),
        ]
        for row in rows {
            #expect(Set(row.templateFields.keys) == Set(Mirror(reflecting: row).children.compactMap(\.label)), "\(type(of: row))")
            #expect(Self.normalized(TemplateContext.of(row)) == Self.normalized(TemplateContext.reflected(row)), "\(type(of: row))")
        }
    }

    /// Each field is the property of its own name: read from the source, since two properties of
    /// equal value (two `false` flags) would hide a swap from the comparisons above.
    @Test func everyKeyNamesItsOwnProperty() throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Render/Templates/TemplateFields.swift")
        let text = try String(contentsOf: source, encoding: .utf8)
        let pairs = try Regex(#""(\w+)": (\w+)"#)
        let matches = text.matches(of: pairs)
        #expect(matches.count > 60)
        for match in matches {
            let key = match.output[1].substring.map(String.init)
            let property = match.output[2].substring.map(String.init)
            #expect(key == property)
        }
    }
}
