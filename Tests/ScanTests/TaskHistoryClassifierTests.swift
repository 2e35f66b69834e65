import PhaseModel
import Testing
@testable import Scan

/// `FileCategory.classify(path:)`: what kind of deliverable a path is.
struct TaskHistoryClassifierTests {
    static let table: [(String, FileCategory)] = [
        // Tests: a test folder anywhere, or a test file name; before every other rule.
        ("Tests/ScanTests/GlobTests.swift", .tests),
        ("Sources/Scan/GlobTests.swift", .tests),
        ("Sources/Scan/GlobTest.swift", .tests),
        ("services/cart/internal/cart/cart_test.go", .tests),
        ("pkg/test_api.py", .tests),
        ("pkg/api_test.py", .tests),
        ("tests/conftest.py", .tests),
        ("src/test/java/com/example/CartTest.java", .tests),
        ("web/src/__tests__/App.jsx", .tests),
        ("web/src/button.test.tsx", .tests),
        ("web/src/button.spec.ts", .tests),
        ("lib/util.test.js", .tests),
        ("spec/models/user_spec.rb", .tests),
        ("test/fixtures/report.md", .tests),
        ("Tests/Fixtures/helm/values.yaml", .tests),
        ("tests/data/sample.json", .tests),
        // Docs: prose formats, extensionless project documents, the docs folder.
        ("README.md", .docs),
        ("tasks/PC-009-history/requirements.md", .docs),
        ("guide/intro.rst", .docs),
        ("manual/setup.adoc", .docs),
        ("notes.markdown", .docs),
        ("LICENSE", .docs),
        ("docs/adr/0001-decision.yaml", .docs),
        ("docs/diagram.png", .docs),
        ("charts/app/README.md", .docs),
        ("notes/todo.txt", .docs),
        // Manifests: deployment and dependency files by name, folder or configuration format.
        ("charts/app/Chart.yaml", .manifests),
        ("charts/app/templates/deployment.yaml", .manifests),
        ("charts/app/templates/NOTES.txt", .manifests),
        ("charts/app/templates/_helpers.tpl", .manifests),
        ("values-prod.yaml", .manifests),
        ("k8s/service.yml", .manifests),
        ("deploy/install.sh", .manifests),
        ("Dockerfile", .manifests),
        ("build/Dockerfile.release", .manifests),
        ("docker-compose.override.yml", .manifests),
        ("infra/main.tf", .manifests),
        ("go.mod", .manifests),
        ("requirements-dev.txt", .manifests),
        ("package.json", .manifests),
        ("Cargo.toml", .manifests),
        (".github/workflows/ci.yml", .manifests),
        // Code: source extensions and build scripts.
        ("Sources/Scan/Git/Repository.swift", .code),
        ("Package.swift", .code),
        ("services/cart/internal/cart/cart.go", .code),
        ("app/main.py", .code),
        ("web/src/App.tsx", .code),
        ("src/lib.rs", .code),
        ("include/shim.h", .code),
        ("scripts/release.sh", .code),
        ("migrations/001_init.sql", .code),
        ("Makefile", .code),
        ("CMakeLists.txt", .code),
        ("templates/en/report.mustache", .code),
        // Everything else.
        ("assets/logo.png", .other),
        (".gitignore", .other),
        ("archive.tar.gz", .other),
        ("bin/tool", .other),
        ("", .other),
    ]

    @Test(arguments: table)
    func pathsAreClassified(_ path: String, _ expected: FileCategory) {
        #expect(FileCategory.classify(path: path) == expected, "\(path)")
    }

    /// Names that only look like tests are not: the rules want whole segments and suffixes.
    @Test(arguments: ["docs/testing.md", "src/contest.py", "latest/notes.md", "src/Testing.swift", "spec.md", "attest.go"])
    func lookAlikesAreNotTests(_ path: String) {
        #expect(FileCategory.classify(path: path) != .tests, "\(path)")
    }

    @Test func theTableCoversEveryCategory() {
        #expect(Set(Self.table.map(\.1)) == Set(FileCategory.allCases))
    }
}
