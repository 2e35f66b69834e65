import Foundation
import PhaseModel
import Testing
import TestSupport

/// A test count is compared only with a run it can be about: a "passing" claim whose run (the
/// denominator, else the count) is larger than the tests executed speaks of another run; a plain
/// count matching neither the tests executed nor those defined may be of a part; a task without
/// linked tests is contradicted only when the repository has no test at all. `5.1 Unit Tests`
/// numbers a section.
struct TestCountRunSizeTests {
    static let results = """
        <?xml version="1.0" encoding="utf-8"?>
        <testsuites>
        <testsuite name="pytest" errors="0" failures="1" skipped="0" tests="3">
        <testcase classname="tests.test_parser" name="test_header" time="0.01"/>
        <testcase classname="tests.test_parser" name="test_body" time="0.01"><failure message="boom">assert False</failure></testcase>
        <testcase classname="tests.test_parser" name="test_footer" time="0.01"/>
        </testsuite>
        </testsuites>

        """

    static let tests = """
        def test_header():
            pass


        def test_body():
            pass


        def test_footer():
            pass

        """

    static let parserReport = "tasks/TN-001-parser/REPORT.md"
    static let lexerReport = "tasks/TN-002-lexer/REPORT.md"

    /// TN-001 has three tests, one failing, in a committed result file; TN-002 has none.
    static let built: Result<HandCheckRepository, any Error> = Result {
        var repository = try HandCheckRepository()
        try repository.write("src/parser.py", "a = 1\n")
        try repository.write("tests/test_parser.py", tests)
        try repository.commit("TN-001: parser with tests", on: "2025-12-02")
        try repository.write("src/lexer.py", "b = 1\n")
        try repository.commit("TN-002: lexer", on: "2025-12-03")
        try repository.write("results/junit.xml", results)
        try repository.commit("ci: test results", on: "2025-12-03")
        try repository.write(parserReport, """
            # TN-001 Parser report

            - 2/3 tests passing
            - 3/3 tests passing
            - 220/220 tests passing
            - 3/3 тестов пройдено
            - 220/220 тестов пройдено
            - 3 tests
            - 7 tests
            - 7 тестов

            ## 5.1 Unit Tests

            The parser's unit tests.

            ## 5.2 Модульные тесты

            Тесты парсера.

            """)
        try repository.write(lexerReport, "# TN-002 Lexer report\n\n- 4/4 tests passing\n- 4/4 тестов пройдено\n")
        try repository.commit("docs: reports", on: "2025-12-04")
        return repository
    }

    static let scanned: Result<Workspace, any Error> = Result { try built.get().scan() }

    func count(_ file: String, _ needle: String) throws -> Claim {
        try Self.built.get().claim(.testCount, in: file, at: needle, of: try Self.scanned.get())
    }

    @Test func theTasksResultsAreLinked() throws {
        #expect(try Self.scanned.get().task("TN-001")?.tests?.executed == 3)
        #expect(try Self.scanned.get().task("TN-002")?.tests == nil)
    }

    @Test func aClaimOfTheRunExecutedIsCompared() throws {
        let right = try count(Self.parserReport, "2/3 tests passing")
        #expect(right.verdict == .verified)
        let wrong = try count(Self.parserReport, "3/3 tests passing")
        #expect(wrong.verdict == .contradicted)
        #expect(wrong.verified == 2)
        let russian = try count(Self.parserReport, "3/3 тестов пройдено")
        #expect(russian.subject == "passing")
        #expect(russian.verdict == .contradicted)
    }

    @Test(arguments: ["220/220 tests passing", "220/220 тестов пройдено"])
    func aClaimOfALargerRunIsUnverifiable(needle: String) throws {
        let claim = try count(Self.parserReport, needle)
        #expect(claim.verdict == .unverifiable)
        #expect(claim.verified == nil)
        #expect(claim.note?.en == "the claim speaks of a run of 220 tests, but 3 were executed in results linked to TN-001: another run or another part of the suite")
        #expect(claim.note?.ru.hasSuffix("это другой запуск или другая часть набора") == true)
    }

    @Test func aPlainCountMatchingNeitherIsUnverifiable() throws {
        #expect(try count(Self.parserReport, "- 3 tests").verdict == .verified)
        for needle in ["7 tests", "7 тестов"] {
            let claim = try count(Self.parserReport, needle)
            #expect(claim.verdict == .unverifiable, "\(needle)")
            #expect(claim.note?.en.contains("the count matches neither") == true, "\(needle)")
        }
    }

    @Test func numberedSectionsAreNoTestCounts() throws {
        let (repository, workspace) = (try Self.built.get(), try Self.scanned.get())
        for needle in ["5.1 Unit Tests", "5.2 Модульные тесты"] {
            #expect(try repository.claims(.testCount, in: Self.parserReport, at: needle, of: workspace).isEmpty, "\(needle)")
        }
    }

    /// The repository has tests, none linked to TN-002: that says more about the linking.
    @Test(arguments: ["4/4 tests passing", "4/4 тестов пройдено"])
    func aTaskWithoutLinkedTestsInARepositoryWithTestsIsUnverifiable(needle: String) throws {
        let claim = try count(Self.lexerReport, needle)
        #expect(claim.verdict == .unverifiable)
        #expect(claim.note?.en == "the repository has tests, but no test result or definition is linked to TN-002")
        #expect(claim.note?.ru == "в репозитории есть тесты, но для задачи TN-002 не найдено ни результатов, ни определений тестов")
    }

    /// No test result and no test function anywhere: nothing backs "4/4".
    @Test func aRepositoryWithoutAnyTestContradictsAPassingCount() throws {
        var repository = try HandCheckRepository()
        try repository.write("src/lexer.py", "b = 1\n")
        try repository.write(Self.lexerReport, "# TN-002 Lexer report\n\n- 4/4 tests passing\n- 4/4 тестов пройдено\n")
        try repository.commit("TN-002: lexer", on: "2025-12-02")
        let workspace = try repository.scan()
        for needle in ["4/4 tests passing", "4/4 тестов пройдено"] {
            let claim = try repository.claim(.testCount, in: Self.lexerReport, at: needle, of: workspace)
            #expect(claim.verdict == .contradicted, "\(needle)")
            #expect(claim.verified == 0, "\(needle)")
            #expect(claim.note?.en == "no test result and no test definition was found for TN-002", "\(needle)")
        }
    }
}
