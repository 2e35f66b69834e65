import PhaseModel

/// What the phase completion and certification report shows, formatted for one locale.
struct CompletionView {
    let title: String
    let phaseID: String
    let phaseName: String
    let head: String
    let headDate: String
    /// Markdown: the phasecert that wrote the report, for the methodology section.
    let tool: String

    // Status line.
    let completion: String
    let quality: String
    let grade: String
    let gatePassed: Bool
    let gateVerdict: String
    let findingCounts: String

    let tasks: [TaskRow]
    let hasTasks: Bool
    let findingGroups: [FindingGroup]
    let hasFindings: Bool
    let testTasks: [TestRow]
    let hasTests: Bool
    let failures: [FailureRow]
    let hasFailures: Bool
    let moreFailures: String
    let hasMoreFailures: Bool
    let evidenceFiles: [EvidenceRow]
    let hasEvidenceFiles: Bool
    let unreadFiles: [UnreadRow]
    let hasUnreadFiles: Bool
    let charts: [ChartRow]
    let hasCharts: Bool
    let metrics: [MetricRow]
    let hasMetrics: Bool
    let scores: [ScoreRow]
    let hasScores: Bool
    let documents: [DocumentRow]
    let hasDocuments: Bool
    let deliverables: [DeliverableRow]
    let hasDeliverables: Bool
    let comparison: ComparisonView?
    let hasComparison: Bool
    let certificationID: String
    let hasCertification: Bool
    let conditions: [ConditionRow]
    let hasConditions: Bool
    let scanned: [CountRow]
    let weights: [CountRow]
    let coverageTarget: String
    let qualityCap: String
    let missingEvidence: [String]
    let hasMissingEvidence: Bool
    let actions: [ActionRow]
    let hasActions: Bool

    /// `title`, finding texts and test names are Markdown already (`QuotedMarkdown.guarded`): a
    /// figure in them is quoted so that auditing this report does not read it as a claim again.
    struct TaskRow {
        let id, title, status, completion, quality, tests, findings, grade: String
    }

    struct FindingGroup {
        let severity: String
        let count: String
        let items: [FindingRow]
    }

    struct FindingRow {
        let rule, ruleTitle, task, location, message, remediation: String
        let hasRemediation: Bool
    }

    struct TestRow {
        let task, passed, failed, errored, skipped, defined, result: String
    }

    struct FailureRow {
        let status, suite, name, location, message: String
    }

    struct EvidenceRow {
        let path, kind, tests, coverage, problems: String
    }

    /// A result file that was not read whole, or repeats another, with the finding's words for why.
    struct UnreadRow {
        let path, reason: String
    }

    struct ChartRow {
        let chart, path, status, errors, warnings: String
    }

    struct MetricRow {
        let metric, target, actual, status: String
    }

    struct ScoreRow {
        let task, checklist, tests, coverage, documents, helm, quality: String
    }

    struct DocumentRow {
        let task, path, lines: String
    }

    struct DeliverableRow {
        let task, path, category, added, deleted, change: String
    }

    struct ConditionRow {
        let condition, threshold, actual, status: String
    }

    struct CountRow {
        let label, value: String
    }

    struct ActionRow {
        let number, severity, title, count, remediation: String
    }

    /// Failing tests listed before the rest are summarised in one line.
    static let failureLimit = 50

