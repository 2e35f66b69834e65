import PhaseModel

extension FileCategory {
    /// The category of a repository path, from its folders and file name alone (contents are
    /// not read: a deleted file has none). The first rule that matches decides:
    ///
    /// 1. **tests**: a folder named `test`, `tests`, `Tests`, `__tests__` or `spec` anywhere in
    ///    the path, or a test file name (`*_test.go`, `test_*.py`, `*_test.py`, `conftest.py`,
    ///    `*Tests.swift`, `*Test.swift`, `*Test.java`, `*Tests.java`, `*Test.kt`, `*_spec.rb`,
    ///    `*_test.rb`, `*.test.ts|js|tsx|jsx`, `*.spec.ts|js|tsx|jsx`). First, because fixtures,
    ///    documents and configuration kept with the tests are test material.
    /// 2. **docs**: `.md`, `.markdown`, `.rst`, `.adoc`, an extensionless `README`, `LICENSE`,
    ///    `CHANGELOG`, …, or anything in a `docs` or `doc` folder.
    /// 3. **manifests**: `Dockerfile*`, `docker-compose*`, `Chart.yaml`, `values*.yaml`, `*.tf`,
    ///    dependency lists (`go.mod`, `requirements*.txt`, `pom.xml`, …); anything in a `charts`,
    ///    `helm`, `k8s`, `deploy` or `manifests` folder (a chart's `NOTES.txt` is a template);
    ///    any other `.yaml`, `.yml`, `.json` or `.toml` file, which is configuration.
    /// 4. **code**: a source-code extension (`swift`, `go`, `py`, `ts`, `rs`, `c`, `sh`, …) or a
    ///    build script name (`Makefile`, `CMakeLists.txt`, `Jenkinsfile`).
    /// 5. **docs**: any remaining `.txt` file; plain text after the rules that claim some by name.
    /// 6. **other**: everything else (images, archives, lock files, …).
    public static func classify(path: String) -> FileCategory {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        guard let name = segments.last else { return .other }
        let folders = segments.dropLast().map { $0.lowercased() }
        let fileName = String(name)
        let lowerName = fileName.lowercased()
        let ext = lowerName.lastIndex(of: ".").map { String(lowerName[lowerName.index(after: $0)...]) } ?? ""

        if folders.contains(where: testFolders.contains) || isTestFile(fileName, lowerName: lowerName, ext: ext) { return .tests }
        if proseExtensions.contains(ext) || documentNames.contains(lowerName) || folders.contains(where: docsFolders.contains) {
            return .docs
        }
        if isManifestName(lowerName, ext: ext) || folders.contains(where: manifestFolders.contains) || configExtensions.contains(ext) {
            return .manifests
        }
        if codeExtensions.contains(ext) || buildScriptNames.contains(lowerName) { return .code }
        if ext == "txt" { return .docs }
        return .other
    }

    /// Compared in lower case, so `Tests` and `test` both count.
    private static let testFolders: Set<String> = ["test", "tests", "__tests__", "spec"]

    private static func isTestFile(_ name: String, lowerName: String, ext: String) -> Bool {
        switch ext {
        case "go": return lowerName.hasSuffix("_test.go")
        case "py": return lowerName.hasPrefix("test_") || lowerName.hasSuffix("_test.py") || lowerName == "conftest.py"
        case "swift": return name.hasSuffix("Tests.swift") || name.hasSuffix("Test.swift")
        case "java": return name.hasSuffix("Test.java") || name.hasSuffix("Tests.java")
        case "kt": return name.hasSuffix("Test.kt") || name.hasSuffix("Tests.kt")
        case "rb": return lowerName.hasSuffix("_spec.rb") || lowerName.hasSuffix("_test.rb")
        case "ts", "js", "tsx", "jsx":
            let stem = lowerName.dropLast(ext.count + 1)
            return stem.hasSuffix(".test") || stem.hasSuffix(".spec")
        default: return false
        }
    }

    private static let proseExtensions: Set<String> = ["md", "markdown", "rst", "adoc"]
    private static let documentNames: Set<String> = [
        "readme", "license", "licence", "changelog", "changes", "notice", "authors", "contributing", "copying",
    ]
    private static let docsFolders: Set<String> = ["docs", "doc"]

    private static func isManifestName(_ lowerName: String, ext: String) -> Bool {
        if lowerName.hasPrefix("dockerfile") || ext == "dockerfile" || lowerName.hasPrefix("docker-compose") { return true }
        if lowerName == "chart.yaml" || lowerName == "chart.lock" { return true }
        if lowerName.hasPrefix("values"), ext == "yaml" || ext == "yml" { return true }
        if lowerName.hasPrefix("requirements"), ext == "txt" { return true }
        return ["tf", "tfvars", "hcl"].contains(ext) || dependencyManifests.contains(lowerName)
    }

    private static let dependencyManifests: Set<String> = [
        "go.mod", "go.sum", "pom.xml", "gemfile", "gemfile.lock", "pipfile", "pipfile.lock", "cargo.lock",
        "package.resolved", "yarn.lock",
    ]
    private static let manifestFolders: Set<String> = ["charts", "helm", "k8s", "deploy", "manifests"]
    private static let configExtensions: Set<String> = ["yaml", "yml", "json", "toml"]

    private static let codeExtensions: Set<String> = [
        "swift", "go", "py", "pyi", "js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx", "rs", "java", "kt", "kts",
        "scala", "groovy", "gradle", "c", "h", "cc", "cpp", "cxx", "hpp", "hh", "hxx", "m", "mm", "cs", "fs", "vb",
        "rb", "php", "pl", "pm", "sh", "bash", "zsh", "fish", "ps1", "lua", "r", "dart", "ex", "exs", "erl", "hrl",
        "hs", "ml", "mli", "clj", "cljs", "elm", "zig", "nim", "jl", "vue", "svelte", "sql", "proto", "graphql",
        "html", "htm", "css", "scss", "sass", "less", "mustache", "hbs", "j2",
    ]
    private static let buildScriptNames: Set<String> = ["makefile", "gnumakefile", "cmakelists.txt", "jenkinsfile", "rakefile"]
}
