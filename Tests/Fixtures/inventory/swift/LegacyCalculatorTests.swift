import XCTest

class BaseTestCase: XCTestCase {
    func testFromBase() {}
}

final class LegacyCalculatorTests: BaseTestCase {
    override func setUp() {
        super.setUp()
    }

    func testAdds() {
        XCTAssertEqual(1 + 1, 2)
    }

    func testAsyncThrows() async throws {
        let text = "func testInString() {}"
        XCTAssertFalse(text.isEmpty)
    }

    // func testInComment() {}

    func testWithParameter(_ value: Int) {}

    func helper() {}

    class func testClassMethod() {}

    static func testStaticMethod() {}

    func test() {}
}

extension LegacyCalculatorTests {
    func testInExtension() {}
}

struct NotATestCase {
    func testInStruct() {}
}
