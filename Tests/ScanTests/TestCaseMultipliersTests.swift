import Foundation
import Testing
@testable import Scan

/// Which test files may run other cases than they define, so that a count differing from
/// their definitions proves nothing.
struct TestCaseMultipliersTests {
    private func otherCases(_ path: String, _ source: String) -> Bool? {
        TestInventory.definitions(data: Data(source.utf8), path: path)?.mayRunOtherCases
    }

    @Test func goSubtestsRunOtherCases() {
        #expect(otherCases("a_test.go", "package a\nfunc TestA(t *testing.T) {\n\tt.Run(\"x\", func(t *testing.T) {})\n}\n") == true)
        #expect(otherCases("a_test.go", "package a\nfunc TestA(t *testing.T) {\n\t// t.Run(\"x\") is only a comment\n}\n") == false)
    }

    @Test func pythonParametrizeAndFixtureParamsRunOtherCases() {
        #expect(otherCases("test_a.py", "import pytest\n@pytest.mark.parametrize('x', [1, 2])\ndef test_a(x):\n    pass\n") == true)
        #expect(otherCases("test_a.py", "@pytest.fixture(params=[1, 2])\ndef value(request):\n    return request.param\n") == true)
        #expect(otherCases("test_a.py", "def test_a():\n    requests.get(url, params={'q': 1})\n") == false)
    }

    @Test func swiftArgumentsRunOtherCases() {
        #expect(otherCases("Tests/ATests.swift", "@Test(arguments: [1, 2]) func a(x: Int) {}\n") == true)
        #expect(otherCases("Tests/ATests.swift", "@Test func a() {}\n") == false)
    }

    @Test func javaScriptTablesLoopsAndPlaywrightRunOtherCases() {
        #expect(otherCases("a.test.ts", "it.each([[1], [2]])('x %s', (x) => {})\n") == true)
        #expect(otherCases("a.test.ts", "for (const c of cases) {\n  it(`handles ${c}`, () => {})\n}\n") == true)
        #expect(otherCases("a.test.ts", "cases.forEach((c) => test(c.name, () => {}))\n") == true)
        #expect(otherCases("a.spec.ts", "import { test } from '@playwright/test'\ntest('opens', async () => {})\n") == true)
    }

    @Test func aLoopInsideATestGeneratesNoTest() {
        let source = "describe('cart', () => {\n  it('sums', () => {\n    for (const x of xs) { expect(x).toBe(1) }\n    xs.map((x) => x.test(1))\n  })\n})\n"
        #expect(otherCases("a.test.ts", source) == false)
    }
}
