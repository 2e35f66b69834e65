import Foundation
import PropertyBased
import Testing
@testable import PhaseModel

/// The model types written member by member (`CanonicalJSONObject`) give the bytes Foundation
/// writes through their `encode(to:)`: alone, nested in one another, and in arrays long enough
/// to be written on several cores. Every optional member is both set and left out, so a member
/// added to a type but not to its `writeMembers(to:)` fails here.
struct CanonicalJSONObjectTests {
    static let texts = ["", "plain", "a \"quoted\" ü\n\t", "Утверждение «готово» — 39/39", "\u{0}\u{1F}\u{7F}", "😀 ✅"]
    static let numbers: [Double] = [0, -0.0, 1, 0.1, 93.33333333333333, 1e21, -2.5e-7, 150]

    /// Choices for one value: each pick chooses one member's value; an out-of-range pick is `nil`.
    struct Picks {
        var values: [Int]
        var next = 0
        mutating func pick() -> Int {
            defer { next += 1 }
            return values[next % values.count] + next / values.count
        }
        mutating func text() -> String? {
            let pick = pick()
            return pick % (texts.count + 1) < texts.count ? texts[pick % (texts.count + 1)] : nil
        }
        mutating func number() -> Double? {
            let pick = pick()
            return pick % (numbers.count + 1) < numbers.count ? numbers[pick % (numbers.count + 1)] : nil
        }
        mutating func integer() -> Int { [0, 1, 7, -3, Int.max, 1_000_000][pick() % 6] }
        mutating func flag() -> Bool? { [true, false, nil][pick() % 3] }
        mutating func provenance() -> Provenance {
            switch pick() % 3 {
            case 0: .commit(text() ?? "0123abc")
            case 1: .file(text() ?? "tasks/TASKS.md", line: nil)
            default: .file(text() ?? "docs/a.md", line: integer())
            }
        }
    }

    static func subScore(_ picks: inout Picks) -> SubScore {
        SubScore(
            name: SubScoreName.allCases[picks.pick() % SubScoreName.allCases.count], score: picks.number(), weight: picks.number() ?? 0.25,
            appliedWeight: picks.number() ?? 0, numerator: picks.number(), denominator: picks.number())
    }

    static func detail(_ picks: inout Picks) -> QualityDetail {
        let count = picks.pick() % 4
        return QualityDetail(
            subScores: (0..<count).map { _ in subScore(&picks) }, redistributed: picks.flag() ?? false,
            uncapped: picks.number(), uncappedGrade: picks.text(),
            gradeCappedBy: picks.pick() % 2 == 0 ? nil : Severity.allCases[picks.pick() % Severity.allCases.count])
    }

    static func counts(_ picks: inout Picks) -> FindingCounts {
        FindingCounts(critical: picks.integer(), major: picks.integer(), minor: picks.integer(), info: picks.integer())
    }

    static func git(_ picks: inout Picks) -> GitSummary {
        GitSummary(
            commits: picks.integer(), merges: picks.integer(), linesAdded: picks.integer(), linesDeleted: picks.integer(),
            filesTouched: picks.integer(), authors: [picks.text(), picks.text()].compactMap { $0 }, first: picks.text(),
            last: picks.text(), commitIDs: picks.pick() % 2 == 0 ? nil : [picks.text() ?? "abc"],
            linesAreLowerBound: picks.flag() ?? false)
    }

    static func claim(_ picks: inout Picks) -> Claim {
        var claim = Claim(
            kind: ClaimKind.allCases[picks.pick() % ClaimKind.allCases.count], text: picks.text() ?? "39/39 tests",
            source: picks.provenance(), task: picks.text(), phase: picks.text(), subject: picks.text(),
            claimed: picks.number(), denominator: picks.number(), claimedValue: picks.text(), expected: picks.number(),
            verified: picks.number(), verifiedValue: picks.text(),
            verdict: picks.pick() % 5 == 4 ? nil : Verdict.allCases[picks.pick() % Verdict.allCases.count],
            bound: picks.pick() % 3 == 2 ? nil : ClaimBound.allCases[picks.pick() % ClaimBound.allCases.count])
        claim.discrepancy = picks.number()
        claim.note = picks.text().map { LocalizedText(en: $0, ru: picks.text() ?? "") }
        if picks.pick() % 2 == 1 {
            claim.evidenceBasis = ClaimEvidenceBasis(.documentCommit, commit: picks.text(), ofPart: picks.flag())
        }
        return claim
    }

