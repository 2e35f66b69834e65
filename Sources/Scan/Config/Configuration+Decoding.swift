import Foundation
import PhaseModel
import Yams

/// A key path of `phasecert.yml` and how its value is read into the configuration.
typealias Setter = (inout Configuration, Field) throws -> Void
typealias Setting = (path: String, read: Setter)

extension ConfigurationReader {
    /// Every key path `phasecert.yml` accepts, sections included; the loader tests check them against
    /// `Configuration` and `DefaultConfiguration`.
    static let allPaths: [String] = ConfigurationReader(file: "").settings.reduce(into: []) { paths, setting in
        let parts = setting.path.split(separator: ".")
        for path in parts.indices.map({ parts[...$0].joined(separator: ".") }) where !paths.contains(path) { paths.append(path) }
    }

    /// Every setting, in the order error messages list keys; a key with settings below it is a section.
    /// `null` (or no value) switches a gate condition off.
    var settings: [Setting] {
        let percentage = number(message("error.config.shape.percentage"), percentage: true) { (0...100).contains($0) }
        let target = number(message("error.config.shape.target"), percentage: true) { $0 > 0 && $0 <= 100 }
        let cap = number(message("error.config.shape.cap")) { $0 >= 1 }, count = integer(0...Int.max)
        return [
            ("tasks.root", set(\.tasks.root, string)), ("tasks.masterList", set(\.tasks.masterList, orNull: string)),
            ("tasks.layout", set(\.tasks.layout, layout)), ("tasks.idPrefix", set(\.tasks.idPrefix, pattern)),
            ("tasks.idWidth", set(\.tasks.idWidth, integer(1...9))), ("tasks.allowedSuffixes", set(\.tasks.allowedSuffixes, strings)),
            ("tasks.requiredDocuments", set(\.tasks.requiredDocuments, strings)), ("tasks.checklist", set(\.tasks.checklist, string)),
            ("evidence.include", set(\.evidence.include, strings)), ("evidence.exclude", set(\.evidence.exclude, strings)),
            ("evidence.runHelm", set(\.evidence.runHelm, boolean)), ("reports.folder", set(\.reports.folder, string)),
            ("reports.claimGlobs", set(\.reports.claimGlobs, strings)), ("quality.weights.checklist", set(\.quality.weights.checklist, number())),
            ("quality.weights.tests", set(\.quality.weights.tests, number())),
            ("quality.weights.coverage", set(\.quality.weights.coverage, number())),
            ("quality.weights.documents", set(\.quality.weights.documents, number())),
            ("quality.weights.helm", set(\.quality.weights.helm, number())), ("quality.coverageTarget", set(\.quality.coverageTarget, target)),
            ("quality.cap", set(\.quality.cap, cap)), ("grades", set(\.grades, grades)),
            ("gate.maxCritical", set(\.gate.maxCritical, orNull: count)), ("gate.maxMajor", set(\.gate.maxMajor, orNull: count)),
            ("gate.minCompletion", set(\.gate.minCompletion, orNull: percentage)), ("gate.minQuality", set(\.gate.minQuality, orNull: number())),
            ("gate.minTestPassRate", set(\.gate.minTestPassRate, orNull: percentage)),
            ("gate.minCoverage", set(\.gate.minCoverage, orNull: percentage)),
            ("gate.failOnUnreadEvidence", set(\.gate.failOnUnreadEvidence, boolean)),
            ("claims.locTolerance", set(\.claims.locTolerance, number())), ("claims.percentTolerance", set(\.claims.percentTolerance, number())),
            ("claims.countTolerance", set(\.claims.countTolerance, number())),
            ("claims.dateToleranceDays", set(\.claims.dateToleranceDays, number())),
            ("claims.durationTolerance", set(\.claims.durationTolerance, number())), ("rules", set(\.rules, rules)),
            ("git.cache", set(\.git.cache, string)), ("locales", set(\.locales, locales)),
        ]
    }

    func set<Value>(_ key: WritableKeyPath<Configuration, Value>, _ read: @escaping Read<Value>) -> Setter { { $0[keyPath: key] = try read($1) } }
    func set<Value>(_ key: WritableKeyPath<Configuration, Value?>, orNull read: @escaping Read<Value>) -> Setter {
        { $0[keyPath: key] = isNull($1.value) ? nil : try read($1) }
    }

    func configuration(from root: Node) throws -> Configuration {
        var config = Configuration()
        try read(Field(name: "", path: "", line: root.mark?.line, value: root), into: &config, settings)
        // Checked once the whole file is read, because `quality` may come after `gate`.
        if let minQuality = config.gate.minQuality, minQuality > config.quality.cap {
            let arguments = ["minimum": format(minQuality), "cap": format(config.quality.cap)]
            throw error(line: root["gate"]?["minQuality"]?.mark?.line, path: "gate.minQuality", message("error.config.min-quality", arguments))
        }
        return config
    }

