import Foundation
import PhaseModel
import Yams

/// A key path of `phasecert.yml` and how its value is read into the configuration.
typealias Setter = (inout Configuration, Field) throws -> Void
typealias Setting = (path: String, read: Setter)

enum ConfigurationKeys {
    /// Every key path `phasecert.yml` accepts, sections included; the loader tests check them against
    /// `Configuration` and `DefaultConfiguration`.
    static let allPaths: [String] = ConfigurationReader(file: "").settings.reduce(into: []) { paths, setting in
        let parts = setting.path.split(separator: ".")
        for path in parts.indices.map({ parts[...$0].joined(separator: ".") }) where !paths.contains(path) { paths.append(path) }
    }
}

extension ConfigurationReader {
    /// Every setting, in the order error messages list keys; a key with settings below it is a section.
    /// `null` (or no value) switches a gate condition off.
    var settings: [Setting] {
        let percentage = number("a percentage from 0 to 100") { (0...100).contains($0) }, count = integer(0...Int.max)
        let target = number("a percentage above 0 and at most 100") { $0 > 0 && $0 <= 100 }
        let cap = number("a number of at least 1") { $0 >= 1 }
        return [
            ("tasks.root", set(\.tasks.root, string)), ("tasks.masterList", set(\.tasks.masterList, orNull: string)),
            ("tasks.layout", set(\.tasks.layout, layout)), ("tasks.idPrefix", set(\.tasks.idPrefix, pattern)),
            ("tasks.idWidth", set(\.tasks.idWidth, integer(1...9))), ("tasks.allowedSuffixes", set(\.tasks.allowedSuffixes, strings)),
            ("tasks.requiredDocuments", set(\.tasks.requiredDocuments, strings)), ("tasks.checklist", set(\.tasks.checklist, string)),
            ("evidence.include", set(\.evidence.include, strings)), ("evidence.exclude", set(\.evidence.exclude, strings)),
            ("evidence.runHelm", set(\.evidence.runHelm, boolean)), ("reports.folder", set(\.reports.folder, string)),
            ("reports.claimGlobs", set(\.reports.claimGlobs, strings)),
            ("quality.weights.checklist", set(\.quality.weights.checklist, number())),
            ("quality.weights.tests", set(\.quality.weights.tests, number())),
            ("quality.weights.coverage", set(\.quality.weights.coverage, number())),
            ("quality.weights.documents", set(\.quality.weights.documents, number())),
            ("quality.weights.helm", set(\.quality.weights.helm, number())),
            ("quality.coverageTarget", set(\.quality.coverageTarget, target)), ("quality.cap", set(\.quality.cap, cap)),
            ("grades", set(\.grades, grades)), ("gate.maxCritical", set(\.gate.maxCritical, orNull: count)),
            ("gate.maxMajor", set(\.gate.maxMajor, orNull: count)), ("gate.minCompletion", set(\.gate.minCompletion, orNull: percentage)),
            ("gate.minQuality", set(\.gate.minQuality, orNull: number())),
            ("gate.minTestPassRate", set(\.gate.minTestPassRate, orNull: percentage)),
            ("gate.minCoverage", set(\.gate.minCoverage, orNull: percentage)),
            ("gate.failOnUnreadEvidence", set(\.gate.failOnUnreadEvidence, boolean)),
            ("claims.locTolerance", set(\.claims.locTolerance, number())),
            ("claims.percentTolerance", set(\.claims.percentTolerance, number())),
            ("claims.countTolerance", set(\.claims.countTolerance, number())),
            ("claims.dateToleranceDays", set(\.claims.dateToleranceDays, number())),
            ("claims.durationTolerance", set(\.claims.durationTolerance, number())), ("rules", set(\.rules, rules)),
            ("git.cache", set(\.git.cache, string)), ("locales", set(\.locales, locales)),
        ]
    }

    func set<Value>(_ key: WritableKeyPath<Configuration, Value>, _ read: @escaping Read<Value>) -> Setter {
        { $0[keyPath: key] = try read($1) }
    }
    func set<Value>(_ key: WritableKeyPath<Configuration, Value?>, orNull read: @escaping Read<Value>) -> Setter {
        { $0[keyPath: key] = isNull($1.value) ? nil : try read($1) }
    }

    func configuration(from root: Node) throws -> Configuration {
        var config = Configuration()
        try read(Field(name: "", path: "", line: root.mark?.line, value: root), into: &config, settings)
        // Checked once the whole file is read, because `quality` may come after `gate`.
        if let minQuality = config.gate.minQuality, minQuality > config.quality.cap {
            let gate = root.mapping?.first { $0.key.string == "gate" }?.value.mapping
            let line = gate?.first { $0.key.string == "minQuality" }?.key.mark?.line
            let message = "\(format(minQuality)) can never be reached: quality.cap is \(format(config.quality.cap))"
            throw error(line: line, path: "gate.minQuality", "gate.minQuality: \(message)")
        }
        return config
    }

