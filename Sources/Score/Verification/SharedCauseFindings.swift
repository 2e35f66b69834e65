import PhaseModel

/// One finding for many claims with one cause.
///
/// When fourteen documents say a phase is "COMPLETE" while nothing of its checklist is ticked,
/// the cause is one: the checklist. Claims of one rule about the same task or phase whose notes
/// are the same (the note names the fact that decided the verdict, so the same note is the same
/// fact) give one finding that says so with the count and points at the first of them, rather
/// than one finding each. Fewer than `threshold` such claims keep a finding each.
enum SharedCauseFindings {
    /// The smallest group of claims reported as one finding.
    static let threshold = 3
    /// How many of a group's claims the finding quotes by place.
    static let quoted = 5

    /// The findings `claims` raise, in claim order, with each group of `threshold` or more claims
    /// sharing rule, task, phase and note given as one finding at the place of its first claim.
    static func findings(for claims: [Claim]) -> [Finding] {
        // Each claim's group is found from the rule of its finding before any finding is made: a
        // finding's message is filled in both languages (findings' messages were 82.7 MB of the
        // heap at a cold scan's assessment peak at 100,000 commits), and a claim that goes into
        // a group had its own filled only for it to be dropped.
        let rules = claims.map(ClaimFindings.rule(for:))
        // Each claim's group, found once: hashing the notes again was a fifth of this on a large plan.
        var groups: [Key: Int] = [:]
        var members: [[Int]] = []
        var groupOf = [Int?](repeating: nil, count: claims.count)
        for (index, rule) in rules.enumerated() {
            guard let rule, let note = claims[index].note, claims[index].kind != .deliverable else { continue }
            let key = Key(rule: rule, task: claims[index].task, phase: claims[index].phase, note: note.en)
            let group = groups[key] ?? members.count
            if group == members.count {
                groups[key] = group
                members.append([])
            }
            members[group].append(index)
            groupOf[index] = group
        }
        // The claims with a finding of their own: alone, or first of their group.
        let raising = rules.indices.filter { index in
            guard rules[index] != nil else { return false }
            guard let group = groupOf[index], members[group].count >= threshold else { return true }
            return members[group].first == index
        }
        let (groupOfClaim, groupMembers) = (groupOf, members)
        return raising.concurrentMap { index -> Finding? in
            guard let finding = ClaimFindings.finding(for: claims[index]) else { return nil }
            guard let note = claims[index].note, let group = groupOfClaim[index], groupMembers[group].count >= threshold else {
                return finding
            }
            return grouped(finding, note: note, claims: groupMembers[group].map { claims[$0] })
        }.compactMap { $0 }
    }

    private struct Key: Hashable {
        var rule: FindingRuleID
        var task: String?
        var phase: String?
        var note: String
    }

    private static func grouped(_ first: Finding, note: LocalizedText, claims: [Claim]) -> Finding {
        var finding = first
        let places = claims.prefix(quoted).map { claim -> String in
            let place = [claim.source.file, claim.source.line.map(String.init)].compactMap { $0 }.joined(separator: ":")
            return place.isEmpty ? "“\(claim.text)”" : "“\(claim.text)” (\(place))"
        }
        let more = claims.count - places.count
        let listed = places.joined(separator: ", ")
        let count = claims.count
        let arguments: [String: MessageArgument] = [
            "count": .count(count), "note": .localized(note), "listed": .text(listed),
            "more": .localized(more > 0 ? LocalizedText(message: "finding.shared-cause.more", ["more": .count(more)]) : .empty),
        ]
        switch first.rule {
        case ClaimFindings.unverifiable:
            finding.message = LocalizedText(message: "finding.shared-cause.unverifiable", arguments)
        case ClaimFindings.arithmetic:
            finding.message = LocalizedText(message: "finding.shared-cause.arithmetic", arguments)
        default:
            finding.message = LocalizedText(message: "finding.shared-cause.contradicted", arguments)
        }
        return finding
    }
}
