import Foundation
import PhaseModel
import Testing
@testable import Render

/// The built-in catalogs and templates of the two locales match key for key and tag for tag.
struct TemplateCatalogTests {
    @Test func bothCatalogsHaveTheSameKeys() throws {
        let en = try Catalog.builtIn(.en)
        let ru = try Catalog.builtIn(.ru)
        let onlyEnglish = Set(en.entries.keys).subtracting(ru.entries.keys).sorted()
        let onlyRussian = Set(ru.entries.keys).subtracting(en.entries.keys).sorted()
        #expect(onlyEnglish.isEmpty, "keys only in templates/en: \(onlyEnglish)")
        #expect(onlyRussian.isEmpty, "keys only in templates/ru: \(onlyRussian)")
    }

    @Test func countedNounsHaveEveryPluralFormTheirLanguageNeeds() throws {
        let needs: [ReportLocale: Set<PluralCategory>] = [.en: [.one, .other], .ru: [.one, .few, .many, .other]]
        for locale in ReportLocale.allCases {
            let catalog = try Catalog.builtIn(locale)
            let other = try Catalog.builtIn(locale == .en ? .ru : .en)
            for (key, entry) in catalog.entries.sorted(by: { $0.key < $1.key }) {
                switch (entry, other.entries[key]) {
                case let (.plural(forms), .plural?):
                    #expect(Set(forms.keys).isSuperset(of: needs[locale]!), "\(locale) \(key) lacks plural forms")
                case (.text, .text?), (_, nil):
                    break
                default:
                    Issue.record("\(key) is a counted noun in one locale and a text in the other")
                }
            }
        }
    }

    /// The `{{…}}` tags of a template or catalog text, as a set: en and ru must read the same values.
    static func tags(of text: String) -> Set<String> {
        var tags = Set<String>()
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            var tag = String(rest[..<close.lowerBound])
            if tag.hasPrefix("{") { tag.removeFirst() }
            tags.insert(tag.trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return tags
    }

    @Test func bothCatalogsFillTheTemplatesWithTheSameValues() throws {
        let en = try Catalog.builtIn(.en)
        let ru = try Catalog.builtIn(.ru)
        let texts = en.entries.keys.filter { $0.hasPrefix("text.") }.sorted()
        #expect(texts.count > 100)
        for key in texts {
            #expect(Self.tags(of: en.text(key)) == Self.tags(of: ru.text(key)), "\(key): en and ru use different tags")
        }
    }

    @Test func everyKeyTheViewsAskForExists() throws {
        // Keys the views build from model values.
        var keys = Severity.allCases.flatMap { ["severity.\($0.rawValue)", "count.\($0.rawValue)"] }
        keys += Verdict.allCases.map { "verdict.\($0.rawValue)" } + ["verdict.notJudged"]
        keys += [ChartStatus.passed, .warnings, .failed].map { "chart.\($0.rawValue)" }
        keys += FileCategory.allCases.map { "category.\($0.rawValue)" }
        keys += ["maxCritical", "maxMajor", "minCompletion", "minQuality", "minTestPassRate", "minCoverage"].map { "gate.\($0)" }
        keys += ["checklist", "tests", "coverage", "documents", "helm"].map { "score.\($0)" }
        // Keys written as literals in the views.
        let views = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Render/Views")
        for file in try FileManager.default.contentsOfDirectory(atPath: views.path) where file.hasSuffix(".swift") {
            let source = try String(contentsOf: views.appendingPathComponent(file), encoding: .utf8)
            keys += Self.keyLiterals(in: source)
        }
        #expect(keys.count > 60)
        for locale in ReportLocale.allCases {
            let catalog = try Catalog.builtIn(locale)
            let missing = Set(keys).filter { catalog.entries[$0] == nil }.sorted()
            #expect(missing.isEmpty, "templates/\(locale.rawValue) lacks \(missing)")
        }
    }

    /// String literals shaped like catalog keys (`word.word…`, no interpolation) passed to the catalog.
    static func keyLiterals(in source: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"(?:text|counted)\((?:[^()"]*,\s*)?"([a-zA-Z]+(?:\.[a-zA-Z]+)+)""#)
        let range = NSRange(source.startIndex..., in: source)
        return pattern.matches(in: source, range: range).compactMap { Range($0.range(at: 1), in: source).map { String(source[$0]) } }
    }
}
