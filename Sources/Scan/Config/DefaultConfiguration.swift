/// The `phasecert.yml` that `phasecert init` writes: every key with its default value and what it
/// does, so a team edits values instead of looking up key names.
///
/// Loading this text gives exactly `Configuration()`; a test keeps the two in step.
public enum DefaultConfiguration {
    /// The commented default configuration file.
    public static let yaml = #"""
        # phasecert.yml — settings for phasecert. Every key is optional: the values below are the
        # defaults, and a key left out keeps its default. Paths are relative to the repository root.
        # Setting a gate condition to null switches it off.

        tasks:                           # where tasks live and how their ids look
          root: tasks                    # folder holding one folder per task, tasks/<ID>-<slug>/
          masterList: null               # master task list; null means <root>/TASKS.md, else the best Markdown list found by content
          layout: auto                   # auto (found by content), master-list, flat-files, spec-kit, kiro or reports-only
          idPrefix: "[A-Z]{2,6}"         # regular expression for the id prefix (TN in TN-099), matched case-insensitively
          idWidth: 3                     # digits of the zero-padded id number: 3 gives TN-099
          allowedSuffixes: []            # slug suffixes a task folder name may keep, for example ["-150pct"]
          requiredDocuments:             # documents every task folder should hold
            - requirements.md
            - tasks.md
          checklist: tasks.md            # the checklist file inside a task folder

        evidence:                        # where evidence files are looked for, beyond discovery by content
          include: []                    # globs that narrow evidence discovery; empty means the whole work tree
          exclude: []                    # globs never read
          runHelm: false                 # run `helm lint` and `helm template` when helm is on PATH

        reports:                         # where reports go and which existing reports are read for claims
          folder: reports                # where reports are written
          claimGlobs:                    # documents whose claims are checked against the evidence; plans never are
            - "**/*.md"

        quality:                         # the quality model: a weighted mean of sub-scores, 0 to cap
          weights:                       # weights of the quality sub-scores; those without evidence are left out, the rest rescaled
            checklist: 0.25              # share of checklist items done
            tests: 0.30                  # tests passed / (passed + failed + errored)
            coverage: 0.15               # coverage / coverageTarget
            documents: 0.15              # required documents present and non-trivial
            helm: 0.15                   # Helm validation of the charts the task touched
          coverageTarget: 80             # coverage percentage that scores 100
          cap: 100                       # highest quality a task can get

        grades:                          # grade letters with the lowest quality that earns each, best first
          - A+: 97
          - A: 93
          - A-: 90
          - B+: 87
          - B: 83
          - B-: 80
          - C: 70
          - D: 60
          - F: 0

        gate:                            # conditions a phase must meet to close
          maxCritical: 0                 # most open critical findings allowed
          maxMajor: null                 # most open major findings allowed
          minCompletion: 100             # lowest phase completion, in percent
          minQuality: null               # lowest phase quality
          minTestPassRate: 100           # lowest test pass rate, in percent
          minCoverage: null              # lowest coverage, in percent
          failOnUnreadEvidence: true     # a result file not read (unreadable, unknown format, malformed, a copy) fails the two above

        claims:                          # how close a claimed figure must be to the evidence to count as verified
          locTolerance: 0.10             # relative tolerance for lines of code: 0.10 is ±10%
          percentTolerance: 0.5          # absolute tolerance for percentages, in points
          countTolerance: 0              # absolute tolerance for counts
          dateToleranceDays: 1           # days a claimed date may lie outside the span of the commits it speaks of
          durationTolerance: 0.25        # relative tolerance for durations: 0.25 is ±25%

        rules: {}                        # severity per finding rule id, or off, for example
                                         #   docs.missing: major
                                         #   task.no-commits: off

        git:                             # git history settings
          cache: .git/phasecert          # per-commit statistics cache, so a second run reads only new commits

        locales: [en, ru]                # languages reports are written in: en, ru

        """#
}
