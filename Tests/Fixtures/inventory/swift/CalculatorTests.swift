import Testing

// @Test func inLineComment() {}
/* Nested /* block */ comment:
@Test func inBlockComment() {}
*/

let source = "@Test func inString() {}"
let multiline = """
    @Test func inMultilineString() {}
    """
let raw = #"@Test func inRawString() { "quoted" }"#
let interpolated = "value: \(String("@Test func inInterpolation() {}".count))"

@Test func freeFunction() {
    #expect(1 + 1 == 2)
}

@Suite("Calculator")
struct CalculatorTests {
    @Test("Adds two numbers", .tags(.arithmetic))
    func adds() {
        #expect(2 + 3 == 5)
    }

    @Test(arguments: [1, 2, 3])
    func doubles(value: Int) {
        #expect(value * 2 > value)
    }

    @Test(
        "Spans lines",
        arguments: ["a", "b"],
        [1, 2]
    )
    @available(macOS 14, *)
    func spansLines(text: String, number: Int) async throws {
        #expect(!text.isEmpty && number > 0)
    }

    @Test static func staticTest() {}

    func testLookingHelperIsNotATest() {}

    @Test func `raw identifier name`() {}

    struct Nested {
        @Test func inner() {}
    }
}

extension CalculatorTests {
    @Test func inExtension() {}
}

extension Tag {
    @Tag static var arithmetic: Self
}
