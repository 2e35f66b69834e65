import Testing
@testable import Scan

/// `ClaimPathResolver.normalize` joins plain paths without splitting them; every path, plain or
/// not, must come out as working out `.` and `..` component by component gives it.
struct ClaimPathNormalizeTests {
    @Test func everyPathComesOutAsWorkingOutItsComponentsGivesIt() {
        var generator = DocumentClaimCacheFormatTests.SplitMix(state: 41)
        let pieces = ["a", "src", ".", "..", "...", ".hidden", "x.md", "", "/", "//", "тест", "a b"]
        func path() -> String {
            (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined(separator: Bool.random(using: &generator) ? "/" : "")
        }
        for _ in 0..<5_000 {
            let (written, folder) = (path(), path())
            #expect(
                ClaimPathResolver.normalize(written, under: folder) == ClaimPathResolver.normalizedByComponents(written, under: folder),
                "\(written) under \(folder)")
        }
    }

    @Test func plainPathsAreJoined() {
        #expect(ClaimPathResolver.normalize("src/app.ts", under: "docs") == "docs/src/app.ts")
        #expect(ClaimPathResolver.normalize("x.md", under: "") == "x.md")
        #expect(ClaimPathResolver.normalize("", under: "docs") == "docs")
        #expect(ClaimPathResolver.normalize("", under: "") == nil)
        #expect(ClaimPathResolver.normalize(".../x", under: "a") == "a/.../x")
        #expect(ClaimPathResolver.normalize("../x", under: "a/b") == "a/x")
        #expect(ClaimPathResolver.normalize("../../x", under: "a") == nil)
        #expect(ClaimPathResolver.normalize("./x/", under: "a//b") == "a/b/x")
    }
}
