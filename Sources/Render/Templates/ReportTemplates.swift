import Foundation
import Mustache
import PhaseModel

/// The Mustache templates and the catalog of one locale: the built-in ones, each replaced by the
/// user's file of the same name when `templates/<locale>/` or `templates/common/` has one.
///
/// The report templates are shared by every locale (`templates/common/`); their headings and
/// sentences are `{{@key}}` tags that the locale's catalog fills in (`CatalogTags`), so a user's
/// `common/` template serves every language and a user's `<locale>/` one only that language.
/// Templates named `*.md.mustache` write Markdown and escape every `{{value}}` for Markdown;
/// `*.html.mustache` write HTML and escape for HTML. A template is registered under its file
/// name without those extensions (`completion`, `findings`), which is also how partials are
/// named (`{{> findings}}`). A partial no template provides is an error, not an empty string.
/// Every `*.yml` file of the locale is a part of its catalog (`catalog.yml`, `catalog-audit.yml`).
public struct ReportTemplates: Sendable {
    public let locale: ReportLocale
    public let catalog: Catalog
    private let library: MustacheLibrary
    /// Where each template came from, for error messages: "built-in templates/common/audit.md.mustache" or a path.
    private let origins: [String: String]

    /// Loads the templates of `locale`; `userFolder` is the user's `templates/` folder, if any.
    public init(locale: ReportLocale, userFolder: String? = nil) throws {
        _ = MarkdownContentType.registered
        self.locale = locale
        let folder = userFolder.map(TemplateFolder.init(path:))
        let prefix = locale.rawValue + "/"
        var library = MustacheLibrary()
        var origins: [String: String] = [:]
        var texts: [String: String] = [:]
        var catalogTexts: [(origin: String, text: String)] = []
        var templateTexts: [(name: String, file: String, origin: String, text: String)] = []
        // `common/` holds what every locale shares (the report templates, the HTML page and its
        // style); a file of the same name in the locale's folder wins.
        let files = BuiltInTemplates.files.compactMap { path, text -> (path: String, file: String, text: String)? in
            for folder in ["common/", prefix] where path.hasPrefix(folder) {
                return (path, String(path.dropFirst(folder.count)), text)
            }
            return nil
        }.sorted { ($0.path.hasPrefix("common/") ? 0 : 1, $0.path) < ($1.path.hasPrefix("common/") ? 0 : 1, $1.path) }
        for (path, file, builtIn) in files {
            // The user's file in the locale's folder wins, then the user's `common/` one.
            var userPath = prefix + file
            var userText = try folder?.text(of: userPath)
            if userText == nil, path.hasPrefix("common/") {
                userPath = path
                userText = try folder?.text(of: path)
            }
            let origin = userText == nil ? "built-in templates/\(path)" : (folder?.root.map { $0 + "/" + userPath } ?? userPath)
            let text = userText ?? builtIn
            if file.hasSuffix(".yml") {
                // The built-in catalog first, so a user's catalog may override only some keys.
                if userText != nil { catalogTexts.append(("built-in templates/\(path)", builtIn)) }
                catalogTexts.append((origin, text))
                continue
            }
            guard let name = Self.templateName(of: file) else { continue }
            templateTexts.append((name, file, origin, text))
        }
        // The catalog is read whole before any template, since the templates take their words from it.
        let catalog = try Catalog(locale: locale, sources: catalogTexts)
        for (name, file, origin, template) in templateTexts {
            let text = try CatalogTags.filled(template, from: catalog, origin: origin)
            let source = file.hasSuffix(".md.mustache") ? MarkdownContentType.pragma + text : text
            do {
                library.register(try MustacheTemplate(string: source), named: name)
            } catch {
                let reason = LocalizedText(message: "error.template.not-mustache", ["detail": .text("\(error)")])
                throw TemplateError.invalid(file: origin, reason: reason.en)
            }
            origins[name] = origin
            texts[name] = text
        }
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            for partial in Self.partials(in: text) where texts[partial] == nil {
                throw TemplateError.missingPartial(file: origins[name] ?? name, partial: partial)
            }
        }
        self.library = library
        self.origins = origins
        self.catalog = catalog
    }

    /// `completion.md.mustache` → `completion`; `nil` for a file that is not a template.
    static func templateName(of file: String) -> String? {
        for suffix in [".md.mustache", ".html.mustache"] where file.hasSuffix(suffix) {
            let name = String(file.dropLast(suffix.count))
            return name.isEmpty || name.contains("/") ? nil : name
        }
        return nil
    }

    /// Names used as `{{> name}}` in `text`.
    static func partials(in text: String) -> [String] {
        CatalogTags.names(after: "{{>", in: text).map(\.key)
    }

    /// The names of every template loaded, sorted.
    public var names: [String] { origins.keys.sorted() }

    /// Renders the template `name` with `view`, a value of plain strings, booleans and arrays.
    public func render(_ name: String, _ view: Any) throws -> String {
        guard let output = library.render(TemplateContext.of(view), withTemplate: name) else {
            throw TemplateError.invalid(
                file: "templates/\(locale.rawValue)/\(name)", reason: LocalizedText(message: "error.template.unknown").en)
        }
        return output
    }
}