    init(phase phaseID: String, input: ReportInput, text: ViewText) throws {
        let workspace = input.workspace
        guard let phase = workspace.phase(phaseID) else {
            throw UnknownSubjectError(kind: "phase", id: phaseID, known: workspace.phases.map(\.id))
        }
        let catalog = text.catalog
        let members = Set(phase.tasks)
        let tasks = phase.tasks.compactMap { workspace.task($0) }
        let findings = workspace.findings(of: phase).sorted(by: Finding.listOrder)

        self.phaseID = phase.id
        phaseName = phase.name ?? ""
        title = phase.name.map { catalog.text("completion.title.named", ["id": phase.id, "name": $0]) }
            ?? catalog.text("completion.title", ["id": phase.id])
        head = workspace.git?.head.map { String($0.prefix(12)) } ?? text.none
        headDate = text.date(workspace.git?.headDate)
        tool = text.tool(input.tool)

        if let done = phase.completion {
            completion = catalog.text("completion.value", [
                "fraction": text.fraction(done.done, done.total), "percent": text.percent(done.percent),
            ])
        } else {
            completion = text.none
        }
        quality = text.number(phase.quality)
        grade = phase.grade ?? text.none
        gatePassed = phase.gate?.passed ?? false
        gateVerdict = phase.gate.map { text.passed($0.passed) } ?? text.none
        findingCounts = text.findingCounts(phase.findings ?? FindingCounts(findings))

        self.tasks = tasks.map { task in
            TaskRow(
                id: task.id, title: text.guarded(task.title ?? text.none), status: text.taskStatus(task.completion),
                completion: text.percent(task.completion.map { $0 * 100 }), quality: text.number(task.quality),
                tests: text.tests(task.tests), findings: text.findingCells(task.findings), grade: task.grade ?? text.none)
        }
        hasTasks = !tasks.isEmpty

        findingGroups = Severity.allCases.compactMap { severity in
            let items = findings.filter { $0.severity == severity }
            guard !items.isEmpty else { return nil }
            return FindingGroup(
                severity: text.severity(severity), count: catalog.counted(items.count, "noun.finding"),
                items: items.map { finding in
                    let remediation = finding.remediation.map(text.text) ?? ""
                    return FindingRow(
                        rule: finding.rule.rawValue, ruleTitle: FindingRule.named(finding.rule).map { text.text($0.title) } ?? finding.rule.rawValue,
                        task: finding.task ?? text.none, location: text.location(finding.file, finding.line, commit: finding.commit),
                        message: text.guarded(text.text(finding.message)), remediation: text.guarded(remediation),
                        hasRemediation: !remediation.isEmpty)
                })
        }
        hasFindings = !findings.isEmpty

        testTasks = tasks.compactMap { task in
            guard let tests = task.tests else { return nil }
            return TestRow(
                task: task.id, passed: text.integer(tests.passed), failed: text.integer(tests.failed),
                errored: text.integer(tests.errored), skipped: text.integer(tests.skipped), defined: text.integer(tests.defined),
                result: text.tests(tests))
        }
        hasTests = !testTasks.isEmpty
        let phaseFailures = workspace.testFailures.filter { !members.isDisjoint(with: $0.tasks) }
        failures = phaseFailures.prefix(Self.failureLimit).map { failure in
            FailureRow(
                status: failure.status.rawValue, suite: text.guarded(failure.suite ?? text.none), name: text.guarded(failure.name),
                location: text.location(failure.source), message: text.guarded(failure.message ?? ""))
        }
        hasFailures = !failures.isEmpty
        hasMoreFailures = phaseFailures.count > Self.failureLimit
        moreFailures = catalog.text("completion.moreFailures", [
            "count": catalog.counted(phaseFailures.count - Self.failureLimit, "noun.test")
        ])
        evidenceFiles = workspace.evidence.sorted { $0.path < $1.path }.map { record in
            EvidenceRow(
                path: record.path, kind: record.kind,
                tests: record.tests.map { text.integer($0.passed) + "/" + text.integer($0.executed) } ?? text.none,
                coverage: text.percent(record.coverage?.percent), problems: text.integer(record.problems))
        }
        hasEvidenceFiles = !evidenceFiles.isEmpty
        // Unread evidence belongs to no task and holds every phase's test and coverage conditions, so
        // every phase's report names it.
        unreadFiles = workspace.unreadEvidenceFindings
            .sorted { ($0.file ?? "", $0.line ?? 0) < ($1.file ?? "", $1.line ?? 0) }
            .map { UnreadRow(path: $0.file ?? text.none, reason: text.text($0.message)) }
        hasUnreadFiles = !unreadFiles.isEmpty

        let phaseCharts = Set((phase.helm ?? []).map(\.chart))
        charts = workspace.helm.filter { phaseCharts.contains($0.chart) }.map { chart in
            ChartRow(
                chart: chart.chart, path: chart.path ?? text.none, status: text.chart(chart.status),
                errors: text.integer(chart.errors), warnings: text.integer(chart.warnings))
        }
        hasCharts = !charts.isEmpty

        conditions = (phase.gate?.conditions ?? []).map { condition in
            ConditionRow(
                condition: catalog.text("gate.\(condition.id)"),
                threshold: condition.comparison + " " + Self.figure(condition.id, condition.threshold, text),
                actual: text.held(condition, actual: condition.actual.map { Self.figure(condition.id, $0, text) } ?? text.none),
                status: text.passed(condition.passed))
        }
        hasConditions = !conditions.isEmpty
        var metrics = conditions.map { MetricRow(metric: $0.condition, target: $0.threshold, actual: $0.actual, status: $0.status) }
        if !(phase.gate?.conditions.contains { $0.id == .minCoverage } ?? false) {
            let target = input.configuration.quality.coverageTarget
            let actual = phase.coverage?.percent
            metrics.append(MetricRow(
                metric: catalog.text("completion.metric.coverage"), target: ">= " + text.percent(target),
                actual: text.percent(actual),
                status: actual.map { text.passed($0 >= target) } ?? text.none))
        }
        self.metrics = metrics
        hasMetrics = !metrics.isEmpty

        scores = tasks.compactMap { task in
            guard let detail = task.qualityDetail else { return nil }
            func score(_ name: SubScoreName) -> String {
                text.number(detail.subScores.first { $0.name == name }?.score)
            }
            return ScoreRow(
                task: task.id, checklist: score(.checklist), tests: score(.tests), coverage: score(.coverage),
                documents: score(.documents), helm: score(.helm), quality: text.number(task.quality))
        }
        hasScores = !scores.isEmpty

        documents = tasks.flatMap { task in
            task.documents.sorted { $0.path < $1.path }.map {
                DocumentRow(task: task.id, path: $0.path, lines: text.integer($0.lines))
            }
        }
        hasDocuments = !documents.isEmpty

        deliverables = tasks.flatMap { task -> [DeliverableRow] in
            (input.histories[task.id]?.files ?? []).filter { $0.created && !$0.removed }.map { file in
                DeliverableRow(
                    task: task.id, path: file.path, category: catalog.text("category.\(file.category.rawValue)"),
                    added: text.integer(file.added), deleted: text.integer(file.deleted),
                    change: catalog.text("completion.created"))
            }
        }
        hasDeliverables = !deliverables.isEmpty

        comparison = input.comparisons[phaseID].map { ComparisonView($0, text: text) }
        hasComparison = comparison != nil

        certificationID = phase.certification?.id ?? text.none
        hasCertification = phase.certification != nil

        var scanned: [CountRow] = [
            CountRow(label: catalog.text("method.tasks"), value: text.integer(workspace.tasks.count)),
            CountRow(label: catalog.text("method.phaseTasks"), value: text.integer(tasks.count)),
            CountRow(label: catalog.text("method.documents"), value: text.integer(workspace.tasks.reduce(0) { $0 + $1.documents.count })),
            CountRow(label: catalog.text("method.commits"), value: text.integer(workspace.git?.commits)),
            CountRow(label: catalog.text("method.evidenceFiles"), value: text.integer(workspace.evidence.count)),
            CountRow(label: catalog.text("method.testsExecuted"), value: text.integer(workspace.tests?.counts.executed)),
            CountRow(label: catalog.text("method.charts"), value: text.integer(workspace.helm.count)),
        ]
        let claimFiles = Set(workspace.claimTexts.compactMap { claimText -> String? in
            if case let .file(path, _) = claimText.source { return path }
            return nil
        })
        scanned.append(CountRow(label: catalog.text("method.claimFiles"), value: text.integer(claimFiles.count)))
        scanned.append(CountRow(label: catalog.text("method.claims"), value: text.integer(workspace.claimsFound)))
        self.scanned = scanned
        let weights = input.configuration.quality.weights
        self.weights = [
            ("checklist", weights.checklist), ("tests", weights.tests), ("coverage", weights.coverage),
            ("documents", weights.documents), ("helm", weights.helm),
        ].map { CountRow(label: catalog.text("score.\($0.0)"), value: text.percent($0.1 * 100)) }
        coverageTarget = text.percent(input.configuration.quality.coverageTarget)
        qualityCap = text.number(input.configuration.quality.cap)
        var missing: [String] = []
        if phase.tests == nil || phase.tests?.executed == 0 { missing.append(catalog.text("method.missing.tests")) }
        if phase.coverage == nil { missing.append(catalog.text("method.missing.coverage")) }
        if (phase.helm ?? []).isEmpty { missing.append(catalog.text("method.missing.helm")) }
        if workspace.git == nil { missing.append(catalog.text("method.missing.git")) }
        missingEvidence = missing
        hasMissingEvidence = !missing.isEmpty

        var seen: [FindingRuleID: Int] = [:]
        var order: [Finding] = []
        for finding in findings where finding.severity != .info {
            if seen[finding.rule] == nil { order.append(finding) }
            seen[finding.rule, default: 0] += 1
        }
        actions = order.enumerated().map { offset, finding in
            let title = FindingRule.named(finding.rule).map { text.text($0.title) } ?? finding.rule.rawValue
            return ActionRow(
                number: String(offset + 1), severity: text.severity(finding.severity), title: title,
                count: catalog.counted(seen[finding.rule] ?? 0, "noun.finding"),
                remediation: text.guarded(finding.remediation.map(text.text) ?? text.text(finding.message)))
        }
        hasActions = !actions.isEmpty
    }

    /// A gate figure in its unit: counts as integers, the rest as percentages or scores.
    static func figure(_ condition: GateConditionID, _ value: Double, _ text: ViewText) -> String {
        switch condition {
        case .maxCritical, .maxMajor: text.number(value, digits: 0)
        case .minQuality: text.number(value)
        default: text.percent(value)
        }
    }
}
