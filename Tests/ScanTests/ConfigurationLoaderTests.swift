import Foundation
import PhaseModel
import PropertyBased
import Testing

@testable import Scan

@Suite("ConfigurationLoader")
struct ConfigurationLoaderTests {
    private static let file = "phasecert.yml"

    private func load(_ yaml: String) throws -> Configuration {
        try ConfigurationLoader.load(yaml: yaml, file: Self.file)
    }

    /// Loads `yaml`, expecting a `ConfigurationError`, and returns it.
    private func failure(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> ConfigurationError? {
        do {
            let config = try load(yaml)
            Issue.record("expected an error, loaded \(config)", sourceLocation: sourceLocation)
            return nil
        } catch let error as ConfigurationError {
            return error
        } catch {
            Issue.record("expected a ConfigurationError, got \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    // MARK: - Defaults

    @Test(arguments: ["", "\n\n", "# only a comment\n  # and another\n", "---\n", "~\n", "\u{FEFF}# BOM\n"])
    func emptyOrCommentOnlyFileGivesDefaults(yaml: String) throws {
        #expect(try load(yaml) == Configuration())
    }

    @Test func emptySectionsAndListsAreEmptyNotErrors() throws {
        let config = try load("tasks:\nquality:\n  weights:\nevidence:\n  include:\n")
        var expected = Configuration()
        expected.evidence.include = []
        #expect(config == expected)
        #expect(try load("tasks:\n  requiredDocuments:\n").tasks.requiredDocuments == [])
    }

    @Test func defaultConfigurationTextLoadsAsDefaults() throws {
        #expect(try load(DefaultConfiguration.yaml) == Configuration())
    }

    @Test func defaultConfigurationTextNamesEveryKeyWithAComment() {
        // The text is laid out two spaces per level, so key paths can be read off the indentation.
        var paths: [String] = []
        var stack: [String] = []
        for line in DefaultConfiguration.yaml.split(separator: "\n") {
            let body = line.drop { $0 == " " }
            guard let first = body.first, first.isLetter, let colon = body.firstIndex(of: ":") else { continue }
            let level = (line.count - body.count) / 2
            stack = Array(stack.prefix(level)) + [String(body[..<colon])]
            paths.append(stack.joined(separator: "."))
            #expect(line.contains(" # "), "no comment on: \(line)")
        }
        #expect(paths.sorted() == ConfigurationReader.allPaths.sorted())
    }

    // MARK: - Every key

    private static let fullOverride = """
        tasks:
          root: work/items
          masterList: docs/MASTER.md
          layout: flat-files
          idPrefix: "(TN|OPS)"
          idWidth: 4
          allowedSuffixes: ["-150pct", -draft]
          requiredDocuments: [design.md]
          checklist: checklist.md
        evidence:
          include: ["ci/**/*.xml"]
          exclude:
            - vendor/**
          runHelm: true
        reports:
          folder: out/reports
          claimGlobs: ["**/*STATUS*.md"]
        quality:
          weights:
            checklist: 1
            tests: 2.5
            coverage: 0
            documents: 0.5
            helm: 0.25
          coverageTarget: 90.5
          cap: 150
        grades:
          - Gold: 90
          - Silver: 50.5
          - Bronze: 0
        gate:
          maxCritical: null
          maxMajor: 2
          minCompletion: ~
          minQuality: 140
          minTestPassRate: 95
          minCoverage: 60
          failOnUnreadEvidence: false
        claims:
          locTolerance: 0.2
          percentTolerance: 1
          countTolerance: 2
          dateToleranceDays: 3
          durationTolerance: 0.5
        rules:
          docs.missing: major
          task.no-commits: off
          claim.unverifiable: "OFF"
        git:
          cache: .cache/phasecert
        locales: [ru]
        """

    @Test func everyKeyReadsBack() throws {
        var expected = Configuration()
        expected.tasks.root = "work/items"
        expected.tasks.masterList = "docs/MASTER.md"
        expected.tasks.layout = "flat-files"
        expected.tasks.idPrefix = "(TN|OPS)"
        expected.tasks.idWidth = 4
        expected.tasks.allowedSuffixes = ["-150pct", "-draft"]
        expected.tasks.requiredDocuments = ["design.md"]
        expected.tasks.checklist = "checklist.md"
        expected.evidence.include = ["ci/**/*.xml"]
        expected.evidence.exclude = ["vendor/**"]
        expected.evidence.runHelm = true
        expected.reports.folder = "out/reports"
        expected.reports.claimGlobs = ["**/*STATUS*.md"]
        expected.quality.weights.checklist = 1
        expected.quality.weights.tests = 2.5
        expected.quality.weights.coverage = 0
        expected.quality.weights.documents = 0.5
        expected.quality.weights.helm = 0.25
        expected.quality.coverageTarget = 90.5
        expected.quality.cap = 150
        expected.grades = [.init(grade: "Gold", minimum: 90), .init(grade: "Silver", minimum: 50.5), .init(grade: "Bronze", minimum: 0)]
        expected.gate.maxCritical = nil
        expected.gate.maxMajor = 2
        expected.gate.minCompletion = nil
        expected.gate.minQuality = 140
        expected.gate.minTestPassRate = 95
        expected.gate.minCoverage = 60
        expected.gate.failOnUnreadEvidence = false
        expected.claims.locTolerance = 0.2
        expected.claims.percentTolerance = 1
        expected.claims.countTolerance = 2
        expected.claims.dateToleranceDays = 3
        expected.claims.durationTolerance = 0.5
        expected.rules = ["docs.missing": .major, "task.no-commits": Severity?.none, "claim.unverifiable": Severity?.none]
        expected.git.cache = ".cache/phasecert"
        expected.locales = ["ru"]

        let loaded = try load(Self.fullOverride)
        #expect(loaded == expected)

        // Each leaf must differ from its default, or the round trip would prove nothing for it.
        let defaults = Configuration()
        for (path, read) in Self.leaves {
            #expect(read(loaded) != read(defaults), "\(path) is set to its default in the override")
        }
        let sections: Set = ["tasks", "evidence", "reports", "quality", "quality.weights", "gate", "claims", "git"]
        // `rules` keys are rule ids, not settings, so it is a leaf here and no section of allPaths.
        #expect(Set(Self.leaves.map(\.0)) == Set(ConfigurationReader.allPaths).subtracting(sections))
    }

    private static let leaves: [(String, @Sendable (Configuration) -> String)] = [
        ("tasks.root", { "\($0.tasks.root)" }),
        ("tasks.masterList", { "\(String(describing: $0.tasks.masterList))" }),
        ("tasks.layout", { "\($0.tasks.layout)" }),
        ("tasks.idPrefix", { "\($0.tasks.idPrefix)" }),
        ("tasks.idWidth", { "\($0.tasks.idWidth)" }),
        ("tasks.allowedSuffixes", { "\($0.tasks.allowedSuffixes)" }),
        ("tasks.requiredDocuments", { "\($0.tasks.requiredDocuments)" }),
        ("tasks.checklist", { "\($0.tasks.checklist)" }),
        ("evidence.include", { "\($0.evidence.include)" }),
        ("evidence.exclude", { "\($0.evidence.exclude)" }),
        ("evidence.runHelm", { "\($0.evidence.runHelm)" }),
        ("reports.folder", { "\($0.reports.folder)" }),
        ("reports.claimGlobs", { "\($0.reports.claimGlobs)" }),
        ("quality.weights.checklist", { "\($0.quality.weights.checklist)" }),
        ("quality.weights.tests", { "\($0.quality.weights.tests)" }),
        ("quality.weights.coverage", { "\($0.quality.weights.coverage)" }),
        ("quality.weights.documents", { "\($0.quality.weights.documents)" }),
        ("quality.weights.helm", { "\($0.quality.weights.helm)" }),
        ("quality.coverageTarget", { "\($0.quality.coverageTarget)" }),
        ("quality.cap", { "\($0.quality.cap)" }),
        ("grades", { "\($0.grades)" }),
        ("gate.maxCritical", { "\(String(describing: $0.gate.maxCritical))" }),
        ("gate.maxMajor", { "\(String(describing: $0.gate.maxMajor))" }),
        ("gate.minCompletion", { "\(String(describing: $0.gate.minCompletion))" }),
        ("gate.minQuality", { "\(String(describing: $0.gate.minQuality))" }),
        ("gate.minTestPassRate", { "\(String(describing: $0.gate.minTestPassRate))" }),
        ("gate.minCoverage", { "\(String(describing: $0.gate.minCoverage))" }),
        ("gate.failOnUnreadEvidence", { "\($0.gate.failOnUnreadEvidence)" }),
        ("claims.locTolerance", { "\($0.claims.locTolerance)" }),
        ("claims.percentTolerance", { "\($0.claims.percentTolerance)" }),
        ("claims.countTolerance", { "\($0.claims.countTolerance)" }),
        ("claims.dateToleranceDays", { "\($0.claims.dateToleranceDays)" }),
        ("claims.durationTolerance", { "\($0.claims.durationTolerance)" }),
        ("rules", { "\($0.rules.sorted { $0.key < $1.key })" }),
        ("git.cache", { "\($0.git.cache)" }),
        ("locales", { "\($0.locales)" }),
    ]

    @Test func rulesSetASeverityOrSwitchARuleOff() throws {
        let rules = try load("rules:\n  docs.missing: Minor\n  tests.failing: major\n  task.no-commits: off\n").rules
        #expect(rules == ["docs.missing": .minor, "tests.failing": .major, "task.no-commits": Severity?.none])
    }

    @Test func anUnknownRuleIdIsAnErrorWithItsLineAndASuggestion() throws {
        let error = try #require(throws: ConfigurationError.self) { try load("rules:\n  docs.missing: major\n  docs.mising: off\n") }
        #expect(error.line == 3)
        #expect(error.description.contains("unknown key 'rules.docs.mising'") || error.description.contains("unknown key 'docs.mising'"))
        #expect(error.description.contains("did you mean 'docs.missing'?"))
    }

    @Test func aRuleSettingThatIsNoSeverityIsAnError() throws {
        let error = try #require(throws: ConfigurationError.self) { try load("rules:\n  docs.missing: serious\n") }
        #expect(error.line == 2)
        #expect(error.description.contains("one of critical, major, minor, info, off"))
    }

    @Test func gateConditionsSwitchOffWithNullTildeOrNothing() throws {
        let gate = try load("gate:\n  maxCritical: null\n  minCompletion: ~\n  minTestPassRate:\n  maxMajor: 3\n").gate
        #expect(gate.maxCritical == nil)
        #expect(gate.minCompletion == nil)
        #expect(gate.minTestPassRate == nil)
        #expect(gate.maxMajor == 3)
        // Keys not written keep their defaults, so leaving a key out is not the same as null.
        #expect(gate.minQuality == nil && Configuration().gate.minQuality == nil)
        #expect(try load("gate:\n  maxMajor: 1\n").gate.maxCritical == 0)
    }

    @Test func masterListMayBeNull() throws {
        #expect(try load("tasks:\n  masterList: null\n").tasks.masterList == nil)
        #expect(try load("tasks:\n  masterList: TASKS.md\n").tasks.masterList == "TASKS.md")
    }

    @Test func stringsTolerateYAMLImplicitTypes() throws {
        // `no`, `2024` and `on` resolve to bool/int in YAML 1.1; a folder or suffix may still be named so.
        let config = try load("tasks:\n  root: 2024\n  allowedSuffixes: [on, no]\nreports:\n  folder: 'null'\n")
        #expect(config.tasks.root == "2024")
        #expect(config.tasks.allowedSuffixes == ["on", "no"])
        #expect(config.reports.folder == "null")
    }

    @Test func numbersAcceptIntegersAndExponents() throws {
        let config = try load("quality:\n  cap: 120\n  coverageTarget: 7.5e1\n")
        #expect(config.quality.cap == 120)
        #expect(config.quality.coverageTarget == 75)
    }

    // MARK: - Errors

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        let line: Int
        let keyPath: String?
        /// The whole `description`, or a fragment of it when `exact` is false.
        let text: String
        var exact = true
        var testDescription: String { name }
    }

    private func check(_ errorCase: ErrorCase) {
        guard let error = failure(errorCase.yaml) else { return }
        #expect(error.line == errorCase.line, "\(error)")
        #expect(error.keyPath == errorCase.keyPath, "\(error)")
        #expect(error.exitCode == 2)
        #expect(error.kind == .invalid)
        #expect(error.description.hasPrefix("phasecert.yml:\(errorCase.line): "))
        #expect(!error.description.contains("\n"))
        if errorCase.exact {
            #expect(error.description == errorCase.text)
        } else {
            #expect(error.description.contains(errorCase.text), "\(error)")
        }
    }

    static let unknownKeys: [ErrorCase] = [
        .init(
            name: "top level", yaml: "tasks:\n  root: t\nqualty:\n  cap: 2\n", line: 3, keyPath: "qualty",
            text: "phasecert.yml:3: unknown key 'qualty'; expected one of: tasks, evidence, reports, quality, grades, gate, claims, rules, git, locales (did you mean 'quality'?)"),
        .init(
            name: "tasks", yaml: "tasks:\n  root: t\n  id_width: 4\n", line: 3, keyPath: "tasks.id_width",
            text: "phasecert.yml:3: unknown key 'tasks.id_width'; expected one of: root, masterList, layout, idPrefix, idWidth, allowedSuffixes, requiredDocuments, checklist (did you mean 'idWidth'?)"),
        .init(
            name: "quality", yaml: "# header\n\n\nquality:\n  cap: 100\n\n  weigths:\n    tests: 1\n", line: 7,
            keyPath: "quality.weigths",
            text: "phasecert.yml:7: unknown key 'quality.weigths'; expected one of: weights, coverageTarget, cap (did you mean 'weights'?)"),
        .init(
            name: "quality.weights", yaml: "quality:\n  weights:\n    tests: 1\n    tets: 2\n", line: 4,
            keyPath: "quality.weights.tets",
            text: "phasecert.yml:4: unknown key 'quality.weights.tets'; expected one of: checklist, tests, coverage, documents, helm (did you mean 'tests'?)"),
        .init(
            name: "evidence", yaml: "evidence:\n  includes: [a]\n", line: 2, keyPath: "evidence.includes",
            text: "phasecert.yml:2: unknown key 'evidence.includes'; expected one of: include, exclude, runHelm (did you mean 'include'?)"),
        .init(
            name: "reports", yaml: "reports:\n  folder: r\n  templates: t\n", line: 3, keyPath: "reports.templates",
            text: "phasecert.yml:3: unknown key 'reports.templates'; expected one of: folder, claimGlobs"),
        .init(
            name: "gate", yaml: "gate:\n  maxCritical: 0\n  maxMinor: 1\n", line: 3, keyPath: "gate.maxMinor",
            text: "phasecert.yml:3: unknown key 'gate.maxMinor'; expected one of: maxCritical, maxMajor, minCompletion, minQuality, minTestPassRate, minCoverage, failOnUnreadEvidence (did you mean 'maxMajor'?)"),
        .init(
            name: "claims", yaml: "claims: {locTolerance: 0.1, lineTolerance: 2}\n", line: 1, keyPath: "claims.lineTolerance",
            text: "phasecert.yml:1: unknown key 'claims.lineTolerance'; expected one of: locTolerance, percentTolerance, countTolerance", exact: false),
        .init(
            name: "git", yaml: "git:\n  cahce: x\n", line: 2, keyPath: "git.cahce",
            text: "phasecert.yml:2: unknown key 'git.cahce'; expected one of: cache (did you mean 'cache'?)"),
        .init(
            name: "key written at the wrong level", yaml: "locales: [en]\nidWidth: 4\n", line: 2, keyPath: "idWidth",
            text: "(did you mean 'tasks.idWidth'?)", exact: false),
        .init(
            name: "no close key", yaml: "tasks:\n  zzzzzz: 1\n", line: 2, keyPath: "tasks.zzzzzz",
            text: "phasecert.yml:2: unknown key 'tasks.zzzzzz'; expected one of: root, masterList, layout, idPrefix, idWidth, allowedSuffixes, requiredDocuments, checklist"),
    ]

    @Test(arguments: unknownKeys) func unknownKey(_ errorCase: ErrorCase) { check(errorCase) }

    static let wrongTypes: [ErrorCase] = [
        .init(
            name: "word for a whole number", yaml: "tasks:\n  idWidth: three\n", line: 2, keyPath: "tasks.idWidth",
            text: "phasecert.yml:2: tasks.idWidth: expected a whole number from 1 to 9, found 'three'"),
        .init(
            name: "fraction for a whole number", yaml: "gate:\n  maxMajor: 1.5\n", line: 2, keyPath: "gate.maxMajor",
            text: "phasecert.yml:2: gate.maxMajor: expected a whole number of at least 0, found '1.5'"),
        .init(
            name: "scalar for a list", yaml: "locales: en\n", line: 1, keyPath: "locales",
            text: "phasecert.yml:1: locales: expected a list of strings, found 'en'"),
        .init(
            name: "nested list in a list of strings", yaml: "tasks:\n  requiredDocuments:\n    - a.md\n    - [b.md]\n",
            line: 4, keyPath: "tasks.requiredDocuments",
            text: "phasecert.yml:4: tasks.requiredDocuments: expected a list of non-empty strings, found a list in it"),
        .init(
            name: "list for a section", yaml: "evidence: [a]\n", line: 1, keyPath: "evidence",
            text: "phasecert.yml:1: evidence: expected a mapping with the keys include, exclude, runHelm, found a list"),
        .init(
            name: "word for a boolean", yaml: "evidence:\n  runHelm: sometimes\n", line: 2, keyPath: "evidence.runHelm",
            text: "phasecert.yml:2: evidence.runHelm: expected true or false, found 'sometimes'"),
        .init(
            name: "null for a string", yaml: "tasks:\n  root: null\n", line: 2, keyPath: "tasks.root",
            text: "phasecert.yml:2: tasks.root: expected a non-empty string, found null"),
        .init(
            name: "nothing for a number", yaml: "quality:\n  cap:\n", line: 2, keyPath: "quality.cap",
            text: "phasecert.yml:2: quality.cap: expected a number of at least 1, found nothing"),
        .init(
            name: "percent sign", yaml: "quality:\n  coverageTarget: 80%\n", line: 2, keyPath: "quality.coverageTarget",
            text: "phasecert.yml:2: quality.coverageTarget: expected a percentage above 0 and at most 100, found '80%' (write the number without '%')"),
        .init(
            name: "quoted number", yaml: "claims:\n  countTolerance: \"2\"\n", line: 2, keyPath: "claims.countTolerance",
            text: "phasecert.yml:2: claims.countTolerance: expected a number of at least 0, found '2'"),
        .init(
            name: "infinity", yaml: "quality:\n  cap: .inf\n", line: 2, keyPath: "quality.cap",
            text: "phasecert.yml:2: quality.cap: expected a number of at least 1, found '.inf'"),
        .init(
            name: "top level is a list", yaml: "- tasks\n", line: 1, keyPath: nil,
            text: "phasecert.yml:1: the top level: expected a mapping with the keys tasks, evidence, reports, quality, grades, gate, claims, rules, git, locales, found a list"),
        .init(
            name: "mapping as a key", yaml: "tasks:\n  ? {a: 1}\n  : x\n", line: 2, keyPath: "tasks",
            text: "found a mapping as a key", exact: false),
    ]

    @Test(arguments: wrongTypes) func wrongType(_ errorCase: ErrorCase) { check(errorCase) }

    static let outOfRange: [ErrorCase] = [
        .init(
            name: "idWidth too large", yaml: "tasks:\n  idWidth: 12\n", line: 2, keyPath: "tasks.idWidth",
            text: "phasecert.yml:2: tasks.idWidth: expected a whole number from 1 to 9, found 12"),
        .init(
            name: "idWidth zero", yaml: "tasks: {idWidth: 0}\n", line: 1, keyPath: "tasks.idWidth",
            text: "phasecert.yml:1: tasks.idWidth: expected a whole number from 1 to 9, found 0"),
        .init(
            name: "negative weight", yaml: "quality:\n  weights:\n    helm: -0.1\n", line: 3, keyPath: "quality.weights.helm",
            text: "phasecert.yml:3: quality.weights.helm: expected a number of at least 0, found -0.1"),
        .init(
            name: "all weights zero",
            yaml: "quality:\n  cap: 100\n  weights:\n    checklist: 0\n    tests: 0\n    coverage: 0\n    documents: 0\n    helm: 0\n",
            line: 3, keyPath: "quality.weights",
            text: "phasecert.yml:3: quality.weights: at least one weight must be above 0"),
        .init(
            name: "coverage target zero", yaml: "quality:\n  coverageTarget: 0\n", line: 2, keyPath: "quality.coverageTarget",
            text: "phasecert.yml:2: quality.coverageTarget: expected a percentage above 0 and at most 100, found 0"),
        .init(
            name: "cap below one", yaml: "quality:\n  cap: 0.5\n", line: 2, keyPath: "quality.cap",
            text: "phasecert.yml:2: quality.cap: expected a number of at least 1, found 0.5"),
        .init(
            name: "negative tolerance", yaml: "claims:\n  percentTolerance: -1\n", line: 2, keyPath: "claims.percentTolerance",
            text: "phasecert.yml:2: claims.percentTolerance: expected a number of at least 0, found -1"),
        .init(
            name: "percentage above 100", yaml: "gate:\n  minCompletion: 101\n", line: 2, keyPath: "gate.minCompletion",
            text: "phasecert.yml:2: gate.minCompletion: expected a percentage from 0 to 100, found 101"),
        .init(
            name: "negative count", yaml: "gate:\n  maxCritical: -1\n", line: 2, keyPath: "gate.maxCritical",
            text: "phasecert.yml:2: gate.maxCritical: expected a whole number of at least 0, found -1"),
        .init(
            name: "minQuality above cap", yaml: "gate:\n  minQuality: 120\nquality:\n  cap: 110\n", line: 2,
            keyPath: "gate.minQuality",
            text: "phasecert.yml:2: gate.minQuality: 120 can never be reached: quality.cap is 110"),
        .init(
            name: "unsupported locale", yaml: "locales:\n  - en\n  - de\n", line: 3, keyPath: "locales",
            text: "phasecert.yml:3: locales: unsupported locale 'de'; expected one of: en, ru"),
        .init(
            name: "locale twice", yaml: "locales: [ru,\n  ru]\n", line: 2, keyPath: "locales",
            text: "phasecert.yml:2: locales: locale 'ru' is listed twice (also on line 1)"),
        .init(
            name: "no locales", yaml: "locales: []\n", line: 1, keyPath: "locales",
            text: "phasecert.yml:1: locales: expected at least one locale, from: en, ru"),
        .init(
            name: "empty string", yaml: "tasks:\n  checklist: ''\n", line: 2, keyPath: "tasks.checklist",
            text: "phasecert.yml:2: tasks.checklist: expected a non-empty string, found ''"),
    ]

    @Test(arguments: outOfRange) func valueOutOfRange(_ errorCase: ErrorCase) { check(errorCase) }

    static let badRegex: [ErrorCase] = [
        .init(
            name: "unclosed class", yaml: "tasks:\n  idWidth: 3\n  idPrefix: \"[A-Z\"\n", line: 3, keyPath: "tasks.idPrefix",
            text: "phasecert.yml:3: tasks.idPrefix: '[A-Z' is not a valid regular expression"),
        .init(
            name: "unbalanced group", yaml: "tasks:\n  idPrefix: (TN\n", line: 2, keyPath: "tasks.idPrefix",
            text: "phasecert.yml:2: tasks.idPrefix: '(TN' is not a valid regular expression"),
    ]

    @Test(arguments: badRegex) func invalidRegularExpression(_ errorCase: ErrorCase) { check(errorCase) }

    static let duplicates: [ErrorCase] = [
        .init(
            name: "top level", yaml: "locales: [en]\ntasks:\n  root: a\nlocales: [ru]\n", line: 4, keyPath: "locales",
            text: "phasecert.yml:4: duplicate key 'locales' (first set on line 1)"),
        .init(
            name: "nested", yaml: "quality:\n  cap: 100\n  weights:\n    tests: 1\n    helm: 0\n    tests: 2\n", line: 6,
            keyPath: "quality.weights.tests",
            text: "phasecert.yml:6: duplicate key 'quality.weights.tests' (first set on line 4)"),
        .init(
            name: "quoted second key", yaml: "git:\n  cache: a\n  \"cache\": b\n", line: 3, keyPath: "git.cache",
            text: "phasecert.yml:3: duplicate key 'git.cache' (first set on line 2)"),
        .init(
            name: "flow mapping", yaml: "claims: {countTolerance: 1,\n  countTolerance: 2}\n", line: 2,
            keyPath: "claims.countTolerance",
            text: "phasecert.yml:2: duplicate key 'claims.countTolerance' (first set on line 1)"),
        .init(
            name: "three times", yaml: "gate:\n  maxMajor: 1\n  maxMajor: 2\n  maxMajor: 3\n", line: 3, keyPath: "gate.maxMajor",
            text: "phasecert.yml:3: duplicate key 'gate.maxMajor' (first set on line 2)"),
        .init(
            name: "quoted first key", yaml: "\"tasks\": {}\ngit: {}\ntasks: {}\n", line: 3, keyPath: "tasks",
            text: "phasecert.yml:3: duplicate key 'tasks' (first set on line 1)"),
        .init(
            name: "two duplicates, earlier one reported",
            yaml: "tasks:\n  root: a\n  root: b\n  idWidth: 3\n  idWidth: 4\n", line: 3, keyPath: "tasks.root",
            text: "phasecert.yml:3: duplicate key 'tasks.root' (first set on line 2)"),
        .init(
            name: "inside a grade entry", yaml: "grades:\n  - A: 90\n    A: 80\n", line: 3, keyPath: "grades[0].A",
            text: "phasecert.yml:3: duplicate key 'grades[0].A' (first set on line 2)"),
        .init(
            name: "after a multi-line scalar and CRLF line ends",
            yaml: "tasks:\r\n  root: >\r\n    long\r\n    folder\r\n  root: b\r\n", line: 5, keyPath: "tasks.root",
            text: "phasecert.yml:5: duplicate key 'tasks.root' (first set on line 2)"),
    ]

    @Test(arguments: duplicates) func duplicateKey(_ errorCase: ErrorCase) { check(errorCase) }

    static let malformed: [ErrorCase] = [
        .init(
            name: "unclosed flow sequence", yaml: "tasks:\n  root: a\nlocales: [en, ru\ngit:\n  cache: c\n", line: 4,
            keyPath: nil,
            text: "phasecert.yml:4: not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts on line 3)"),
        .init(
            name: "mapping value in a scalar", yaml: "tasks:\n  root: a: b\n", line: 2, keyPath: nil,
            text: "phasecert.yml:2: not valid YAML: mapping values are not allowed in this context"),
        .init(
            name: "bad indentation", yaml: "tasks:\n  root: a\n idWidth: 3\n", line: 3, keyPath: nil,
            text: "phasecert.yml:3: not valid YAML: ", exact: false),
        .init(
            name: "tab indentation", yaml: "tasks:\n\troot: a\n", line: 2, keyPath: nil,
            text: "phasecert.yml:2: not valid YAML: found character that cannot start any token (while scanning for the next token); indent with spaces, not tabs"),
        .init(
            name: "two documents", yaml: "tasks:\n  root: a\n---\ngit:\n  cache: c\n", line: 3, keyPath: nil,
            text: "phasecert.yml:3: only one YAML document is allowed, and a second one starts on this line"),
        .init(
            name: "undefined alias", yaml: "tasks:\n  root: *nowhere\n", line: 2, keyPath: nil,
            text: "phasecert.yml:2: not valid YAML: found undefined alias"),
        .init(
            name: "control character", yaml: "tasks:\n  root: a\n  checklist: b\u{7}\n", line: 3, keyPath: nil,
            text: "phasecert.yml:3: not valid YAML: control characters are not allowed"),
        .init(
            name: "control character after CRLF line ends", yaml: "tasks:\r\n  root: a\r\n\r\n  checklist: b\u{7}\r\n",
            line: 4, keyPath: nil, text: "phasecert.yml:4: not valid YAML: control characters are not allowed"),
    ]

    @Test(arguments: malformed) func malformedYAML(_ errorCase: ErrorCase) { check(errorCase) }

    static let gradeErrors: [ErrorCase] = [
        .init(
            name: "not descending", yaml: "grades:\n  - A: 90\n  - B: 80\n  - C: 85\n", line: 4, keyPath: "grades.C",
            text: "phasecert.yml:4: grades.C: minimums must go down from the best grade to the worst, but 'C' needs 85 and 'B' above it needs 80"),
        .init(
            name: "equal minimums", yaml: "grades:\n  - A: 90\n  - B: 90\n", line: 3, keyPath: "grades.B",
            text: "phasecert.yml:3: grades.B: minimums must go down from the best grade to the worst, but 'B' needs 90 and 'A' above it needs 90"),
        .init(
            name: "empty name", yaml: "grades:\n  - A: 90\n  - '': 10\n", line: 3, keyPath: "grades",
            text: "phasecert.yml:3: grades: a grade name must not be empty"),
        .init(
            name: "null name", yaml: "grades:\n  - A: 90\n  - ~: 10\n", line: 3, keyPath: "grades",
            text: "phasecert.yml:3: grades: a grade name must not be empty"),
        .init(
            name: "grade twice", yaml: "grades:\n  - A: 90\n  - B: 50\n  - A: 10\n", line: 4, keyPath: "grades.A",
            text: "phasecert.yml:4: grades: grade 'A' is listed twice (also on line 2)"),
        .init(
            name: "minimum is a word", yaml: "grades:\n  - A: ninety\n", line: 2, keyPath: "grades.A",
            text: "phasecert.yml:2: grades.A: expected a number of at least 0, found 'ninety'"),
        .init(
            name: "negative minimum", yaml: "grades:\n  - A: 90\n  - F: -1\n", line: 3, keyPath: "grades.F",
            text: "phasecert.yml:3: grades.F: expected a number of at least 0, found -1"),
        .init(
            name: "mapping instead of list", yaml: "grades:\n  A: 90\n  B: 80\n", line: 1, keyPath: "grades",
            text: "phasecert.yml:1: grades: expected a list of '- GRADE: MINIMUM' entries, best grade first, found a mapping"),
        .init(
            name: "two pairs in one entry", yaml: "grades:\n  - A: 90\n    B: 80\n", line: 2, keyPath: "grades",
            text: "phasecert.yml:2: grades: expected each entry to be one 'GRADE: MINIMUM' pair such as '- A+: 97', found a mapping"),
        .init(
            name: "bare word entry", yaml: "grades:\n  - A: 90\n  - B\n", line: 3, keyPath: "grades",
            text: "phasecert.yml:3: grades: expected each entry to be one 'GRADE: MINIMUM' pair such as '- A+: 97', found 'B'"),
        .init(
            name: "empty list", yaml: "grades: []\n", line: 1, keyPath: "grades",
            text: "phasecert.yml:1: grades: expected at least one grade, as a list of '- GRADE: MINIMUM' entries, best grade first"),
    ]

    @Test(arguments: gradeErrors) func gradeScale(_ errorCase: ErrorCase) { check(errorCase) }

    @Test func errorsComeInDocumentOrder() {
        // Two mistakes in one section: the earlier line is reported.
        let error = failure("tasks:\n  idWidth: 0\n  nonsense: 1\n")
        #expect(error?.line == 2)
    }

    // MARK: - Files

    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("phasecert-config-\(UUID().uuidString).yml")
        try Data(bytes).write(to: url)
        return url.path
    }

    private func fileFailure(_ path: String) -> ConfigurationError? {
        do {
            _ = try ConfigurationLoader.load(fileAt: path, displayPath: "conf/phasecert.yml")
            Issue.record("expected an error")
            return nil
        } catch let error as ConfigurationError {
            return error
        } catch {
            Issue.record("expected a ConfigurationError, got \(error)")
            return nil
        }
    }

    @Test func readsAFile() throws {
        let path = try temporaryFile(Array("\u{FEFF}tasks:\n  idWidth: 5\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try ConfigurationLoader.load(fileAt: path, displayPath: "phasecert.yml").tasks.idWidth == 5)
    }

    @Test func fileErrorsUseTheDisplayPath() throws {
        let path = try temporaryFile(Array("tasks:\n  idWidth: 0\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = fileFailure(path)
        #expect(error?.description == "conf/phasecert.yml:2: tasks.idWidth: expected a whole number from 1 to 9, found 0")
        #expect(error?.exitCode == 2)
    }

    @Test func missingFileIsUnreadable() {
        let error = fileFailure("/nonexistent/\(UUID().uuidString)/phasecert.yml")
        #expect(error?.exitCode == 3)
        #expect(error?.kind == .unreadable)
        #expect(error?.description == "conf/phasecert.yml: cannot read the configuration file: no such file")
    }

    @Test func directoryIsUnreadable() {
        let error = fileFailure(FileManager.default.temporaryDirectory.path)
        #expect(error?.exitCode == 3)
        #expect(error?.description == "conf/phasecert.yml: cannot read the configuration file: it is a directory")
    }

    @Test func binaryFileIsUnreadable() throws {
        let path = try temporaryFile(Array("tasks:\n  root: a\n".utf8) + [0x00, 0x01, 0x02])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = fileFailure(path)
        #expect(error?.exitCode == 3)
        #expect(error?.description == "conf/phasecert.yml:3: the configuration file is binary, not YAML text (it holds a NUL byte)")
    }

    @Test func invalidUTF8IsUnreadable() throws {
        let path = try temporaryFile(Array("tasks:\n  root: caf".utf8) + [0xE9] + Array("\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = fileFailure(path)
        #expect(error?.exitCode == 3)
        #expect(error?.description == "conf/phasecert.yml:2: the configuration file is not UTF-8 text")
    }

    @Test func utf16IsUnreadable() throws {
        let path = try temporaryFile([0xFF, 0xFE] + Array("t".utf8) + [0])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = fileFailure(path)
        #expect(error?.exitCode == 3)
        #expect(error?.description == "conf/phasecert.yml: the configuration file is UTF-16 text; save it as UTF-8")
    }

    // MARK: - Properties

    @Test func anyValidIdWidthRoundTrips() async {
        await propertyCheck(input: Gen.int(in: 1...9)) { width in
            let config = try load("tasks:\n  idWidth: \(width)\n")
            #expect(config.tasks.idWidth == width)
        }
    }

    @Test func anyOutOfRangeIdWidthIsRejectedOnItsLine() async {
        await propertyCheck(input: Gen.int(in: -1000...1000)) { width in
            guard !(1...9).contains(width) else { return }
            let error = failure("# comment\ntasks:\n  root: t\n  idWidth: \(width)\n")
            #expect(error?.line == 4)
            #expect(error?.keyPath == "tasks.idWidth")
        }
    }

    @Test func anyDescendingGradeScaleRoundTrips() async {
        await propertyCheck(input: Gen.int(in: 0...1000).array(of: 1...12)) { numbers in
            let minimums = Array(Set(numbers)).sorted(by: >)
            let yaml = "grades:\n" + minimums.enumerated().map { "  - G\($0.offset): \($0.element)\n" }.joined()
            let grades = try load(yaml).grades
            #expect(grades.map(\.minimum) == minimums.map(Double.init))
            #expect(grades.map(\.grade) == minimums.indices.map { "G\($0)" })
        }
    }

    /// Fragments that steer random text toward YAML structure and toward the loader's own keys.
    private static let yamlish = Gen.element(of: [
        ":", ": ", "- ", " ", "  ", "\n", "\r\n", "\t", "[", "]", "{", "}", ",", "'", "\"", "#", "?", "|", ">", "&a ",
        "*a", "!!int ", "!!str ", "---", "~", "null", "0", "-1", "3.5", "1e9", "é", "\u{2028}", "\u{85}", "\u{7}",
        "tasks", "idWidth", "gate", "maxMajor", "grades", "locales", "quality", "weights", "en", "A+",
    ] as [String]).map { $0 ?? "" }.array(of: 0...40).map { $0.joined() }

    @Test func yamlishJunkNeverCrashes() async {
        await propertyCheck(count: 500, input: Self.yamlish) { text in checkJunk(text) }
    }

    @Test func latin1JunkNeverCrashes() async {
        await propertyCheck(count: 300, input: Gen.latin1.string(of: 0...60)) { text in checkJunk(text) }
    }

    /// Junk either loads or throws a one-line `ConfigurationError`; it never traps.
    private func checkJunk(_ text: String) {
        do {
            _ = try load(text)
        } catch let error as ConfigurationError {
            #expect(error.exitCode == 2)
            #expect(!error.description.contains("\n"), "\(error)")
            if let line = error.line {
                // libyaml may point just past the last line break.
                #expect(line >= 1 && line <= text.unicodeScalars.count + 2, "\(error)")
            }
        } catch {
            Issue.record("not a ConfigurationError: \(error)")
        }
    }
}
