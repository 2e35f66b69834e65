import Testing
@testable import Scan

/// Which test file a test count is of, as the text around it writes it.
struct TestCountReferenceTests {
    @Test func aLabelNamesTheFileOfTheCountAfterIt() {
        let text = "All unit tests pass (command: 10 tests, job: 45 tests)"
        #expect(TestCountReference.files(in: text, counts: ["10 tests", "45 tests"]) == ["command", "job"])
    }

    @Test func theOneTestPathOfAClauseOrARowIsTheCountsFile() {
        #expect(TestCountReference.files(in: "store/cache_test.go - 3 tests for the cache", counts: ["3 tests"]) == ["store/cache_test.go"])
        #expect(TestCountReference.files(in: "tests/test_orders.py | Добавлено 4 теста", counts: ["4 теста"]) == ["tests/test_orders.py"])
    }

    @Test func aCountOfEveryTestNamesNoFile() {
        let text = "Fixed store/cache_test.go, all 300 tests pass"
        #expect(TestCountReference.files(in: text, counts: ["300 tests"]) == [nil])
    }

    @Test func aCodeNameBesideTheCountNamesAFile() {
        #expect(TestCountReference.files(in: "31 tests for HPTracker (280 lines)", counts: ["31 tests"]) == ["HPTracker"])
        #expect(TestCountReference.files(in: "Unit тесты для DockerChecker (13 тест-кейсов)", counts: ["13 тест"]) == ["DockerChecker"])
        #expect(TestCountReference.files(in: "Tests: 13 tests", counts: ["13 tests"]) == [nil])
    }

    @Test func twoFilesInOneClauseNameNeither() {
        #expect(TestCountReference.files(in: "a_test.go and b_test.go hold 12 tests", counts: ["12 tests"]) == [nil])
    }

    @Test func aQualifiedCountMayBeOfAPart() {
        #expect(TestCountReference.narrows("7 env injection tests", line: nil, written: nil))
        #expect(TestCountReference.narrows("17 unit tests", line: "x_test.go - 17 unit tests for volume builders", written: "x_test.go"))
        #expect(!TestCountReference.narrows("31 tests", line: "31 tests for HPTracker", written: "HPTracker"))
        #expect(!TestCountReference.narrows("8 новых тестов", line: "| `t.py` | 8 новых тестов |", written: "t.py"))
    }

    @Test func aLabelledCountIsTheFilesOwn() {
        #expect(TestCountReference.labels("45 tests", line: "(command: 10 tests, job: 45 tests)", written: "job"))
        #expect(TestCountReference.labels("12 tests", line: "- `pkg/job_test.go`: 12 tests", written: "pkg/job_test.go"))
        #expect(!TestCountReference.labels("2 tests", line: "- `tests/test_a.py` (2 tests) need a server", written: "tests/test_a.py"))
    }
}
