import Foundation
import PropertyBased
import Testing
@testable import Scan

struct TestInventoryJavaScriptTests {
    static func fixture(_ relative: String) throws -> TestInventoryFile {
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("inventory/\(relative)"))
        let (file, problems) = TestInventory.scan(data: data, path: relative)
        #expect(problems.isEmpty)
        return try #require(file)
    }

    static func tests(_ text: String, language: TestLanguage = .javascript) -> [DefinedTest] {
        TestInventory.scan(text, path: "x.test.js", language: language).tests
    }

    @Test func nodeRunnerFixtureCountsWhatNodeRunsLessSubtests() throws {
        let file = try Self.fixture("javascript/node-runner.test.mjs")
        #expect(file.language == .javascript)
        #expect(file.tests == [
            DefinedTest(name: "adds", suite: "math", line: 16),
            DefinedTest(name: "skipped", suite: "math", line: 20),
            DefinedTest(name: "todo", suite: "math", line: 22),
            DefinedTest(name: "multiplies", suite: "math > nested", line: 25),
            DefinedTest(name: "top level with subtests", suite: nil, line: 31),
            DefinedTest(name: "template title", suite: nil, line: 36),
        ])
    }

    @Test func jestStyleFixtureCountsEachTableOnce() throws {
        let file = try Self.fixture("javascript/calculator.spec.ts")
        #expect(file.language == .typescript)
        #expect(file.tests == [
            DefinedTest(name: "adds two numbers", suite: "Calculator > add", line: 19),
            DefinedTest(name: "add(%i, %i) = %i", suite: "Calculator > add", line: 23),
            DefinedTest(name: "tagged table $a + $b", suite: "Calculator > add", line: 30),
            DefinedTest(name: "runs concurrently", suite: "Calculator", line: 38),
            DefinedTest(name: "only this one", suite: "Calculator", line: 42),
            DefinedTest(name: "disabled", suite: "Calculator", line: 43),
            DefinedTest(name: "skipped", suite: "Calculator", line: 44),
            DefinedTest(name: "write more tests", suite: "Calculator", line: 45),
            DefinedTest(name: "not on CI", suite: "Calculator", line: 46),
            DefinedTest(name: "multi-line call", suite: nil, line: 53),
        ])
    }

    @Test func jsxFixtureIsReadDespiteTagsAndAttributeQuotes() throws {
        let file = try Self.fixture("javascript/__tests__/widget.jsx")
        #expect(file.tests.map(\.name) == ["renders the label", "renders nothing without a label"])
        #expect(file.tests.allSatisfy { $0.suite == "Widget" })
    }

    @Test func onlyCallsOfTestFunctionsCount() {
        let text = """
            foo.test('member');
            myit('other name');
            function test(name) {}
            async function* it(x) {}
            const o = { test(x) { return x; }, it: 1 };
            class C { test(a: string): boolean { return true } }
            test();
            test.beforeEach(() => {});
            test.step('a step', () => {});
            test.describe.configure({ mode: 'serial' });
            it('counts', () => {});
            fit('focused', () => {});
            xtest('disabled', () => {});
            test.concurrent.only.each([[1]])('chained %i', () => {});
            it.each<{ a: number; f: () => void }>([])('typed %o', () => {});
            """
        #expect(Self.tests(text, language: .typescript).map(\.name) == ["counts", "focused", "disabled", "chained %i", "typed %o"])
    }

    @Test func playwrightSkipInsideATestIsAnAnnotation() {
        let text = """
            test.describe('page', () => {
              test('loads', async ({ browserName }) => {
                test.skip(browserName === 'firefox', 'not there');
              });
              test.skip('skipped test', async () => {});
            });
            """
        let tests = Self.tests(text)
        #expect(tests.map(\.name) == ["loads", "skipped test"])
        #expect(tests.allSatisfy { $0.suite == "page" })
    }

    @Test func titlesAreTheFirstArgumentsText() {
        let text = """
            describe(Widget.name, () => { it(`renders ${kind}`, () => {}); });
            it(title, () => {});
            it("double \\"quoted\\"", () => {});
            """
        let tests = Self.tests(text)
        #expect(tests.map(\.name) == ["renders ${kind}", "title", #"double \"quoted\""#])
        #expect(tests.first?.suite == "Widget.name")
    }

    @Test func randomFilesWithTestsAndNoiseCountExactly() async {
        let pieces = Gen<Int>.int(in: 0...7)
        await propertyCheck(input: pieces.array(of: 0...30)) { choices in
            var text = "import { it, test } from 'vitest';\n"
            var expected: [String] = []
            for (index, choice) in choices.enumerated() {
                switch choice {
                case 0:
                    text += "it('case \(index)', () => {\n  expect(a / 2).toBe(`${b}`);\n});\n"
                    expected.append("case \(index)")
                case 1:
                    text += "test.each([[1], [2]])('table \(index) %i', (n) => {});\n"
                    expected.append("table \(index) %i")
                case 2: text += "// it('comment \(index)', () => {});\n"
                case 3: text += "/* test('block \(index)', () => {}); */\n"
                case 4: text += "const s\(index) = \"it('string \(index)', () => {})\";\n"
                case 5: text += "const t\(index) = `${x}test('template \(index)')${`it('nested')`}`;\n"
                case 6: text += "const r\(index) = /it\\('regex \(index)'/.test(s) ? a / b : c;\n"
                default: text += "helper.test('member \(index)', () => {});\n"
                }
            }
            #expect(Self.tests(text).map(\.name) == expected)
        }
    }

    @Test func regexLiteralsAreToldFromDivision() {
        let text = """
            const a = x / 2; it('after division', () => {}); const b = y / 3;
            const r = /it\\('in regex'\\)/g;
            if (/test\\(/.test(s)) {}
            const c = (n) / 2 / it('after parenthesized division', () => {});
            return </div>; it('after jsx close', () => {});
            """
        #expect(Self.tests(text).map(\.name) == ["after division", "after parenthesized division", "after jsx close"])
    }
}
