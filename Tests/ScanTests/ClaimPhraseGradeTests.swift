import Testing

@testable import Scan

struct ClaimPhraseGradeTests {
    @Test func gradeWordsBeforeTheGrade() {
        expectPhrases("Grade A+", [.init(kind: .grade, text: "Grade A+", claimedValue: "A+")])
        expectPhrases("Grade: A-", [.init(kind: .grade, text: "Grade: A-", claimedValue: "A-")])
        expectPhrases("Grade: B\u{2212}", [.init(kind: .grade, text: "Grade: B\u{2212}", claimedValue: "B-")])
        expectPhrases("grade C–", [.init(kind: .grade, text: "grade C–", claimedValue: "C-")])
        expectPhrases("Оценка: **A+ (ИСКЛЮЧИТЕЛЬНО)**", [.init(kind: .grade, text: "Оценка: **A+", claimedValue: "A+")])
        expectPhrases("Оценка (A+)", [.init(kind: .grade, text: "Оценка (A+)", claimedValue: "A+")])
        expectPhrases("(Grade A+ EXCEPTIONAL)", [.init(kind: .grade, text: "Grade A+", claimedValue: "A+")])
        expectPhrases("an A grade", [.init(kind: .grade, text: "A grade", claimedValue: "A")])
    }

    @Test func aSpanHoldingOnlyAGradeIsOne() {
        expectPhrases("A+", [.init(kind: .grade, text: "A+", claimedValue: "A+")])
        expectPhrases(" B ", [.init(kind: .grade, text: "B", claimedValue: "B")])
        expectPhrases("**A-** 🏆", [.init(kind: .grade, text: "A-", claimedValue: "A-")])
    }

    @Test(arguments: ["Option A", "(A+)", "A+ (150%)", "Grade A–F scale", "Grade Ax", "G+", "a+", "Plan B", "Grade: 5"])
    func lettersWithoutAGradeWordAreNoGrade(span: String) {
        expectNoPhrases(span)
    }
}
