import Foundation
import Testing
import TestSupport

/// `phasecert check-names` end to end on repositories built at test time (issue 7 acceptance).
struct CheckNamesCommandTests {
    static let masterList = """
        # Tasks

        ## Phase 13: Production Packaging

        - [x] **TN-099** Redis StatefulSet
        - [ ] **TN-098** X
        - [ ] **TN-040** Config loader
        - [ ] **TN-058** Y

        """

    /// The acceptance fixture, committed: one folder to rename, a duplicate, a folder without a
    /// slug, one with a status suffix, and a note linking into the folder to rename.
    static func fixture(git: Bool = true) throws -> (path: String, keep: AnyObject) {
        let files = [
            "tasks/TASKS.md": masterList,
            "tasks/TN-99-redis-statefulset/requirements.md": "# Redis StatefulSet\n\nThree replicas.\n",
            "tasks/TN-99-redis-statefulset/tasks.md": "- [x] chart\n- [x] probes\n",
            "tasks/TN-99-redis-statefulset/design/diagram.md": "# Diagram\n",
            "tasks/TN-098-x/tasks.md": "- [ ] one\n",
            "tasks/TN-98-x/tasks.md": "- [ ] two\n",
            "tasks/TN-040/tasks.md": "- [ ] three\n",
            "tasks/TN-058-y-150pct/tasks.md": "- [x] four\n",
            "docs/notes.md": """
                # Notes

                The [requirements](../tasks/TN-99-redis-statefulset/requirements.md#replicas) say three.
                Code stays: `../tasks/TN-99-redis-statefulset/requirements.md`.

                """,
        ]
        if git {
            let repository = try GitRepositoryBuilder()
            for (path, text) in files { try repository.write(path, text) }
            try repository.commit("Phase 13 tasks")
            return (repository.path, repository)
        }
        let folder = try TemporaryFolder()
        for (path, text) in files { try folder.write(path, text) }
        return (folder.path, folder)
    }

