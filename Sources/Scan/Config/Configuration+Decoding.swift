import Foundation
import PhaseModel
import Yams

/// Every key path `phasecert.yml` accepts, for suggesting `tasks.idWidth` when `idWidth` is written at
/// the top; the loader tests check them against `Configuration` and `DefaultConfiguration`.
enum ConfigurationKeys {
    static var allPaths: [String] {
        let reader = ConfigurationReader(file: "")
        // `rules` has rule ids below it, not settings.
        let sections: [(String, [String])] = [
            ("tasks", reader.tasks.map(\.key)), ("evidence", reader.evidence.map(\.key)), ("reports", reader.reports.map(\.key)),
            ("quality", reader.quality.map(\.key)), ("quality.weights", reader.weights.map(\.key)), ("gate", reader.gate.map(\.key)),
            ("claims", reader.claims.map(\.key)), ("git", reader.git.map(\.key)),
        ]
        return reader.top.map(\.key) + sections.flatMap { section, keys in keys.map { "\(section).\($0)" } }
    }
}

/// The keys of each section, in the order error messages list them, and what each one sets.
extension ConfigurationReader {
    var top: Keys<Configuration> {
        [
            ("tasks", { try read($1, into: &$0.tasks, tasks) }), ("evidence", { try read($1, into: &$0.evidence, evidence) }),
            ("reports", { try read($1, into: &$0.reports, reports) }), ("quality", { try read($1, into: &$0.quality, quality) }),
            ("grades", { $0.grades = try grades($1) }), ("gate", { try read($1, into: &$0.gate, gate) }),
            ("claims", { try read($1, into: &$0.claims, claims) }), ("rules", { try read($1, into: &$0.rules, rules) }),
            ("git", { try read($1, into: &$0.git, git) }), ("locales", { $0.locales = try locales($1) }),
        ]
    }

    var tasks: Keys<Configuration.Tasks> {
        [
            ("root", { $0.root = try string($1) }), ("masterList", { $0.masterList = isNull($1.value) ? nil : try string($1) }),
            ("layout", { $0.layout = try layout($1) }), ("idPrefix", { $0.idPrefix = try pattern($1) }),
            ("idWidth", { $0.idWidth = try integer($1, in: 1...9) }), ("allowedSuffixes", { $0.allowedSuffixes = try strings($1) }),
            ("requiredDocuments", { $0.requiredDocuments = try strings($1) }), ("checklist", { $0.checklist = try string($1) }),
        ]
    }

    var evidence: Keys<Configuration.Evidence> {
        [("include", { $0.include = try strings($1) }), ("exclude", { $0.exclude = try strings($1) }), ("runHelm", { $0.runHelm = try boolean($1) })]
    }

    var reports: Keys<Configuration.Reports> {
        [("folder", { $0.folder = try string($1) }), ("claimGlobs", { $0.claimGlobs = try strings($1) })]
    }

    var quality: Keys<Configuration.Quality> {
        [
            ("weights", { quality, field in
                try read(field, into: &quality.weights, weights)
                let weights = quality.weights
                // All-zero weights would make every quality 0/0.
                if [weights.checklist, weights.tests, weights.coverage, weights.documents, weights.helm].allSatisfy({ $0 == 0 }) {
                    throw problem(field, "at least one weight must be above 0")
                }
            }),
            ("coverageTarget", { $0.coverageTarget = try number($1, .positivePercentage) }), ("cap", { $0.cap = try number($1, .atLeastOne) }),
        ]
    }

    var weights: Keys<Configuration.Quality.Weights> {
        [
            ("checklist", { $0.checklist = try number($1) }), ("tests", { $0.tests = try number($1) }),
            ("coverage", { $0.coverage = try number($1) }), ("documents", { $0.documents = try number($1) }), ("helm", { $0.helm = try number($1) }),
        ]
    }

    /// `null` (or no value) switches a condition off.
    var gate: Keys<Configuration.Gate> {
        [
            ("maxCritical", { $0.maxCritical = isNull($1.value) ? nil : try integer($1, in: 0...Int.max) }),
            ("maxMajor", { $0.maxMajor = isNull($1.value) ? nil : try integer($1, in: 0...Int.max) }),
            ("minCompletion", { $0.minCompletion = isNull($1.value) ? nil : try number($1, .percentage) }),
            ("minQuality", { $0.minQuality = isNull($1.value) ? nil : try number($1) }),
            ("minTestPassRate", { $0.minTestPassRate = isNull($1.value) ? nil : try number($1, .percentage) }),
            ("minCoverage", { $0.minCoverage = isNull($1.value) ? nil : try number($1, .percentage) }),
            ("failOnUnreadEvidence", { $0.failOnUnreadEvidence = try boolean($1) }),
        ]
    }

