import Testing

@testable import Scan

struct ClaimPhraseTestCountTests {
    @Test func ratiosOfTestsWithAndWithoutPassWords() {
        expectPhrases(
            "39/39 tests passing",
            [.init(kind: .testCount, text: "39/39 tests passing", subject: "passing", claimed: 39, denominator: 39)])
        expectPhrases(
            "22/25 tests",
            [.init(kind: .testCount, text: "22/25 tests", subject: "count", claimed: 22, denominator: 25)])
        expectPhrases(
            "9/9 passing", [.init(kind: .testCount, text: "9/9 passing", subject: "passing", claimed: 9, denominator: 9)])
        expectPhrases(
            "9/9 PASS", [.init(kind: .testCount, text: "9/9 PASS", subject: "passing", claimed: 9, denominator: 9)])
        expectPhrases(
            "39/39 тестов проходят",
            [.init(kind: .testCount, text: "39/39 тестов проходят", subject: "passing", claimed: 39, denominator: 39)])
    }

    @Test func plainCounts() {
        expectPhrases("36 tests", [.init(kind: .testCount, text: "36 tests", subject: "count", claimed: 36)])
        expectPhrases("12 тестов", [.init(kind: .testCount, text: "12 тестов", subject: "count", claimed: 12)])
        expectPhrases(
            "13 blue-green tests", [.init(kind: .testCount, text: "13 blue-green tests", subject: "count", claimed: 13)]
        )
        expectPhrases(
            "40 unit test cases", [.init(kind: .testCount, text: "40 unit test cases", subject: "count", claimed: 40)])
    }

    @Test func countsOfTestsAddedAreNew() {
        expectPhrases("10 new tests", [.init(kind: .testCount, text: "10 new tests", subject: "new", claimed: 10)])
        expectPhrases(
            "Added 7 env tests", [.init(kind: .testCount, text: "7 env tests", subject: "new", claimed: 7)])
        expectPhrases("8 новых тестов", [.init(kind: .testCount, text: "8 новых тестов", subject: "new", claimed: 8)])
        expectPhrases("Добавлено 4 теста", [.init(kind: .testCount, text: "4 теста", subject: "new", claimed: 4)])
        // A plan to add tests is no count of tests added.
        expectPhrases("Add 5 tests", [.init(kind: .testCount, text: "5 tests", subject: "count", claimed: 5)])
    }

    @Test func aFullPassRateMakesTheCountPassing() {
        expectPhrases(
            "40 tests, 100% pass",
            [.init(kind: .testCount, text: "40 tests, 100% pass", subject: "passing", claimed: 40)])
        expectPhrases(
            "Tests: 40 (100% pass rate)",
            [.init(kind: .testCount, text: "Tests: 40 (100% pass rate)", subject: "passing", claimed: 40)])
        // A partial pass rate says how many passed only by arithmetic: the count stays a count.
        expectPhrases(
            "40 tests, 95% pass", [.init(kind: .testCount, text: "40 tests, 95% pass", subject: "count", claimed: 40)])
    }

    @Test func passMarksAndWordsBeforeTheNoun() {
        expectPhrases("39 tests ✅", [.init(kind: .testCount, text: "39 tests ✅", subject: "passing", claimed: 39)])
        expectPhrases(
            "39 passing tests", [.init(kind: .testCount, text: "39 passing tests", subject: "passing", claimed: 39)])
        expectPhrases(
            "12 тестов успешно", [.init(kind: .testCount, text: "12 тестов успешно", subject: "passing", claimed: 12)])
        expectPhrases("9 tests green", [.init(kind: .testCount, text: "9 tests green", subject: "passing", claimed: 9)])
    }

    @Test func labelledCounts() {
        expectPhrases(
            "tests: 14 passed", [.init(kind: .testCount, text: "tests: 14 passed", subject: "passing", claimed: 14)])
        expectPhrases(
            "Total Tests: 68/69 PASS (98.5%, 1 skipped)",
            [.init(kind: .testCount, text: "Tests: 68/69 PASS", subject: "passing", claimed: 68, denominator: 69)])
        expectPhrases(
            "Helm Template Tests (9/9 passing)",
            [.init(kind: .testCount, text: "Tests (9/9 passing)", subject: "passing", claimed: 9, denominator: 9)])
        expectPhrases("Тесты: 39", [.init(kind: .testCount, text: "Тесты: 39", subject: "count", claimed: 39)])
        // The count's own noun is the better quote.
        expectPhrases(
            "Canary Tests: 12 tests", [.init(kind: .testCount, text: "12 tests", subject: "count", claimed: 12)])
    }

    @Test(arguments: [
        "3 failing tests", "2 tests failed", "1 test skipped", "5 тестов упали", "4 test files", "3 test scripts",
        "Test 1: template renders", "Tests: ~800 lines", "54/54 checks passing", "53/54 проверки пройдены",
        "95%+ test coverage only", "Tests 1: setup", "+5 tests", "Phase 1 passed review",
    ])
    func countsThatAreNotTestCounts(span: String) {
        #expect(!ClaimPhraseScanner.claims(in: span).contains { $0.kind == .testCount }, "\(span)")
    }
}
