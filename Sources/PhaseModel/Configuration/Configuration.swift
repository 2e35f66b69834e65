/// Settings read from `phasecert.yml`. Every field has a default, so no file is needed.
///
/// The YAML keys are the property names below, nested as the types nest
/// (`tasks.idWidth`, `quality.weights.tests`); see `ConfigurationLoader`.
public struct Configuration: Sendable, Equatable {
    public var tasks = Tasks()
    public var evidence = Evidence()
    public var reports = Reports()
    public var quality = Quality()
    /// Grade letters with the lowest quality that earns each, best first.
    public var grades: [GradeStep] = GradeStep.defaults
    public var gate = Gate()
    public var claims = Claims()
    public var git = Git()
    /// Severity overrides by rule id (`FindingRule.catalog`); a rule mapped to `nil` is switched off.
    public var rules: [String: Severity?] = [:]
    /// Locales reports are written in.
    public var locales: [String] = ["en", "ru"]

    public init() {}

    /// Where tasks live and how their ids look.
    public struct Tasks: Sendable, Equatable {
        /// The tasks folder, relative to the repository root.
        public var root = "tasks"
        /// The master list; `nil` means `<root>/TASKS.md`, else the best candidate under `root`.
        public var masterList: String? = nil
        /// How the repository plans its work: `auto` (detected by content) or a layout's name
        /// (`master-list`, `flat-files`, `spec-kit`, `kiro`, `reports-only`).
        public var layout = "auto"
        /// Regular expression for the id prefix (matched case-insensitively).
        public var idPrefix = "[A-Z]{2,6}"
        /// Digits of the zero-padded id number: `TN-099` for 3.
        public var idWidth = 3
        /// Slug suffixes a folder name may keep (for example `-150pct`); none by default.
        public var allowedSuffixes: [String] = []
        /// Documents every task folder should hold.
        public var requiredDocuments = ["requirements.md", "tasks.md"]
        /// The checklist file inside a task folder.
        public var checklist = "tasks.md"
        public init() {}
    }

    /// Where evidence files are looked for, beyond discovery by content.
    public struct Evidence: Sendable, Equatable {
        /// Globs that narrow discovery; empty means the whole work tree.
        public var include: [String] = []
        /// Globs never read.
        public var exclude: [String] = []
        /// Run `helm lint`/`helm template` when `helm` is on PATH.
        public var runHelm = false
        public init() {}
    }

    /// Where reports go and which existing reports are read for claims.
    public struct Reports: Sendable, Equatable {
        public var folder = "reports"
        /// Documents read for claims. The default is every Markdown file: a report is known by what
        /// it says, not by its name (`FINAL_STATUS`, `BLOCKERS_RESOLVED`, `validation-report`), and
        /// a file that states no figure adds nothing. Plans are left out whatever the globs say.
        public var claimGlobs = ["**/*.md"]
        public init() {}
    }

    /// The quality model of docs/design/scoring.md#task-quality.
    public struct Quality: Sendable, Equatable {
        public var weights = Weights()
        /// Coverage percentage that scores 100.
        public var coverageTarget = 80.0
        /// Highest quality a task can get.
        public var cap = 100.0
        public init() {}

        /// Weights of the quality sub-scores; those without evidence are left out and the rest rescaled.
        public struct Weights: Sendable, Equatable {
            public var checklist = 0.25
            public var tests = 0.30
            public var coverage = 0.15
            public var documents = 0.15
            public var helm = 0.15
            public init() {}
        }
    }

    /// A grade letter and the lowest quality that earns it.
    public struct GradeStep: Sendable, Equatable {
        public var grade: String
        public var minimum: Double
        public init(grade: String, minimum: Double) {
            self.grade = grade
            self.minimum = minimum
        }

        public static let defaults: [GradeStep] = [
            .init(grade: "A+", minimum: 97), .init(grade: "A", minimum: 93), .init(grade: "A-", minimum: 90),
            .init(grade: "B+", minimum: 87), .init(grade: "B", minimum: 83), .init(grade: "B-", minimum: 80),
            .init(grade: "C", minimum: 70), .init(grade: "D", minimum: 60), .init(grade: "F", minimum: 0),
        ]
    }

    /// Conditions a phase must meet to close; `nil` switches a condition off.
    public struct Gate: Sendable, Equatable {
        public var maxCritical: Int? = 0
        public var maxMajor: Int? = nil
        public var minCompletion: Double? = 100
        public var minQuality: Double? = nil
        public var minTestPassRate: Double? = 100
        public var minCoverage: Double? = nil
        /// Whether an open finding about unread evidence (a result file unreadable, in a format not
        /// read, malformed or a copy) fails `minTestPassRate` and `minCoverage`.
        public var failOnUnreadEvidence = true
        public init() {}
    }

    /// How close a claimed figure must be to the evidence to count as verified.
    public struct Claims: Sendable, Equatable {
        /// Relative tolerance for lines of code (0.10 = ±10%).
        public var locTolerance = 0.10
        /// Absolute tolerance for percentages, in points.
        public var percentTolerance = 0.5
        /// Absolute tolerance for counts.
        public var countTolerance = 0.0
        /// Days a claimed date may lie outside the span of the commits it speaks of.
        public var dateToleranceDays = 1.0
        /// Relative tolerance for durations (0.25 = ±25%).
        public var durationTolerance = 0.25
        public init() {}
    }

    /// Git history settings.
    public struct Git: Sendable, Equatable {
        /// Per-commit statistics cache, relative to the repository root.
        public var cache = ".git/phasecert"
        public init() {}
    }
}