    private func read(_ section: Field, into config: inout Configuration, _ settings: [Setting]) throws {
        let prefix = section.path.isEmpty ? "" : "\(section.path)."
        let keys = ConfigurationKeys.allPaths.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        try mapping(section, keys: keys.filter { !$0.contains(".") }) { field in
            if let setting = settings.first(where: { $0.path == field.path }) { return try setting.read(&config, field) }
            try read(field, into: &config, settings)
            let weights = config.quality.weights
            let total = weights.checklist + weights.tests + weights.coverage + weights.documents + weights.helm
            // All-zero weights would make every quality 0/0; none is below 0.
            if field.path == "quality.weights", total == 0 {
                throw problem(field, "at least one weight must be above 0")
            }
        }
    }

    func layout(_ field: Field) throws -> String {
        let name = try string(field), names = Configuration.Tasks.layoutNames
        guard names.contains(name) else {
            throw problem(field, "unknown layout '\(quote(name))'; expected one of \(names.joined(separator: ", "))")
        }
        return name
    }

    /// A regular expression, checked as the task-id prefix is matched: case-insensitively.
    func pattern(_ field: Field) throws -> String {
        let pattern = try string(field)
        guard (try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])) != nil else {
            throw problem(field, "'\(quote(pattern))' is not a valid regular expression")
        }
        return pattern
    }

    /// A severity by rule id; `off` (which YAML reads as the boolean false when written bare) switches a rule off.
    func rules(_ field: Field) throws -> [String: Severity?] {
        var rules: [String: Severity?] = [:]
        try mapping(field, keys: FindingRule.catalog.map(\.id.rawValue)) { rule in
            let word = isNull(rule.value) ? "" : rule.value.scalar?.string.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            guard word != "off", word != "false" else { return rules[rule.name] = .some(nil) }
            guard let severity = Severity(rawValue: word) else { throw mismatch(rule, "one of critical, major, minor, info, off") }
            rules[rule.name] = severity
        }
        return rules
    }

    func grades(_ field: Field) throws -> [Configuration.GradeStep] {
        let shape = "a list of '- GRADE: MINIMUM' entries, best grade first"
        let entries = try entries(field, shape)
        guard !entries.isEmpty else { throw problem(field, "expected at least one grade, as \(shape)") }
        var steps: [Configuration.GradeStep] = [], lines: [String: Int] = [:]
        for entry in entries {
            guard let (key, value) = entry.value.mapping?.first, entry.value.mapping?.count == 1 else {
                let found = describe(entry.value)
                throw problem(entry, "expected each entry to be one 'GRADE: MINIMUM' pair such as '- A+: 97', found \(found)")
            }
            let name = isNull(key) ? "" : key.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
            guard !name.isEmpty else { throw problem(entry, "a grade name must not be empty") }
            let grade = Field(name: name, path: "\(field.path).\(name)", line: entry.line, value: value)
            let minimum = try number()(grade)
            try listedOnce("grade", name, grade, in: field.path, &lines)
            if let better = steps.last, minimum >= better.minimum {
                let this = "'\(quote(name))' needs \(format(minimum))"
                let above = "'\(quote(better.grade))' above it needs \(format(better.minimum))"
                throw problem(grade, "minimums must go down from the best grade to the worst, but \(this) and \(above)")
            }
            steps.append(.init(grade: name, minimum: minimum))
        }
        return steps
    }

    func locales(_ field: Field) throws -> [String] {
        let supported = ConfigurationLoader.supportedLocales, names = supported.joined(separator: ", ")
        var lines: [String: Int] = [:]
        let locales = try entries(field, "a list of strings").map { entry in
            let locale = try string(entry, inList: true)
            guard supported.contains(locale) else {
                throw problem(entry, "unsupported locale '\(quote(locale))'; expected one of: \(names)")
            }
            try listedOnce("locale", locale, entry, in: field.path, &lines)
            return locale
        }
        guard !locales.isEmpty else { throw problem(field, "expected at least one locale, from: \(names)") }
        return locales
    }

    /// Rejects an entry of `grades` or `locales` named like an earlier one, whose line `lines` keeps.
    func listedOnce(_ kind: String, _ name: String, _ entry: Field, in list: String, _ lines: inout [String: Int]) throws {
        if let earlier = lines.updateValue(entry.line ?? 0, forKey: name) {
            throw error(entry, "\(list): \(kind) '\(quote(name))' is listed twice (also on line \(earlier))")
        }
    }
}
