import Foundation
import PhaseModel
import Testing
@testable import Scan

/// How commit subjects name tasks and phases in the layouts found by content.
@Suite struct TaskReferencesTests {
    /// Spec Kit: features `specs/010-auth-login` and `specs/015-billing-exports`, tasks T001–T012 of each.
    static func specKit() throws -> TaskReferences {
        var names: [String: String] = [:]
        for (id, folder) in [("010", "specs/010-auth-login"), ("015", "specs/015-billing-exports")] {
            for name in TaskReferences.names(ofPhase: id, folder: folder, isFeature: true) where names[name] == nil {
                names[name] = id
            }
        }
        let tasks = Set(["010", "015"].flatMap { feature in (1...12).map { "\(feature)/T\(String(format: "%03d", $0))" } })
        return TaskReferences(
            style: .qualified, ids: try TaskIDPattern(prefix: "[A-Z]{2,6}", width: 3), tasks: tasks, phaseNames: names,
            phasesAreFeatures: true)
    }

    /// Kiro: specs `bancho-login` (1.1–2.3) and `user-profile` (1.1, 1.2).
    static func kiro() throws -> TaskReferences {
        var names: [String: String] = [:]
        for id in ["bancho-login", "user-profile"] {
            for name in TaskReferences.names(ofPhase: id, folder: ".kiro/specs/\(id)", isFeature: true) { names[name] = id }
        }
        let tasks: Set<String> = [
            "bancho-login/1.1", "bancho-login/1.2", "bancho-login/2.1", "bancho-login/2.2", "bancho-login/2.3",
            "user-profile/1.1", "user-profile/1.2",
        ]
        return TaskReferences(
            style: .qualified, ids: try TaskIDPattern(prefix: "[A-Z]{2,6}", width: 3), tasks: tasks, phaseNames: names,
            phasesAreFeatures: true)
    }

    /// A master list found by content: `T-001`…`T-012` in phases 1 to 3.
    static func prefixed() throws -> TaskReferences {
        let tasks = Set((1...12).map { "T-\(String(format: "%03d", $0))" })
        var names: [String: String] = [:]
        for id in ["1", "2", "3", "14.6"] {
            for name in TaskReferences.names(ofPhase: id, folder: nil, isFeature: false) { names[name] = id }
        }
        return TaskReferences(
            style: .prefixed, ids: try TaskIDPattern(prefix: "T", width: 3, separator: "-"), tasks: tasks,
            phaseNames: names, phasesAreFeatures: false)
    }

    // MARK: Names of phases

