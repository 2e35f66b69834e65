import Foundation
import PhaseModel
import Testing
import TestSupport
@testable import PhasecertCLI

/// Test counts that name no file but a test suite (a `describe` group) judged end to end against
/// the tests the suite defines at the commit that wrote the line, on fixture repositories built here.
struct TestSuiteVerdictTests {
    /// The test count stated on `line` of `document`.
    private func count(in document: String, line: Int, of repository: GitRepositoryBuilder) throws -> Claim {
        try #require(try AuditedClaims.of(repository).first {
            $0.kind == .testCount && $0.source.file == document && $0.source.line == line
        })
    }

    /// A test file whose `Refund Handling Rules` group holds three tests, one of them in a nested
    /// group, beside one test outside it. (Not a Playwright file: those run once per project, so
    /// a figure that differs from their definitions proves nothing.)
    private static let checkout = """
        test.describe('Checkout flow', () => {
          test.describe('Refund Handling Rules', () => {
            test('refunds a paid order', async () => {})
            test('rejects a second refund', async () => {})
            test.describe('partial refunds', () => {
              test('keeps the remainder', async () => {})
            })
          })
          test('pays by card', async () => {})
        })

        """

    private static func group(_ title: String, tests: Int) -> String {
        "describe('\(title)', () => {\n" + (1...tests).map { "  it('case \($0)', () => {})\n" }.joined() + "})\n"
    }

    @Test func aHeadingNamingADescribeGroupIsVerifiedByItsTestsAtTheLinesCommit() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("web/tests/checkout.spec.ts", Self.checkout)
        try repository.write("REPORT.md", "# Report\n\n#### Step 4 extended: Refund Handling Rules (3 tests)\n\n- refunds pass\n")
        try repository.commit("test: refunds")
        // A test added later is not one the line counted.
        try repository.write(
            "web/tests/checkout.spec.ts",
            Self.checkout.replacingOccurrences(
                of: "    test('rejects a second refund', async () => {})\n",
                with: "    test('rejects a second refund', async () => {})\n    test('voids a refund', async () => {})\n"))
        try repository.commit("test: voids")
        let claim = try count(in: "REPORT.md", line: 3, of: repository)
        #expect(claim.verdict == .verified)
        #expect(claim.verified == 3)
        #expect(claim.verifiedValue == "web/tests/checkout.spec.ts")
        #expect(claim.evidenceBasis?.kind == .testSuite)
        #expect(claim.evidenceBasis?.suite == "Checkout flow > Refund Handling Rules")
        #expect(claim.note?.en.contains(
            "the suite Checkout flow > Refund Handling Rules in web/tests/checkout.spec.ts defines 3 tests at commit") == true)
    }

    @Test func aWrongFigureForTheSuiteIsContradicted() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("web/tests/checkout.spec.ts", Self.checkout)
        try repository.write("REPORT.md", "# Report\n\n- **Refund Handling Rules**: 5 tests\n")
        try repository.commit("test: refunds")
        let claim = try count(in: "REPORT.md", line: 3, of: repository)
        #expect(claim.verdict == .contradicted)
        #expect(claim.verified == 3)
        #expect(claim.evidenceBasis?.kind == .testSuite)
    }

    @Test func aRussianLineIsJudgedWithARussianNote() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("web/tests/checkout.spec.ts", Self.checkout)
        try repository.write("OTCHET.md", "# Отчёт\n\n### Refund Handling Rules — 4 теста\n")
        try repository.commit("test: refunds")
        let claim = try count(in: "OTCHET.md", line: 3, of: repository)
        #expect(claim.verdict == .contradicted)
        #expect(claim.note?.ru.contains(
            "в наборе Checkout flow > Refund Handling Rules файла web/tests/checkout.spec.ts на коммите") == true)
        #expect(claim.note?.ru.contains("определено тестов: 3") == true)
    }

    @Test func aFigureQualifiedAsAPartStaysAPart() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("web/tests/checkout.spec.ts", Self.checkout)
        try repository.write("REPORT.md", "# Report\n\n#### Refund Handling Rules (2 checkout tests)\n")
        try repository.commit("test: refunds")
        let claim = try count(in: "REPORT.md", line: 3, of: repository)
        #expect(claim.evidenceBasis?.ofPart == true)
        #expect(claim.verdict == .unverifiable)
    }

    @Test func aPlaywrightSuiteMayRunOtherCasesThanItDefines() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("web/tests/checkout.spec.ts", "import { test } from '@playwright/test'\n\n" + Self.checkout)
        try repository.write("REPORT.md", "# Report\n\n#### Refund Handling Rules (9 tests)\n")
        try repository.commit("test: refunds")
        let claim = try count(in: "REPORT.md", line: 3, of: repository)
        #expect(claim.evidenceBasis?.otherCases == true)
        #expect(claim.verdict == .unverifiable)
        #expect(claim.note?.en.contains("the cases they run") == true)
    }

    @Test func aSuiteNameTwoFilesShareDecidesNothing() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("web/tests/checkout.spec.ts", Self.checkout)
        try repository.write("web/tests/admin.test.ts", Self.group("Refund Handling Rules", tests: 5))
        try repository.write("REPORT.md", "# Report\n\n#### Refund Handling Rules (3 tests)\n")
        try repository.commit("test: refunds")
        let claim = try count(in: "REPORT.md", line: 3, of: repository)
        #expect(claim.evidenceBasis == nil)
        #expect(claim.verdict != .verified)
        #expect(claim.verdict != .contradicted)
    }

    @Test func aNameWithinALongerPhraseIsNoSuitesName() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("web/tests/limits.test.ts", Self.group("Throttling", tests: 2))
        try repository.write("REPORT.md", "# Report\n\n#### Upload Throttling (4 tests)\n")
        try repository.commit("test: limits")
        let claim = try count(in: "REPORT.md", line: 3, of: repository)
        #expect(claim.evidenceBasis == nil)
        #expect(claim.verdict != .contradicted)
    }

    @Test func genericOrShortSuiteNamesAreIgnored() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write(
            "web/tests/forms.test.ts", Self.group("Validation", tests: 2) + Self.group("Errors", tests: 2))
        try repository.write("REPORT.md", "# Report\n\n### Validation (5 tests)\n\n### Errors (5 tests)\n")
        try repository.commit("test: forms")
        let claims = try AuditedClaims.of(repository).filter { $0.kind == .testCount && $0.source.file == "REPORT.md" }
        #expect(claims.count == 2)
        #expect(claims.allSatisfy { $0.evidenceBasis == nil && $0.verdict != .contradicted })
    }
}