    static func task(_ picks: inout Picks) -> TaskRecord {
        var task = TaskRecord(
            id: picks.text() ?? "TN-001", title: picks.text(), phase: picks.text(),
            source: picks.pick() % 2 == 0 ? nil : picks.provenance(), directories: [picks.text()].compactMap { $0 },
            checked: picks.flag(),
            checklist: picks.pick() % 2 == 0
                ? nil
                : Checklist(file: "tasks.md", sections: [
                    ChecklistSection(title: picks.text(), line: 3, items: [ChecklistItem(text: "a", checked: true, line: 4, depth: 0)])
                ]),
            documents: picks.pick() % 2 == 0 ? [] : [Document(path: "design.md", lines: 12, nonBlankLines: 10, bytes: 400)],
            metadata: picks.pick() % 2 == 0
                ? nil
                : TaskMetadata(dependencies: ["TN-000"], linkedPaths: [], targets: ["tests": 10], source: picks.provenance()))
        task.git = picks.pick() % 3 == 0 ? nil : git(&picks)
        task.tests = picks.pick() % 2 == 0 ? nil : TestEvidence(passed: 3, failed: 1, defined: picks.pick() % 2 == 0 ? nil : 4)
        task.coverage = picks.pick() % 2 == 0 ? nil : CoverageSummary(linesFound: 10, linesHit: 7, files: 2)
        task.helm = picks.pick() % 2 == 0 ? nil : [ChartStatusReference(chart: "app", status: .passed)]
        task.completion = picks.number()
        task.quality = picks.number()
        task.qualityDetail = picks.pick() % 3 == 0 ? nil : detail(&picks)
        task.grade = picks.text()
        task.targets = picks.pick() % 2 == 0 ? nil : [TargetAchievement(name: "tests", target: 10, delivered: picks.number())]
        task.findings = picks.pick() % 3 == 0 ? nil : counts(&picks)
        task.unread = picks.pick() % 2 == 0 ? nil : [picks.text() ?? "tasks/TN-001/design.md"]
        return task
    }

    /// Every conforming type, with a holder that nests them and holds them in arrays.
    struct Holder: Codable, Equatable {
        var tasks: [TaskRecord]
        var claims: [Claim]
        var places: [Provenance]
        var detail: QualityDetail
        var counts: FindingCounts?
        var git: GitSummary
        var score: SubScore
    }

    static func holder(_ values: [Int]) -> Holder {
        var picks = Picks(values: values)
        return Holder(
            tasks: [task(&picks), task(&picks)], claims: [claim(&picks), claim(&picks)], places: [picks.provenance()],
            detail: detail(&picks), counts: picks.pick() % 2 == 0 ? nil : counts(&picks), git: git(&picks),
            score: subScore(&picks))
    }

    static let values = Gen<Int>.int(in: 0...40).array(of: 4...12)

    @Test(arguments: [true, false])
    func eachTypeIsWrittenAsFoundationWritesIt(pretty: Bool) async throws {
        await propertyCheck(count: 150, input: Self.values) { values throws in
            let holder = Self.holder(values)
            #expect(try CanonicalJSONEncoder.encode(holder, pretty: pretty) == (try foundation(holder, pretty: pretty)))
            #expect(try CanonicalJSONEncoder.encode(holder.tasks[0], pretty: pretty) == (try foundation(holder.tasks[0], pretty: pretty)))
            #expect(try CanonicalJSONEncoder.encode(holder.claims[0], pretty: pretty) == (try foundation(holder.claims[0], pretty: pretty)))
            #expect(try CanonicalJSONEncoder.encode(holder.places, pretty: pretty) == (try foundation(holder.places, pretty: pretty)))
        }
    }

    @Test(arguments: [true, false])
    func longArraysAreWrittenAsFoundationWritesThem(pretty: Bool) throws {
        let count = CanonicalJSONEncoder.parallelMinimum
        var holder = Self.holder([1, 2, 3])
        holder.tasks = (0..<count).map { index in
            var picks = Picks(values: [index % 41, index / 7 % 41, index / 3 % 41])
            return Self.task(&picks)
        }
        holder.claims = (0..<count).map { index in
            var picks = Picks(values: [index / 5 % 41, index % 41, index / 11 % 41])
            return Self.claim(&picks)
        }
        #expect(try CanonicalJSONEncoder.encode(holder, pretty: pretty) == (try foundation(holder, pretty: pretty)))
    }

    @Test func aNumberThatCannotBeWrittenFailsAsInFoundation() {
        var picks = Picks(values: [0])
        var task = Self.task(&picks)
        task.quality = .nan
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode(task, pretty: false) }
        var score = SubScore(name: .tests, score: .infinity, weight: 1, appliedWeight: 1)
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode(score, pretty: true) }
        score.score = 1
        #expect((try? CanonicalJSON.encode(score, pretty: true)) != nil)
    }

    private func foundation<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        try [UInt8](CanonicalJSON.foundationEncoder(pretty: pretty).encode(value)) + [0x0A]
    }
}