    @Test func aNumberedFeatureIsNamedByItsPhaseItsFolderItsNumberAndALongSlug() {
        #expect(TaskReferences.names(ofPhase: "015", folder: "specs/015-billing-exports", isFeature: true)
            == ["phase 015", "015-billing-exports", "15", "billing-exports"])
        // A short slug is too common a word to name a feature.
        #expect(TaskReferences.names(ofPhase: "003", folder: "specs/003-auth", isFeature: true) == ["phase 003", "003-auth", "3"])
        #expect(TaskReferences.names(ofPhase: "bancho-login", folder: ".kiro/specs/bancho-login", isFeature: true)
            == ["phase bancho-login", "bancho-login"])
        #expect(TaskReferences.names(ofPhase: "14.6", folder: nil, isFeature: false) == ["phase 14.6"])
    }

    // MARK: Spec Kit

    @Test(arguments: [
        ("[F010] Project setup (T001-T010)", ["010/T001", "010/T002", "010/T003", "010/T004", "010/T005",
                                              "010/T006", "010/T007", "010/T008", "010/T009", "010/T010"]),
        ("feat(015): T012 export invoices", ["015/T012"]),
        ("feature 015: T003 and T005", ["015/T003", "015/T005"]),
        ("F-010 T002–T004", ["010/T002", "010/T003", "010/T004"]),
        ("015-billing-exports: T007", ["015/T007"]),
        // No feature named: a plain T001 means nothing.
        ("T001 create the module", []),
        // Two features named: which feature's T003 is unknown.
        ("F010 and F015: T003 shared fixtures", []),
        // Unknown task numbers are not tasks.
        ("feat(010): T099", []),
    ])
    func specKitTasksNeedTheirFeatureInTheSameSubject(subject: String, expected: [String]) throws {
        #expect(try Self.specKit().qualifiedTasks(in: subject) == expected)
    }

    @Test(arguments: [
        ("feat(015): T012", ["015"]),
        ("[F010] setup", ["010"]),
        ("Finish feature 15", ["015"]),
        ("Merge branch 'feature/015-billing-exports'", ["015"]),
        ("F010 and F015: shared", ["010", "015"]),
        // A feature's own sections are not features: "Phase 2" of a Spec Kit checklist names none.
        ("Phase 2 polish", []),
        ("Fix 10 flaky tests", []),
        ("Bump version to 2.0.15", []),
    ])
    func specKitPhasesAreNamedByFeature(subject: String, expected: [String]) throws {
        #expect(try Self.specKit().phases(in: subject) == expected)
    }

    // MARK: Kiro

    @Test(arguments: [
        ("feat(bancho-login): Task 2.3 rate limits", ["bancho-login/2.3"]),
        ("feat(bancho-login): task 1.1 and task 1.2", ["bancho-login/1.1", "bancho-login/1.2"]),
        ("fix(user-profile): Task 1.2", ["user-profile/1.2"]),
        // No spec named, but only one spec has a task 2.3: the word "Task" and a unique number suffice.
        ("Task 2.3 rate limits", ["bancho-login/2.3"]),
        // Both specs have a task 1.1: without a spec named it is nobody's.
        ("Task 1.1 cleanup", []),
        // A bare number is a version as often as a task: the word "Task" is needed.
        ("feat(bancho-login): bump to 2.3", []),
        ("feat(bancho-login,user-profile): Task 1.1", []),
    ])
    func kiroTasksNeedTheirSpecOrAUniqueNumberAndTheWordTask(subject: String, expected: [String]) throws {
        #expect(try Self.kiro().qualifiedTasks(in: subject) == expected)
    }

    @Test(arguments: [
        ("feat(bancho-login): Task 2.3", ["bancho-login"]),
        ("Merge pull request #4 from org/user-profile", ["user-profile"]),
        ("codex/bancho-login", ["bancho-login"]),
        ("feat(bancho-login,user-profile): shared", ["bancho-login", "user-profile"]),
        ("login fixes", []),
    ])
    func kiroPhasesAreNamedBySpec(subject: String, expected: [String]) throws {
        #expect(try Self.kiro().phases(in: subject) == expected)
    }

    // MARK: Prefixed ids

    @Test(arguments: [
        ("Implement T-005–T-008", ["T-005", "T-006", "T-007", "T-008"]),
        ("T-001..T-003: setup", ["T-001", "T-002", "T-003"]),
        ("T-002 - T-004 config", ["T-002", "T-003", "T-004"]),
        ("T-010 to T-012", ["T-010", "T-011", "T-012"]),
        // Unknown ids of a range are left out.
        ("T-011–T-015", ["T-011", "T-012"]),
        // Two ids, not a range.
        ("T-001 and T-004", []),
        ("T-004–T-002", []),
        ("T-001", []),
    ])
    func rangesOfPrefixedIDsNameEveryTaskInThem(subject: String, expected: [String]) throws {
        #expect(try Self.prefixed().prefixedRanges(in: subject) == expected)
    }

    @Test(arguments: [
        ("Phase 2: polish", ["2"]),
        ("phase-3 cleanup", ["3"]),
        ("Фаза 1: начало", ["1"]),
        ("Phase 14.6 hardening", ["14.6"]),
        ("Phase 4: not planned", []),
        ("Phase 1 and phase 3", ["1", "3"]),
        // Numbers alone are not phases where phases are not features.
        ("F002 fix", []),
    ])
    func phasesAreNamedByTheWordPhase(subject: String, expected: [String]) throws {
        #expect(try Self.prefixed().phases(in: subject) == expected)
    }

    @Test func theClassicLayoutReadsNoRangesAndNoPhases() throws {
        let references = TaskReferences.prefixed(try TaskIDPattern(prefix: "T", width: 3, separator: "-"), tasks: ["T-001"])
        #expect(references.phaseNames.isEmpty)
        #expect(!references.readsRangesAndPhases)
        #expect(references.phases(in: "Phase 1: setup").isEmpty)
    }
}
