import Foundation
import PropertyBased
import Testing
@testable import Scan

struct TestInventoryPythonTests {
    static func fixture(_ relative: String) throws -> TestInventoryFile {
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("inventory/\(relative)"))
        let (file, problems) = TestInventory.scan(data: data, path: relative)
        #expect(problems.isEmpty)
        return try #require(file)
    }

    static func tests(_ text: String) -> [DefinedTest] {
        TestInventory.scan(text, path: "test_x.py", language: .python).tests
    }

    @Test func fixtureCountsTheFunctionsPytestCollectsParametrizedOnce() throws {
        let file = try Self.fixture("python/test_inventory.py")
        #expect(file.language == .python)
        #expect(file.tests == [
            DefinedTest(name: "test_module_level", suite: nil, line: 21),
            DefinedTest(name: "test_async", suite: nil, line: 27),
            DefinedTest(name: "test_parametrized", suite: nil, line: 32),
            DefinedTest(name: "testable_prefix_counts", suite: nil, line: 36),
            DefinedTest(name: "test_in_if_block", suite: nil, line: 41),
            DefinedTest(name: "test_method", suite: "TestPlain", line: 46),
            DefinedTest(name: "test_inner", suite: "TestPlain.TestNested", line: 55),
            DefinedTest(name: "test_unittest_method", suite: "CalculatorCase", line: 73),
            DefinedTest(name: "test_second_unittest_method", suite: "CalculatorCase", line: 79),
            DefinedTest(name: "test_last", suite: nil, line: 83),
        ])
    }

    @Test func classesCollectOnlyWhenPytestWould() {
        let text = """
            class TestA:
                def test_a(self): pass
                class Inner:
                    def test_not_in_test_class(self): pass
                def test_after_inner(self): pass
            class TestNew:
                def test_dropped(self): pass
                def __new__(cls): pass
            class Base(object):
                def test_base(self): pass
            class Async(unittest.IsolatedAsyncioTestCase):
                async def test_async(self): pass
            def factory():
                class TestLocal:
                    def test_local(self): pass
            class TestWithInitInUnittest(TestCase):
                def __init__(self): pass
                def test_kept(self): pass
            """
        #expect(Self.tests(text).map { "\($0.suite ?? "").\($0.name)" } == [
            "TestA.test_a", "TestA.test_after_inner", "Async.test_async", "TestWithInitInUnittest.test_kept",
        ])
    }

    @Test func indentationWithTabsContinuationsAndBlankLinesIsFollowed() {
        let text = "class TestT:\n\tdef test_tab(self):\n\t\tx = [\n1,\n]\n\n    # comment at another indent\n"
            + "\tdef test_second(self): \\\n\t\tpass\ndef test_top(): pass\r\ndef test_crlf():\r\n    pass\r\n"
        #expect(Self.tests(text).map(\.name) == ["test_tab", "test_second", "test_top", "test_crlf"])
        #expect(Self.tests(text).map(\.line) == [2, 8, 10, 11])
    }

    @Test func stringsOfEveryKindHideDeclarations() {
        let text = #"""
            x = r"\"" ; y = b'\'' # def test_in_comment(): pass
            z = """
            def test_in_triple(): pass
            """
            w = f"{d["k"]} {'def test_in_field(): pass'} {{def test_in_braces(): pass}}"
            v = rb'''
            def test_in_raw_bytes(): pass'''
            def test_real(): pass
            """#
        #expect(Self.tests(text).map(\.name) == ["test_real"])
    }

    @Test func unbalancedBracketDoesNotHideTheRestOfTheFile() {
        let text = "x = foo(\n\ndef test_after(): pass\n"
        #expect(Self.tests(text).map(\.name) == ["test_after"])
    }

    @Test func randomModulesWithTestsAndNoiseCountExactly() async {
        let pieces = Gen<Int>.int(in: 0...7)
        await propertyCheck(input: pieces.array(of: 0...30)) { choices in
            var text = "import pytest\n"
            var expected: [String] = []
            for (index, choice) in choices.enumerated() {
                switch choice {
                case 0:
                    text += "\ndef test_case\(index)():\n    def test_inner():\n        pass\n"
                    expected.append("test_case\(index)")
                case 1:
                    text += "\nclass TestGroup\(index):\n    def test_method(self):\n        '''def test_doc(): pass'''\n"
                    expected.append("test_method")
                case 2: text += "\n# def test_comment\(index)(): pass\n"
                case 3: text += "\nDOC\(index) = '''\ndef test_string\(index)():\n    pass\n'''\n"
                case 4: text += "\nS\(index) = \"def test_quoted\(index)(): pass\"\n"
                case 5: text += "\nclass Helper\(index):\n    def test_helper(self): pass\n"
                case 6: text += "\ndef helper\(index)():\n    def test_nested(): pass\n"
                default: text += "\nvalue\(index) = call(\n    1,\n)\n"
                }
            }
            #expect(Self.tests(text).map(\.name) == expected)
        }
    }
}