    private func read(_ section: Field, into config: inout Configuration, _ settings: [Setting]) throws {
        let prefix = section.path.isEmpty ? "" : "\(section.path)."
        let keys = Self.allPaths.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        try mapping(section, keys: keys.filter { !$0.contains(".") }) { field in
            if let setting = settings.first(where: { $0.path == field.path }) { return try setting.read(&config, field) }
            try read(field, into: &config, settings)
            // All-zero weights would make every quality 0/0; none is below 0.
            let weights = config.quality.weights, all = [weights.checklist, weights.tests, weights.coverage, weights.documents, weights.helm]
            if field.path == "quality.weights", all.allSatisfy({ $0 == 0 }) { throw problem(field, message("error.config.weights-zero")) }
        }
    }

    func layout(_ field: Field) throws -> String {
        let names = Configuration.Tasks.layoutNames
        return try string(field, where: names.contains) { message("error.config.layout", ["layout": $0, "layouts": names.joined(separator: ", ")]) }
    }

    /// A regular expression, checked as the task-id prefix is matched: case-insensitively.
    func pattern(_ field: Field) throws -> String {
        try string(field, where: { (try? NSRegularExpression(pattern: $0, options: [.caseInsensitive])) != nil }) {
            message("error.config.pattern", ["pattern": $0])
        }
    }

    /// A severity by rule id; `off` (which YAML reads as the boolean false when written bare) switches a rule off.
    func rules(_ field: Field) throws -> [String: Severity?] {
        var rules: [String: Severity?] = [:]
        try mapping(field, keys: FindingRule.catalog.map(\.id.rawValue)) { rule in
            let word = isNull(rule.value) ? "" : rule.value.scalar?.string.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            guard word != "off", word != "false" else { return rules[rule.name] = .some(nil) }
            guard let severity = Severity(rawValue: word) else { throw mismatch(rule, message("error.config.shape.severity")) }
            rules[rule.name] = severity
        }
        return rules
    }

    func grades(_ field: Field) throws -> [Configuration.GradeStep] {
        let shape = message("error.config.shape.grades"), entries = try entries(field, shape)
        guard !entries.isEmpty else { throw problem(field, message("error.config.no-grade", ["shape": shape])) }
        var steps: [Configuration.GradeStep] = [], lines: [String: Int] = [:]
        for entry in entries {
            guard let (key, value) = entry.value.mapping?.first, entry.value.mapping?.count == 1 else {
                throw problem(entry, message("error.config.grade-pair", ["found": describe(entry.value)]))
            }
            let name = isNull(key) ? "" : key.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
            guard !name.isEmpty else { throw problem(entry, message("error.config.grade-name")) }
            let grade = Field(name: name, path: "\(field.path).\(name)", line: entry.line, value: value)
            let minimum = try number()(grade)
            try listedOnce(name, grade, &lines) { message("error.config.grade-twice", ["list": field.path, "name": quote(name), "line": $0]) }
            if let better = steps.last, minimum >= better.minimum {
                let order = ["grade": quote(name), "minimum": format(minimum), "better": quote(better.grade), "betterMinimum": format(better.minimum)]
                throw problem(grade, message("error.config.grade-order", order))
            }
            steps.append(.init(grade: name, minimum: minimum))
        }
        return steps
    }

    func locales(_ field: Field) throws -> [String] {
        let supported = ReportLocale.allCases.map(\.rawValue), names = supported.joined(separator: ", ")
        var lines: [String: Int] = [:]
        let locales = try entries(field, message("error.config.shape.strings")).map { entry in
            let locale = try string(entry, inList: true, where: supported.contains) { message("error.config.locale", ["locale": $0, "locales": names]) }
            try listedOnce(locale, entry, &lines) { message("error.config.locale-twice", ["list": field.path, "name": quote(locale), "line": $0]) }
            return locale
        }
        guard !locales.isEmpty else { throw problem(field, message("error.config.no-locale", ["locales": names])) }
        return locales
    }

    /// Rejects an entry of `grades` or `locales` named like an earlier one, whose line `lines` keeps;
    /// `twice` words the error from the earlier line.
    func listedOnce(_ name: String, _ entry: Field, _ lines: inout [String: Int], _ twice: (String) -> String) throws {
        if let earlier = lines.updateValue(entry.line ?? 0, forKey: name) { throw error(entry, twice(String(earlier))) }
    }
}