    /// Every file outside `.git` with its bytes.
    static func files(_ root: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            if path == ".git" { enumerator?.skipDescendants(); continue }
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result[path] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + path)) }
        }
        return result
    }

    static func status(_ root: String) throws -> [String] {
        try GitFixture.gitLine(["status", "--porcelain", "--untracked-files=all"], in: root).split(separator: "\n").map(String.init).sorted()
    }

    static func run(_ arguments: [String], in root: String) -> (code: Int32, out: String, err: String) {
        CapturedConsole.run(["check-names"] + arguments + ["--repo", root], in: "/")
    }

    static let report = """
        Id not written canonically (zero-padded number, upper-case prefix) [naming.noncanonical, minor]
          tasks/TN-98-x → tasks/TN-098-x (not renamed: TN-098 has 2 folders; a duplicate is reported, not merged)
          tasks/TN-99-redis-statefulset → tasks/TN-099-redis-statefulset (--fix renames it)

        No slug after the id [naming.noncanonical, minor]
          tasks/TN-040 → tasks/TN-040-config-loader (not renamed: it has no slug; choose one by hand)

        Status suffix in the name [naming.noncanonical, minor]
          tasks/TN-058-y-150pct → tasks/TN-058-y (not renamed: the suffix -150pct states a status: rename by hand, or allow it with tasks.allowedSuffixes)

        More than one folder for an id [naming.duplicate-id, major]
          TN-098: tasks/TN-098-x, tasks/TN-98-x → keep tasks/TN-098-x (not renamed: a duplicate is reported, not merged)

        5 violations: 1 major, 4 minor; --fix can rename 1 folder.

        """

    /// The report once TN-99 is renamed: the other four problems, nothing left to rename.
    static let remaining = report
        .replacingOccurrences(of: "  tasks/TN-99-redis-statefulset → tasks/TN-099-redis-statefulset (--fix renames it)\n", with: "")
        .replacingOccurrences(of: "5 violations: 1 major, 4 minor; --fix can rename 1 folder.", with: "4 violations: 1 major, 3 minor; --fix renames none.")

    @Test func theCheckListsEveryProblemGroupedWithTheCanonicalNames() throws {
        let (root, keep) = try Self.fixture()
        let result = Self.run([], in: root)
        #expect(result.code == 1)
        #expect(result.out == Self.report)
        #expect(result.err.isEmpty)
        withExtendedLifetime(keep) {}
    }

    @Test func jsonListsOneEntryPerViolation() throws {
        let (root, keep) = try Self.fixture()
        let result = Self.run(["--format", "json"], in: root)
        #expect(result.code == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == 1)
        #expect(document["tasksRoot"] as? String == "tasks")
        #expect(document["fix"] is NSNull)
        let violations = try #require(document["violations"] as? [[String: Any]])
        #expect(violations.map { $0["rule"] as? String } == [
            "naming.noncanonical", "naming.noncanonical", "naming.noncanonical", "naming.noncanonical", "naming.duplicate-id",
        ])
        #expect(violations.map { $0["path"] as? String } == [
            "tasks/TN-040", "tasks/TN-058-y-150pct", "tasks/TN-98-x", "tasks/TN-99-redis-statefulset", "tasks/TN-098-x",
        ])
        #expect(violations.map { $0["suggested"] as? String } == [
            "tasks/TN-040-config-loader", "tasks/TN-058-y", "tasks/TN-098-x", "tasks/TN-099-redis-statefulset", "tasks/TN-098-x",
        ])
        #expect(violations.map { $0["renamable"] as? Bool } == [false, false, false, true, false])
        #expect(violations.map { $0["severity"] as? String } == ["minor", "minor", "minor", "minor", "major"])
        #expect(violations.map { $0["id"] as? String } == ["TN-040", "TN-058", "TN-098", "TN-099", "TN-098"])
        let problems = violations.map { ($0["problems"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String } }
        #expect(problems == [["noSlug"], ["statusSuffix"], ["idSpelling"], ["idSpelling"], ["duplicateID"]])
        #expect(violations[3]["notRenamedBecause"] is NSNull)
        // Canonical JSON: the same repository gives the same bytes.
        #expect(Self.run(["--format", "json"], in: root).out == result.out)
        withExtendedLifetime(keep) {}
    }

    @Test func jsonCarriesThePlanAndWhatWasDone() throws {
        let (root, keep) = try Self.fixture()
        func fix(_ arguments: [String]) throws -> (violations: Int, fix: [String: Any]) {
            let result = Self.run(["--fix", "--format", "json"] + arguments, in: root)
            #expect(result.code == 1)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
            return ((document["violations"] as? [Any])?.count ?? -1, try #require(document["fix"] as? [String: Any]))
        }
        let planned = try fix(["--dry-run"])
        #expect(planned.violations == 5)
        #expect(planned.fix["dryRun"] as? Bool == true)
        let renames = try #require(planned.fix["renames"] as? [[String: Any]])
        #expect(renames.map { [$0["from"] as? String, $0["to"] as? String, $0["status"] as? String] } == [
            ["tasks/TN-99-redis-statefulset", "tasks/TN-099-redis-statefulset", "planned"]
        ])
        let links = try #require(planned.fix["links"] as? [[String: Any]])
        #expect(links.map { "\($0["file"] ?? ""):\($0["line"] ?? "") \($0["from"] ?? "") → \($0["to"] ?? "")" } == [
            "docs/notes.md:3 ../tasks/TN-99-redis-statefulset/requirements.md#replicas → ../tasks/TN-099-redis-statefulset/requirements.md#replicas"
        ])
        let done = try fix([])
        #expect(done.violations == 4)
        #expect(done.fix["dryRun"] as? Bool == false)
        #expect((done.fix["renames"] as? [[String: Any]])?.first?["status"] as? String == "done")
        #expect(done.fix["rewrittenFiles"] as? [String] == ["docs/notes.md"])
        withExtendedLifetime(keep) {}
    }

    @Test func sarifListsTheFindings() throws {
        let (root, keep) = try Self.fixture()
        let result = Self.run(["--format", "sarif"], in: root)
        #expect(result.code == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == [
            "naming.noncanonical", "naming.noncanonical", "naming.noncanonical", "naming.noncanonical", "naming.duplicate-id",
        ])
        let uris = results.map { result in
            ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
                .flatMap { $0["artifactLocation"] as? [String: Any] }?["uri"] as? String
        }
        // A folder is shown at its main document, line 1: GitHub code scanning needs a file and a line.
        #expect(uris == [
            "tasks/TN-040/tasks.md", "tasks/TN-058-y-150pct/tasks.md", "tasks/TN-98-x/tasks.md", "tasks/TN-99-redis-statefulset/tasks.md",
            "tasks/TN-098-x/tasks.md",
        ])
        #expect(results.map { $0["level"] as? String } == ["warning", "warning", "warning", "warning", "error"])
        withExtendedLifetime(keep) {}
    }

    @Test func aDryRunPrintsThePlanAndChangesNothing() throws {
        let (root, keep) = try Self.fixture()
        let before = try Self.files(root)
        let result = Self.run(["--fix", "--dry-run"], in: root)
        #expect(result.code == 1)
        #expect(result.out == """
            Plan (dry run, nothing is changed):
              rename tasks/TN-99-redis-statefulset → tasks/TN-099-redis-statefulset
              rewrite link in docs/notes.md:3


            """ + Self.report)
        #expect(try Self.files(root) == before)
        #expect(try Self.status(root).isEmpty)
        withExtendedLifetime(keep) {}
    }

    @Test func fixRenamesThroughTheIndexRewritesTheLinkAndIsIdempotent() throws {
        let (root, keep) = try Self.fixture()
        let before = try Self.files(root)
        let result = Self.run(["--fix"], in: root)
        #expect(result.code == 1)
        #expect(result.out == """
            Plan:
              rename tasks/TN-99-redis-statefulset → tasks/TN-099-redis-statefulset
              rewrite link in docs/notes.md:3

            Renamed 1 folder; rewrote 1 link in 1 file.


            """ + Self.remaining)
        #expect(try Self.status(root) == [
            " M docs/notes.md",
            "R  tasks/TN-99-redis-statefulset/design/diagram.md -> tasks/TN-099-redis-statefulset/design/diagram.md",
            "R  tasks/TN-99-redis-statefulset/requirements.md -> tasks/TN-099-redis-statefulset/requirements.md",
            "R  tasks/TN-99-redis-statefulset/tasks.md -> tasks/TN-099-redis-statefulset/tasks.md",
        ])
        let after = try Self.files(root)
        #expect(String(decoding: after["docs/notes.md"] ?? Data(), as: UTF8.self) == """
            # Notes

            The [requirements](../tasks/TN-099-redis-statefulset/requirements.md#replicas) say three.
            Code stays: `../tasks/TN-99-redis-statefulset/requirements.md`.

            """)
        // The renamed folder holds the same bytes; every other file is untouched.
        var expected = before
        for (path, data) in before where path.hasPrefix("tasks/TN-99-redis-statefulset/") {
            expected[path] = nil
            expected["tasks/TN-099-redis-statefulset/" + path.dropFirst("tasks/TN-99-redis-statefulset/".count)] = data
        }
        expected["docs/notes.md"] = after["docs/notes.md"]
        #expect(after == expected)

        let again = Self.run(["--fix"], in: root)
        #expect(again.code == 1)
        #expect(again.out == "Plan: nothing to rename.\n\n" + Self.remaining)
        #expect(try Self.files(root) == after)
        withExtendedLifetime(keep) {}
    }

    /// `check-names --fix` on the fixture after writing `text` at `path` in it, with every file's bytes from before the run.
    static func fix(after path: String, _ text: String) throws -> (result: (code: Int32, out: String, err: String), root: String, before: [String: Data], keep: AnyObject) {
        let (root, keep) = try fixture()
        try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + path))
        let before = try files(root)
        return (run(["--fix"], in: root), root, before, keep)
    }

    @Test func aFolderWithAnUncommittedChangeIsRefusedAndStays() throws {
        let (result, root, before, keep) = try Self.fix(after: "tasks/TN-99-redis-statefulset/tasks.md", "- [x] chart\n- [ ] probes\n")
        #expect(result.code == 1)
        #expect(result.out == """
            Plan:
              refuse tasks/TN-99-redis-statefulset → tasks/TN-099-redis-statefulset: it has uncommitted changes: \
            tasks/TN-99-redis-statefulset/tasks.md (modified)


            """ + Self.report.replacingOccurrences(
                of: "(--fix renames it)", with: "(not renamed: it has uncommitted changes)"
            ).replacingOccurrences(of: "--fix can rename 1 folder.", with: "--fix renames none."))
        #expect(try Self.files(root) == before)
        #expect(try Self.status(root) == [" M tasks/TN-99-redis-statefulset/tasks.md"])
        withExtendedLifetime(keep) {}
    }

    @Test func outsideAGitWorkTreeTheFolderIsRenamedPlainly() throws {
        let (root, keep) = try Self.fixture(git: false)
        let result = Self.run(["--fix"], in: root)
        #expect(result.code == 1)
        #expect(result.out.hasSuffix(Self.remaining))
        let after = try Self.files(root)
        #expect(after["tasks/TN-099-redis-statefulset/design/diagram.md"] != nil)
        #expect(!after.keys.contains { $0.hasPrefix("tasks/TN-99-redis-statefulset/") })
        #expect(String(decoding: after["docs/notes.md"] ?? Data(), as: UTF8.self).contains("(../tasks/TN-099-redis-statefulset/requirements.md#replicas)"))
        withExtendedLifetime(keep) {}
    }

    @Test func anExistingTargetIsNeverOverwritten() throws {
        let (result, root, before, keep) = try Self.fix(after: "tasks/TN-099-redis-statefulset", "placeholder\n")
        #expect(result.code == 1)
        #expect(result.out.hasPrefix("Plan: nothing to rename.\n"))
        #expect(result.out.contains(
            "  tasks/TN-99-redis-statefulset → tasks/TN-099-redis-statefulset (not renamed: tasks/TN-099-redis-statefulset already exists)\n"))
        #expect(try Self.files(root) == before)
        withExtendedLifetime(keep) {}
    }

    @Test func aCleanTreeExitsZero() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("tasks/TASKS.md", "## Phase 1: Core\n\n- [ ] **TN-001** Parser\n- [ ] **TN-002** Lexer\n")
        try repository.write("tasks/TN-001-parser/tasks.md", "- [ ] a\n")
        try repository.commit("TN-001")
        let result = Self.run([], in: repository.path)
        #expect(result.code == 0)
        #expect(result.out.hasSuffix("1 violation: 1 info; --fix renames none.\n"))
        #expect(result.out.contains("  TN-002 → tasks/TN-002-lexer (listed in tasks/TASKS.md:4)\n"))
    }

    @Test(arguments: [
        (["--dry-run"], "Error: --dry-run applies to --fix; add --fix to see the plan"),
        (["--format", "xml"], "Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'json', 'sarif' or 'codequality'."),
    ])
    func badOptionsAreUsageErrors(arguments: [String], message: String) throws {
        let (root, keep) = try Self.fixture()
        let result = Self.run(arguments, in: root)
        #expect(result.code == 2)
        #expect(result.err.hasPrefix(message))
        #expect(result.out.isEmpty)
        withExtendedLifetime(keep) {}
    }

    @Test func helpListsExitCodesAndEndsWithAnExample() {
        let result = CapturedConsole.run(["check-names", "--help"], in: "/")
        #expect(result.code == 0)
        #expect(result.out.contains("Exit codes: 0 no violation above info"))
        let discussion = result.out.components(separatedBy: "OPTIONS:").first ?? ""
        #expect(discussion.contains("Example:\n  phasecert check-names\n  phasecert check-names --fix --dry-run"))
    }

    @Test func ciAnnotatesEachViolationAndKeepsAJSONDocumentAlone() throws {
        let (root, keep) = try Self.fixture()
        let text = CapturedConsole.run(["check-names", "--ci", "--repo", root], in: "/")
        #expect(text.code == 1)
        let annotations = text.out.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(annotations.contains { $0.hasPrefix("::error file=tasks/TN-098-x,title=naming.duplicate-id") })
        #expect(annotations.contains { $0.hasPrefix("::warning file=tasks/TN-99-redis-statefulset,title=naming.noncanonical") })
        #expect(!annotations.contains { $0.contains("naming.missing-directory") } || annotations.contains { $0.hasPrefix("::notice") })

        // CI=true on GitHub Actions does the same; with JSON the commands go to standard error and the document stays whole.
        let json = CapturedConsole.run(
            ["check-names", "--format", "json", "--repo", root], in: "/", environment: ["CI": "true", "GITHUB_ACTIONS": "true"])
        #expect(!json.out.contains("::"))
        #expect(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) is [String: Any])
        #expect(json.err.contains("::error file=tasks/TN-098-x"))
        // Without either, no workflow command at all.
        #expect(!Self.run([], in: root).out.contains("::"))
        withExtendedLifetime(keep) {}
    }
}
