import Mustache
import Testing
@testable import Render

/// A view turned into dictionaries renders exactly as the view itself does through Mirror.
struct TemplateContextTests {
    struct Row { var name: String; var note: String?; var count: Int; var done: Bool }
    struct Section { var title: String; var rows: [Row]; var note: String?; var tags: Set<String>; var empty: [Row] }
    struct Page { var title: String; var note: String?; var section: Section?; var sections: [Section]; var ratio: Double }

    static let template = """
        {{title}} {{note}} {{ratio}}
        {{#section}}[{{title}}|{{note}}|{{#rows}}{{name}}:{{note}}:{{count}}:{{#done}}y{{/done}}{{^done}}n{{/done}};{{/rows}}{{^empty}}none{{/empty}}]{{/section}}
        {{#sections}}<{{title}} {{note}} {{#rows}}{{name}}/{{.count}}/{{section.title}} {{/rows}}>{{/sections}}
        {{^section}}no section{{/section}}
        """

    private func rendered(_ view: Any) throws -> (mirror: String?, context: String?) {
        let library = MustacheLibrary(templates: ["page": try MustacheTemplate(string: Self.template)])
        return (library.render(view, withTemplate: "page"), library.render(TemplateContext.of(view), withTemplate: "page"))
    }

    @Test(arguments: [false, true])
    func rendersAsTheMirroredViewDoes(withSection: Bool) throws {
        let rows = [Row(name: "a", note: nil, count: 1, done: true), Row(name: "b", note: "x", count: 2, done: false)]
        let inner = Section(title: "inner", rows: rows, note: nil, tags: ["t"], empty: [])
        let other = Section(title: "other", rows: [rows[1]], note: "n", tags: [], empty: rows)
        let page = Page(title: "T", note: withSection ? "page note" : nil, section: withSection ? inner : nil,
                        sections: [inner, other], ratio: 12.5)
        let (mirror, context) = try rendered(page)
        #expect(mirror != nil)
        #expect(context == mirror)
    }
}
