import PhaseModel
import Testing
@testable import Score

@Suite struct GradeScaleTests {
    let scale = GradeScale(steps: Configuration.GradeStep.defaults)

    @Test(arguments: [
        (100.0, "A+"), (97.0, "A+"), (96.999, "A"), (93.0, "A"), (92.99, "A-"), (90.0, "A-"), (89.9, "B+"),
        (87.0, "B+"), (83.0, "B"), (82.9, "B-"), (80.0, "B-"), (79.99, "C"), (70.0, "C"), (60.0, "D"), (59.99, "F"), (0.0, "F"),
    ])
    func gradeEdgesFollowTheScale(quality: Double, grade: String) {
        #expect(scale.grade(for: quality) == grade)
    }

    @Test func openCriticalFindingCapsAtD() {
        let (grade, cappedBy) = scale.grade(for: 99, findings: FindingCounts(critical: 1))
        #expect(grade == "D")
        #expect(cappedBy == .critical)
    }

    @Test func openMajorFindingCapsAtB() {
        let (grade, cappedBy) = scale.grade(for: 95, findings: FindingCounts(major: 2, minor: 4))
        #expect(grade == "B")
        #expect(cappedBy == .major)
    }

    @Test func capNeverRaisesAGrade() {
        #expect(scale.grade(for: 50, findings: FindingCounts(critical: 1)) == ("F", nil))
        #expect(scale.grade(for: 83, findings: FindingCounts(major: 1)) == ("B", nil))
        #expect(scale.grade(for: 81, findings: FindingCounts(major: 1)) == ("B-", nil))
    }

    @Test func minorAndInfoFindingsDoNotCap() {
        #expect(scale.grade(for: 98, findings: FindingCounts(minor: 3, info: 9)) == ("A+", nil))
    }

    @Test func customScaleCapsAtItsOwnStep() {
        let custom = GradeScale(steps: [.init(grade: "pass", minimum: 50), .init(grade: "fail", minimum: 0)])
        #expect(custom.grade(for: 90, findings: FindingCounts(critical: 1)) == ("pass", nil))
        #expect(custom.grade(for: 49, findings: FindingCounts()) == ("fail", nil))
    }
}
