import Foundation
import PropertyBased
import Testing
@testable import Scan

struct TestInventoryGoTests {
    static func fixture(_ relative: String) throws -> TestInventoryFile {
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("inventory/\(relative)"))
        let (file, problems) = TestInventory.scan(data: data, path: relative)
        #expect(problems.isEmpty)
        return try #require(file)
    }

    static func names(_ text: String) -> [String] {
        TestInventory.scan(text, path: "x_test.go", language: .go).tests.map(\.name)
    }

    @Test func fixtureCountsWhatGoTestListsLessBenchmarksFuzzAndExamples() throws {
        let file = try Self.fixture("go/inventory_test.go")
        #expect(file.language == .go)
        #expect(file.tests.map(\.name) == [
            "TestAdd", "TestSubtests", "Test", "Test_underscore", "Test2", "TestÉcole", "TestUnnamedParameter", "TestMultiLine",
        ])
        #expect(file.tests.map(\.line) == [23, 29, 34, 36, 38, 40, 52, 54])
        #expect(file.tests.allSatisfy { $0.suite == nil })
    }

    @Test func testMainTakingTestingTIsAnOrdinaryTest() throws {
        let file = try Self.fixture("go/testmain-t/testmain_test.go")
        #expect(file.tests.map(\.name) == ["TestMain", "TestOther"])
    }

    @Test func nameRuleIsGosNoLowercaseAfterTest() {
        #expect(GoTestFinder.isTestName("Test"))
        #expect(GoTestFinder.isTestName("TestX"))
        #expect(GoTestFinder.isTestName("Test_x"))
        #expect(GoTestFinder.isTestName("Test9"))
        #expect(GoTestFinder.isTestName("TestÉ"))
        #expect(!GoTestFinder.isTestName("Testx"))
        #expect(!GoTestFinder.isTestName("Testé"))
        #expect(!GoTestFinder.isTestName("Tes"))
        #expect(!GoTestFinder.isTestName("testX"))
    }

    @Test func signatureMustBeOneTestingTPointerWithoutResults() {
        #expect(Self.names("func TestA(t *testing.T) {}") == ["TestA"])
        #expect(Self.names("func TestA(t *T) {}") == ["TestA"])
        #expect(Self.names("func TestA(t *testing.T,) {}") == ["TestA"])
        #expect(Self.names("func TestA(t *testing.T)") == ["TestA"])
        #expect(Self.names("func TestA(t *testing.T) /* c */ {}") == ["TestA"])
        #expect(Self.names("func TestA(t testing.T) {}").isEmpty)
        #expect(Self.names("func TestA(t *testing.B) {}").isEmpty)
        #expect(Self.names("func TestA(m *testing.M) {}").isEmpty)
        #expect(Self.names("func TestA() {}").isEmpty)
        #expect(Self.names("func TestA(a, b *testing.T) {}").isEmpty)
        #expect(Self.names("func TestA(t *testing.T, x int) {}").isEmpty)
        #expect(Self.names("func TestA(t *testing.T) error { return nil }").isEmpty)
        #expect(Self.names("func TestA[T any](t *testing.T) {}").isEmpty)
        #expect(Self.names("func (s S) TestA(t *testing.T) {}").isEmpty)
        #expect(Self.names("var f = func(t *testing.T) {}").isEmpty)
        #expect(Self.names("func\tTestA(t *testing.T) {}") == ["TestA"])
    }

    @Test func literalsAndCommentsHideDeclarations() {
        let text = """
            var a = "/* not a comment" // func TestInLineComment(t *testing.T) {}
            func TestOne(t *testing.T) {}
            var b = `raw "quotes" and \\ backslash
            func TestInRaw(t *testing.T) {}`
            var c = '\\''
            var d = "escaped \\" quote func TestInString(t *testing.T) {}"
            func TestTwo(t *testing.T) {}
            """
        #expect(Self.names(text) == ["TestOne", "TestTwo"])
    }

    @Test func randomFilesWithTestsAndNoiseCountExactly() async {
        let pieces = Gen<Int>.int(in: 0...7)
        await propertyCheck(input: pieces.array(of: 0...30)) { choices in
            var text = "package p\n\nimport \"testing\"\n"
            var expected: [String] = []
            for (index, choice) in choices.enumerated() {
                switch choice {
                case 0:
                    text += "\nfunc TestCase\(index)(t *testing.T) {\n\tt.Log(\"}\")\n}\n"
                    expected.append("TestCase\(index)")
                case 1: text += "\n// func TestComment\(index)(t *testing.T) {}\n"
                case 2: text += "\n/* func TestBlock\(index)(t *testing.T) {}\n*/\n"
                case 3: text += "\nvar raw\(index) = `\nfunc TestRaw\(index)(t *testing.T) {}\n`\n"
                case 4: text += "\nvar s\(index) = \"func TestString\(index)(t *testing.T) {}\"\n"
                case 5: text += "\nfunc Testlower\(index)(t *testing.T) {}\n"
                case 6: text += "\nfunc (r R) TestMethod\(index)(t *testing.T) {}\n"
                default: text += "\nfunc BenchmarkB\(index)(b *testing.B) {}\n"
                }
            }
            #expect(Self.names(text) == expected)
        }
    }
}
