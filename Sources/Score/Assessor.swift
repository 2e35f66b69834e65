import Foundation
import PhaseModel

/// Turns a scanned workspace into an assessed one (docs/design/pipeline.md#assess): completion, findings,
/// claim verdicts, quality, grades, gates and certification ids, all in the model.
public struct Assessor: Sendable {
    public let configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The assessed workspace. Findings keep the scan's order, then the evidence rules', then
    /// the claims'; config overrides and switched-off rules apply to all of them.
    ///
    /// With `phases`, only the claims those phases own are judged and only those phases are
    /// certified: what a command shows of them alone is the same as after a whole assessment
    /// (their claims, findings, scores and gates), and the rest is not worked out. It goes with a
    /// scan that gave facts to those phases' claims alone (`WorkspaceScanner.factsPhases`).
    public func assess(_ scanned: consuming Workspace, phases: Set<String>? = nil) -> Workspace {
        // Taken, so that the claims have one owner and their verdicts go in place: copies of
        // every claim had been 75 MB of `phase-close`'s peak memory at 100,000 commits.
        var workspace = TaskCompletion.assess(consume scanned)
        // The claims the phases own, found as reports find them (`Workspace.claimPositions(of:)`).
        let owned = phases.map { ids in workspace.claimPositions(of: workspace.phases.filter { ids.contains($0.id) }) }
        let (judged, claimFindings, evidenceFindings) = judge(workspace, owned: owned)
        if let owned {
            for (position, claim) in zip(owned, judged) { workspace.claims[position] = claim }
        } else {
            workspace.claims = judged
        }
        workspace.findings += evidenceFindings
        workspace.findings = RuleSettings.apply(configuration.rules, to: workspace.findings + claimFindings)

        scoreTasks(&workspace)
        scorePhases(&workspace)
        for (position, claim) in ClaimVerifier.ownScoreComparisons(workspace.claims, in: workspace, at: owned) {
            workspace.claims[position] = claim
        }
        // Each phase's digest encodes its own slice of the model; the phases are independent.
        let assessed = workspace
        let certified = assessed.phases.indices.filter { phases?.contains(assessed.phases[$0].id) ?? true }
        let certifications = ResultSlots<Certification>(count: certified.count)
        DispatchQueue.concurrentPerform(iterations: certified.count) { slot in
            certifications.set(slot, CertificationID.certify(assessed.phases[certified[slot]], in: assessed))
        }
        for (index, certification) in zip(certified, certifications.values()) {
            workspace.phases[index].certification = certification
        }
        return workspace
    }

    /// The claims' verdicts (those at `owned`, or all) and findings, and the evidence rules'
    /// findings. The evidence rules and the claim verdicts read the same workspace, and neither
    /// reads what the other adds (findings; verdicts): worked out side by side. Every copy of
    /// `workspace` made here is gone when this returns, so the caller's claims are its own again.
    private func judge(_ workspace: Workspace, owned: [Int]?) -> (judged: [Claim], claims: [Finding], evidence: [Finding]) {
        let evidenceFindings = ResultSlots<[Finding]>(count: 1)
        let rules = DispatchGroup()
        OwnThread.start(in: rules) { [configuration] in
            evidenceFindings.set(0, EvidenceRules.findings(in: workspace, configuration: configuration))
        }
        let (judged, claimFindings) = ClaimVerifier(configuration: configuration).verdicts(workspace, judging: owned)
        rules.wait()
        return (judged, claimFindings, evidenceFindings.values().first ?? [])
    }

    private func scoreTasks(_ workspace: inout Workspace) {
        let model = QualityModel(configuration: configuration)
        let grades = GradeScale(steps: configuration.grades)
        for index in workspace.tasks.indices {
            var task = workspace.tasks[index]
            let counts = FindingCounts(workspace.findings(ofTask: task.id))
            var (quality, detail) = model.quality(of: task)
            if let quality {
                let (grade, cappedBy) = grades.grade(for: quality, findings: counts)
                task.grade = grade
                detail.uncappedGrade = grades.grade(for: quality)
                detail.gradeCappedBy = cappedBy
            }
            task.quality = quality
            task.qualityDetail = detail
            task.findings = counts
            task.targets = TargetAchievements.of(task)
            workspace.tasks[index] = task
        }
    }

    private func scorePhases(_ workspace: inout Workspace) {
        let grades = GradeScale(steps: configuration.grades)
        let evaluator = GateEvaluator(gate: configuration.gate)
        let qualities = Dictionary(workspace.tasks.map { ($0.id, $0.quality) }, uniquingKeysWith: { first, _ in first })
        // Evidence nobody read belongs to no task, so it holds every phase's test and coverage conditions.
        let unread = FindingRule.unreadEvidenceFiles(in: workspace.unreadEvidenceFindings)
        for index in workspace.phases.indices {
            var phase = workspace.phases[index]
            let counts = FindingCounts(workspace.findings(of: phase))
            let scored = phase.tasks.compactMap { qualities[$0] ?? nil }
            phase.findings = counts
            phase.qualityTasks = scored.count
            phase.quality = scored.isEmpty ? nil : scored.reduce(0, +) / Double(scored.count)
            phase.grade = phase.quality.flatMap { grades.grade(for: $0, findings: counts).grade }
            phase.gate = evaluator.evaluate(phase, unreadEvidence: unread)
            workspace.phases[index] = phase
        }
    }
}