    var claims: Keys<Configuration.Claims> {
        [
            ("locTolerance", { $0.locTolerance = try number($1) }), ("percentTolerance", { $0.percentTolerance = try number($1) }),
            ("countTolerance", { $0.countTolerance = try number($1) }), ("dateToleranceDays", { $0.dateToleranceDays = try number($1) }),
            ("durationTolerance", { $0.durationTolerance = try number($1) }),
        ]
    }

    var git: Keys<Configuration.Git> { [("cache", { $0.cache = try string($1) })] }

    var rules: Keys<[String: Severity?]> { FindingRule.catalog.map { rule in (rule.id.rawValue, { $0[rule.id.rawValue] = .some(try severity($1)) }) } }

    func configuration(from root: Node) throws -> Configuration {
        var config = Configuration()
        try read(Field(name: "", path: "", line: root.mark?.line, value: root), into: &config, top)
        // Checked once the whole file is read, because `quality` may come after `gate`.
        if let minQuality = config.gate.minQuality, minQuality > config.quality.cap {
            let gate = root.mapping?.first { $0.key.string == "gate" }?.value.mapping
            throw error(
                line: gate?.first { $0.key.string == "minQuality" }?.key.mark?.line, path: "gate.minQuality",
                "gate.minQuality: \(format(minQuality)) can never be reached: quality.cap is \(format(config.quality.cap))")
        }
        return config
    }

    func layout(_ field: Field) throws -> String {
        let name = try string(field), names = Configuration.Tasks.layoutNames
        guard names.contains(name) else { throw problem(field, "unknown layout '\(quote(name))'; expected one of \(names.joined(separator: ", "))") }
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

    /// A severity, or `nil` for `off` (which YAML reads as the boolean false when written bare).
    func severity(_ field: Field) throws -> Severity? {
        let word = isNull(field.value) ? nil : field.value.scalar?.string.trimmingCharacters(in: .whitespaces).lowercased()
        if word == "off" || word == "false" { return nil }
        guard let severity = word.flatMap(Severity.init(rawValue:)) else { throw mismatch(field, "one of critical, major, minor, info, off") }
        return severity
    }

    func grades(_ field: Field) throws -> [Configuration.GradeStep] {
        let shape = "a list of '- GRADE: MINIMUM' entries, best grade first"
        let entries = try entries(field, shape)
        guard !entries.isEmpty else { throw problem(field, "expected at least one grade, as \(shape)") }
        var steps: [Configuration.GradeStep] = [], lines: [String: Int] = [:]
        for entry in entries {
            guard let (key, value) = entry.value.mapping?.first, entry.value.mapping?.count == 1 else {
                throw problem(entry, "expected each entry to be one 'GRADE: MINIMUM' pair such as '- A+: 97', found \(describe(entry.value))")
            }
            let name = isNull(key) ? "" : key.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
            guard !name.isEmpty else { throw problem(entry, "a grade name must not be empty") }
            let grade = Field(name: name, path: "\(field.path).\(name)", line: entry.line, value: value)
            let minimum = try number(grade)
            if let earlier = lines.updateValue(entry.line ?? 0, forKey: name) {
                throw error(grade, "\(field.path): grade '\(quote(name))' is listed twice (also on line \(earlier))")
            }
            if let better = steps.last, minimum >= better.minimum {
                let (this, above) = ("'\(quote(name))' needs \(format(minimum))", "'\(quote(better.grade))' above it needs \(format(better.minimum))")
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
            guard supported.contains(locale) else { throw problem(entry, "unsupported locale '\(quote(locale))'; expected one of: \(names)") }
            if let earlier = lines.updateValue(entry.line ?? 0, forKey: locale) {
                throw problem(entry, "locale '\(locale)' is listed twice (also on line \(earlier))")
            }
            return locale
        }
        guard !locales.isEmpty else { throw problem(field, "expected at least one locale, from: \(names)") }
        return locales
    }
}
