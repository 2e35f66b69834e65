import Testing
@testable import Scan

struct RepositoryPathIndexTests {
    let index = RepositoryPathIndex(paths: [
        "cart/cart.go", "cart/cart_test.go", "internal/cart/cart.go", "tests/test_api.py", "api/tests/test_api.py",
        "src/test/java/com/example/CartTest.java", "Tests/ScanTests/JUnitParserTests.swift", "README.md",
    ])

    @Test func pathsMatchByTheLongestCommonSuffix() {
        #expect(index.files(matching: "/home/ci/build/shop/tests/test_api.py") == ["api/tests/test_api.py", "tests/test_api.py"])
        #expect(index.files(matching: "/home/ci/build/shop/api/tests/test_api.py") == ["api/tests/test_api.py"])
        #expect(index.files(matching: "example.com/shop/internal/cart/cart.go") == ["internal/cart/cart.go"])
        #expect(index.files(matching: "C:\\agent\\work\\cart\\cart_test.go") == ["cart/cart_test.go"])
        #expect(index.files(matching: "nowhere/missing.go").isEmpty)
    }

    @Test func goPackagesMatchWholeFolders() {
        #expect(index.files(inPackage: "example.com/shop/cart") == ["cart/cart.go", "cart/cart_test.go"])
        #expect(index.files(inPackage: "example.com/shop/internal/cart") == ["internal/cart/cart.go"])
        #expect(index.files(inPackage: "example.com/shop/payments").isEmpty)
    }

    @Test func dottedClassNamesPointAtFiles() {
        #expect(index.files(forClass: "com.example.CartTest") == ["src/test/java/com/example/CartTest.java"])
        #expect(index.files(forClass: "ScanTests.JUnitParserTests") == ["Tests/ScanTests/JUnitParserTests.swift"])
        // pytest: module path, then the class inside it.
        #expect(index.files(forClass: "api.tests.test_api.TestGet") == ["api/tests/test_api.py"])
        #expect(index.files(forClass: "Nothing.Here").isEmpty)
    }
}
