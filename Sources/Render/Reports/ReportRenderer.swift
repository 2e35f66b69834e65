import PhaseModel

/// Writes the three reports (docs/design/pipeline.md#render) as Markdown, and any of them as an HTML page, from one
/// `ReportInput` and the templates of each locale.
public struct ReportRenderer: Sendable {
    public let input: ReportInput
    private let templates: [ReportLocale: ReportTemplates]
    /// Texts known to state a figure, shared by every view this renderer builds.
    private let memo = FigureTextMemo()

    public init(input: ReportInput, templates: [ReportTemplates]) {
        self.input = input
        self.templates = Dictionary(templates.map { ($0.locale, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Loads the built-in templates of `locales`, each overridden by `userFolder` where it has a file.
    public init(input: ReportInput, locales: [ReportLocale], userFolder: String?) throws {
        self.init(input: input, templates: try locales.map { try ReportTemplates(locale: $0, userFolder: userFolder) })
    }

    private func set(_ locale: ReportLocale) throws -> ReportTemplates {
        guard let set = templates[locale] else {
            throw TemplateError.invalid(
                file: "templates/\(locale.rawValue)", reason: LocalizedText(message: "error.template.locale-not-loaded").en)
        }
        return set
    }

    /// The phase completion and certification report of `phase`, in Markdown.
    public func completion(phase: String, locale: ReportLocale) throws -> String {
        let set = try set(locale)
        let view = try CompletionView(phase: phase, input: input, text: ViewText(catalog: set.catalog, memo: memo))
        return try set.render("completion", view)
    }

    /// The audit report of `phase`: claimed against verified, in Markdown.
    public func audit(phase: String, locale: ReportLocale) throws -> String {
        try audit(AuditReportSource(phase: phase, input: input), locale: locale)
    }

    /// The audit report made from `source`, in Markdown.
    func audit(_ source: AuditReportSource, locale: ReportLocale) throws -> String {
        let set = try set(locale)
        return try set.render("audit", AuditView(source: source, text: ViewText(catalog: set.catalog, memo: memo)))
    }

    /// The task completion report of `task`, in Markdown.
    public func task(_ task: String, locale: ReportLocale) throws -> String {
        try self.task(TaskReportSource(task: task, input: input), locale: locale)
    }

    /// The task completion report made from `source`, in Markdown.
    func task(_ source: TaskReportSource, locale: ReportLocale) throws -> String {
        let set = try set(locale)
        return try set.render("task", TaskView(source: source, text: ViewText(catalog: set.catalog, memo: memo)))
    }

    /// The formatter of `locale`'s catalog.
    func text(for locale: ReportLocale) throws -> ViewText { ViewText(catalog: try set(locale).catalog, memo: memo) }

    /// Renders any template of `locale` with `view`.
    func render(_ template: String, _ view: Any, locale: ReportLocale) throws -> String {
        try set(locale).render(template, view)
    }

    /// `markdown` as a self-contained HTML page: cmark-gfm in safe mode, one inline stylesheet,
    /// status words coloured, `lang` set.
    public func html(markdown: String, locale: ReportLocale) throws -> String {
        let set = try set(locale)
        return try set.render("page", HTMLPageView(markdown: markdown, text: ViewText(catalog: set.catalog, memo: memo)))
    }
}

/// A phase or task the input does not have.
public struct UnknownSubjectError: Error, Sendable, Equatable, CustomStringConvertible {
    public var kind: String
    public var id: String
    public var known: [String]
    public var description: String {
        "no \(kind) \"\(id)\"" + (known.isEmpty ? "" : "; known: " + known.joined(separator: ", "))
    }
}

extension UnknownSubjectError: UserFacingError {
    /// Naming a phase or task that does not exist is a usage error.
    public var exitCode: Int32 { 2 }
}
