import TextSupport

/// The HTML page around a report: its title, language and body. The body is cmark-gfm's HTML of
/// the report's Markdown; the template inserts it unescaped (`{{{body}}}`), which is safe because
/// cmark's safe mode left out every piece of raw HTML the Markdown could carry.
struct HTMLPageView {
    let lang: String
    let title: String
    let body: String

    /// Catalog keys whose texts are coloured in HTML, with the CSS class of each.
    static let badgeClasses: [(key: String, cssClass: String)] = [
        ("severity.critical", "critical"), ("severity.major", "major"), ("severity.minor", "minor"),
        ("severity.info", "info"), ("status.passed", "pass"), ("status.failed", "fail"),
        ("chart.passed", "pass"), ("chart.warnings", "minor"), ("chart.failed", "fail"),
        ("verdict.verified", "pass"), ("verdict.contradicted", "fail"), ("verdict.inconsistent", "major"),
        ("verdict.unverifiable", "info"), ("verdict.notJudged", "info"),
    ]

    init(markdown: String, text: ViewText) {
        lang = text.locale.rawValue
        var badges: [String: String] = [:]
        for (key, cssClass) in Self.badgeClasses where badges[text.catalog.text(key)] == nil {
            badges[text.catalog.text(key)] = cssClass
        }
        let page = MarkdownHTML.page(markdown, badges: badges)
        body = page.html
        title = page.title ?? ""
    }
}
