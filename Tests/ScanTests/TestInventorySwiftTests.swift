import Foundation
import Testing
@testable import Scan

struct TestInventorySwiftTests {
    static func fixture(_ relative: String) throws -> TestInventoryFile {
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("inventory/\(relative)"))
        let (file, problems) = TestInventory.scan(data: data, path: relative)
        #expect(problems.isEmpty)
        return try #require(file)
    }

    static func tests(_ text: String) -> [DefinedTest] {
        TestInventory.scan(text, path: "Tests/XTests.swift", language: .swift).tests
    }

    @Test func swiftTestingFixtureCountsWhatSwiftTestListsOnePerDeclaration() throws {
        let file = try Self.fixture("swift/CalculatorTests.swift")
        #expect(file.language == .swift)
        #expect(file.tests == [
            DefinedTest(name: "freeFunction", suite: nil, line: 15),
            DefinedTest(name: "adds", suite: "CalculatorTests", line: 22),
            DefinedTest(name: "doubles", suite: "CalculatorTests", line: 27),
            DefinedTest(name: "spansLines", suite: "CalculatorTests", line: 37),
            DefinedTest(name: "staticTest", suite: "CalculatorTests", line: 41),
            DefinedTest(name: "raw identifier name", suite: "CalculatorTests", line: 45),
            DefinedTest(name: "inner", suite: "CalculatorTests.Nested", line: 48),
            DefinedTest(name: "inExtension", suite: "CalculatorTests", line: 53),
        ])
    }

    @Test func xcTestFixtureCountsEachDefinitionOnceNotPerInheritingClass() throws {
        let file = try Self.fixture("swift/LegacyCalculatorTests.swift")
        #expect(file.tests == [
            DefinedTest(name: "testFromBase", suite: "BaseTestCase", line: 4),
            DefinedTest(name: "testAdds", suite: "LegacyCalculatorTests", line: 12),
            DefinedTest(name: "testAsyncThrows", suite: "LegacyCalculatorTests", line: 16),
            DefinedTest(name: "test", suite: "LegacyCalculatorTests", line: 31),
            DefinedTest(name: "testInExtension", suite: "LegacyCalculatorTests", line: 35),
        ])
    }

    @Test func testAttributeBelongsOnlyToTheNextFunction() {
        let text = """
            struct S {
                @Test var notAFunction: Int { 1 }
                func helper() {}
                @Test @MainActor func actorIsolated() {}
                @Testing.Test func qualified() {}
                @TestLike func customAttribute() {}
                @Test(.enabled(if: { true }())) func withClosureTrait() {}
                @Test
                // a comment between
                nonisolated func afterComment() {}
            }
            """
        #expect(Self.tests(text).map(\.name) == ["actorIsolated", "qualified", "withClosureTrait", "afterComment"])
    }

    @Test func xcTestMethodsNeedATestCaseClassAndNoParameters() {
        let text = """
            class A: XCTestCase { func testA() {} }
            class B: NSObject { func testB() {} }
            struct C { func testC() {} }
            final class D: A { func testD() {} }
            class E: MyTestCase, Sendable where T: Equatable { func testE() { func testLocal() {} } }
            class F: XCTestCase { func testF(x: Int) {} private static func testStatic() {} func test_underscore( ) {} }
            extension E { func testInExtension() {} }
            """
        #expect(Self.tests(text).map(\.name) == ["testA", "testD", "testE", "test_underscore", "testInExtension"])
    }

    @Test func inAnXCTestFileTestClassesSplitOverFilesAreRecognizedByName() {
        let withImport = """
            import XCTest
            extension ParserTests { func testA() {} }
            final class LexerTests: SharedBase { func testB() {} }
            extension Helper { func testC() {} }
            final class Model: SharedBase { func testD() {} }
            """
        #expect(Self.tests(withImport).map(\.name) == ["testA", "testB"])
        let withoutImport = "extension ParserTests { func testA() {} }\nfinal class LexerTests: SharedBase { func testB() {} }"
        #expect(Self.tests(withoutImport).isEmpty)
    }

    @Test func rawStringThatLooksMultilineButClosesOnItsLineIsOneLine() {
        let text = ##"""
            let empty = #""""#
            @Test func afterIt() {}
            """##
        #expect(Self.tests(text).map(\.name) == ["afterIt"])
    }

    @Test func literalsAndCommentsHideDeclarations() {
        let text = #"""
            /* outer /* inner */ @Test func inNestedComment() {} */
            let a = "escaped \" @Test func inString() {}"
            let b = ##"raw "# still raw @Test func inRaw() {}"##
            let c = "\(f("@Test func inInterpolation() {}")) @Test func afterInterpolation() {}"
            let d = #/@Test func inRegex\(\) {}/#
            let e = """
                multi "line" @Test func inMultiline() {}
                """
            @Test func real() {}
            """#
        #expect(Self.tests(text).map(\.name) == ["real"])
    }
}
