import Foundation
import PhaseModel

/// What test counts were worked out from, kept for the claims after: the commit that wrote each
/// line, the work tree's test files by name, and each file's definitions at a commit.
struct TestCountCache {
    /// By document and line text: the commit that wrote the line; `.some(nil)`: not known.
    var lineCommits: [String: String?] = [:]
    /// By commit and path: the lines of the document versions `lineCommits` looked in.
    var lineIndexes: [String: ByteText.LineIndex] = [:]
    /// The work tree's test files by the name their runner's pattern leaves (`job` for
    /// `job_test.go`, `HPTracker` for `HPTracker.test.tsx`); built on first need.
    var byName: [String: [String]]?
    /// The work tree's documents, by path, to read single lines from.
    var documentLines: [String: DocumentLines] = [:]
    /// By commit, then path: the tests defined there, or `nil` when the file cannot be read there.
    /// Keyed in two steps so that the keys are the commit's and the path's own strings: one key
    /// joining both was a new string per entry (19.7 MB of a cold scan's peak at 100,000 commits).
    var definitions: [String: [String: Definitions?]] = [:]
    /// By blob and path (`ClaimFacts.Lookup.committedEntry`): the tests defined, parsed once
    /// whatever commits had that content.
    var definitionsByBlob: [String: Definitions?] = [:]
    /// The work tree's test files, in work-tree order; listed on first need.
    var testFiles: [String]?
    /// By commit: the suites of the work tree's test files as that commit had them, by the suite's
    /// own name (the last title of its path), only names that identify a suite
    /// (`ClaimFacts.Lookup.identifiesSuite`); built on first need.
    var suites: [String: [String: [Suite]]] = [:]

    /// The tests a file defines, counted by suite and name (a name may stand twice in a file).
    struct Definitions {
        var names: [String: Int]
        /// Subtests, parametrized tests or tests declared in a loop (`TestCaseMultipliers`).
        var otherCases: Bool
        var absent: Bool
        /// By suite path (`A > B` for `describe` groups, `TestA.TestB` for Python classes,
        /// `Outer.Inner` for Swift types) and every path above it: the tests inside, nested
        /// suites' included.
        var suites: [String: Int] = [:]
    }

    /// One suite of a test file at a commit.
    struct Suite: Equatable {
        var path: String
        /// The suite's path in the file, as `Definitions.suites` keys it.
        var suite: String
        var tests: Int
        var otherCases: Bool
    }
}

extension ClaimFacts.Lookup {
    /// A test count that names a test file (`claimedValue`, as written) or counts new tests
    /// (subject `new`), against the tests defined at the commit that wrote its line (a commit
    /// subject's own commit; the work tree for a document no commit has):
    ///
    /// - a file named: `verified` is the tests it defines there, `verifiedValue` its path, basis
    ///   `testFile`; a file that did not exist there is `absentAtDocumentCommit` (a plan), a name
    ///   several test files have is `ambiguousPath`.
    /// - new tests: `verified` is the tests that commit added (names its files define that its
    ///   parent's did not, less names it removed from any test file, so a test moved is not new),
    ///   in the file named or else in every test file it changed; basis `testsAdded`, and
    ///   `noTestChange` when it changed no such file. A merge, or a commit whose changes are not
    ///   all known, gives nothing.
    ///
    /// - no file named (or a bare name no test file has), not new tests: the suite the line labels
    ///   the count with, if any (`addTestSuite`), basis `testSuite`.
    ///
    /// `otherCases` is set when the files counted may run other cases than they define.
    mutating func addTestDefinitions(to claim: inout Claim) {
        let isNew = claim.subject == "new"
        let written = claim.claimedValue
        guard written != nil || isNew else {
            addTestSuite(to: &claim)
            return
        }
        let commit: String?
        switch claim.source {
        case let .commit(id): commit = id
        case let .file(document, line): commit = line.flatMap { lineCommit(document: document, line: $0) }
        }
        var path: String?
        if let written {
            switch testFile(written, for: claim, at: commit) {
            case let .found(found): path = found
            case .ambiguous:
                claim.evidenceBasis = ClaimEvidenceBasis(.ambiguousPath)
                return
            case .missing:
                // A bare name no test file has (`**Refund rules**: 5 tests` gives `rules`) names no file.
                if !isNew, !PathToken.isPathLike(written) { addTestSuite(to: &claim) }
                return
            case .outside: return
            }
        }
        let line: String?
        if case let .file(document, number?) = claim.source { line = lineText(document, number) } else { line = nil }
        // A figure below the count is of a part unless it is written as the file's own count, or
        // as the new tests of a file the claim's commit changed: `14 failing tests:` above a list of
        // files, `17 tests for validation`, a count that names no file.
        let ofPart = TestCountReference.narrows(claim.text, line: line, written: written) || path == nil
            || (!isNew && !TestCountReference.labels(claim.text, line: line, written: written))
        if isNew {
            guard let commit else { return }
            addNewTests(to: &claim, path: path, commit: commit, ofPart: ofPart)
            return
        }
        guard let path else { return }
        var counted = commit.map { definitions(of: path, at: $0) } ?? workTreeDefinitions(of: path)
        // A file renamed since stood at the commit under a name it had then. When what the line
        // wrote names that one too, it is the same file, not one planned or yet to be committed;
        // a path written as it reads now, before the file had it, still is a plan.
        if let commit, let written, counted?.absent == true, let earlier = earlierName(of: path, at: commit, naming: written) {
            counted = definitions(of: earlier, at: commit)
        }
        guard let counted else { return }
        claim.verifiedValue = path
        if counted.absent {
            claim.evidenceBasis = ClaimEvidenceBasis(.absentAtDocumentCommit, commit: commit)
            return
        }
        claim.verified = Double(counted.names.values.reduce(0, +))
        claim.evidenceBasis = ClaimEvidenceBasis(
            .testFile, commit: commit, otherCases: counted.otherCases ? true : nil, ofPart: ofPart ? true : nil)
    }

    /// A count that names no file, labelled on its line by the name of a test suite: `Responsive
    /// layout (3 tests)`, `- **Checkout refunds**: 4 tests`, `| Session expiry | 5 tests |`. The
    /// label is the text right before the count, with only spaces and marks (`(`, `:`, `-`, `|`,
    /// `*`, quotes) between; the suite's name must be the whole of the label's last phrase: it
    /// ends the label and starts it, or follows a mark (`T12 Extended: Responsive layout`), so
    /// `Visual layout (3 tests)` is no count of a suite named `layout`.
    ///
    /// Names are matched case-sensitively: a suite's title is a name a line copies; prose that
    /// merely uses its words (`the checkout refunds flow`) is usually written in other case, and a
    /// miss leaves the count as it was. Names that identify nothing (`identifiesSuite`) never match.
    ///
    /// Candidates are the suites of the work tree's test files, read as the commit that wrote the
    /// line had them. Exactly one suite (one file, one suite path) must have the name: two files,
    /// or two paths in one file (`A > Errors`, `B > Errors`), leave the count as it was.
    ///
    /// `verified` is the tests defined under the suite, nested suites' included (a `describe`
    /// inside it counts its tests; two groups of the same title at the same place count together,
    /// as a runner reports them), `verifiedValue` the file, basis `testSuite` with the suite's path.
    /// The figure is of a part only when its own words qualify it (`TestCountReference.narrows`).
    private mutating func addTestSuite(to claim: inout Claim) {
        guard case let .file(document, number?) = claim.source, let line = lineText(document, number),
            let found = line.range(of: claim.text),
            line.range(of: claim.text, range: found.upperBound..<line.endIndex) == nil,
            let label = Self.suiteLabel(line[..<found.lowerBound]), Self.hasLongWord(label),
            let commit = lineCommit(document: document, line: number)
        else { return }
        let index = suiteIndex(at: commit)
        guard !index.isEmpty else { return }
        var matches: [TestCountCache.Suite] = []
        for start in Self.phraseStarts(in: label) {
            matches += index[String(label[start...])] ?? []
        }
        guard matches.count == 1, let match = matches.first else { return }
        let ofPart = TestCountReference.narrows(claim.text, line: line, written: nil)
        claim.verified = Double(match.tests)
        claim.verifiedValue = match.path
        claim.evidenceBasis = ClaimEvidenceBasis(
            .testSuite, commit: commit, otherCases: match.otherCases ? true : nil, ofPart: ofPart ? true : nil,
            suite: match.suite)
    }

    /// The work tree's test files' suites as `commit` had them, by name.
    private mutating func suiteIndex(at commit: String) -> [String: [TestCountCache.Suite]] {
        if let known = tests.suites[commit] { return known }
        var index: [String: [TestCountCache.Suite]] = [:]
        if tests.testFiles == nil { tests.testFiles = facts.workTree.filter { TestInventory.language(ofTestFile: $0) != nil } }
        for path in tests.testFiles ?? [] {
            // Not kept by commit and path: the index is kept by commit, and no claim asks for
            // most of its files at that commit again.
            guard let defined = readDefinitions(of: path, at: commit), !defined.absent else { continue }
            let separator = Self.suiteSeparator(of: path)
            for (suite, count) in defined.suites {
                let name = suite.components(separatedBy: separator).last ?? suite
                guard Self.identifiesSuite(name) else { continue }
                index[name, default: []].append(
                    TestCountCache.Suite(path: path, suite: suite, tests: count, otherCases: defined.otherCases))
            }
        }
        tests.suites[commit] = index
        return index
    }

    /// How the test inventory joins a suite's titles in `path`: ` > ` for JavaScript `describe`
    /// groups, `.` for Python classes and Swift types.
    private static func suiteSeparator(of path: String) -> String {
        switch TestInventory.language(ofTestFile: path) {
        case .javascript?, .typescript?: return " > "
        default: return "."
        }
    }

    /// Whether a suite's name may identify it from a report's line: it has a word of 8 letters or
    /// more (`Responsive`; not `Errors`, `API v2`, `Edge cases`) and is no name of a kind of test
    /// or of a part every project has (`Integration`, `Unit tests`, `Error handling`).
    static func identifiesSuite(_ name: String) -> Bool {
        hasLongWord(name[...]) && !genericSuiteNames.contains(name.lowercased())
    }

    /// Suite names that say what kind of tests, or of what common part, rather than which suite.
    private static let genericSuiteNames: Set<String> = [
        "integration", "integration tests", "unit tests", "end-to-end", "end-to-end tests", "e2e tests", "api tests",
        "functional", "functional tests", "regression", "regression tests", "performance", "performance tests",
        "smoke tests", "component tests", "components", "utilities", "utils tests", "helpers tests", "validation",
        "error handling", "rendering", "basic rendering", "accessibility", "interactions", "behaviour", "behavior",
        "edge cases and error handling", // program text: compared with suite names, never shown
        "snapshots", "security", "security tests",
    ]

    /// Whether `text` has a run of 8 letters or more.
    private static func hasLongWord(_ text: Substring) -> Bool {
        var run = 0
        for character in text {
            run = character.isLetter ? run + 1 : 0
            if run >= 8 { return true }
        }
        return false
    }

    /// The text before a count that labels it, without the spaces and marks between (`Foo (`,
    /// `**Foo**: `, `| Foo | `); `nil` when anything else stands between (`Foo has 3 tests`).
    /// The label runs from the line's start: which phrase of it names a suite is `phraseStarts`'.
    private static func suiteLabel(_ before: Substring) -> Substring? {
        var label = before
        while let last = label.last, last.isWhitespace || labelMarks.contains(last) { label.removeLast() }
        // `Screen readers (ARIA) (6 tests)`: a title may end with a bracket of its own.
        guard let last = label.last, last.isLetter || last.isNumber || (last == ")" && label.contains("("))
        else { return nil }
        return label
    }

    /// Marks that may stand between a label and its count, or start a label's last phrase.
    private static let labelMarks: Set<Character> = ["(", "[", ":", "-", "—", "–", "*", "_", "`", "|", "'", "\"", "#", ">", "="]

    /// Where the label's last phrase may start: at a word's first letter that starts the label or
    /// follows a mark (spaces between), not another word (`Visual layout`: `Visual`, not `layout`).
    private static func phraseStarts(in label: Substring) -> [Substring.Index] {
        var starts: [Substring.Index] = []
        var previous: Character?
        var lastVisible: Character?
        var index = label.startIndex
        while index < label.endIndex {
            let character = label[index]
            let isWordCharacter = character.isLetter || character.isNumber
            if isWordCharacter, !(previous.map { $0.isLetter || $0.isNumber } ?? false),
                lastVisible.map(labelMarks.contains) ?? true
            {
                starts.append(index)
            }
            if !character.isWhitespace { lastVisible = character }
            previous = character
            index = label.index(after: index)
        }
        return starts
    }

    /// The tests `commit` added, in `path` or in every test file it changed.
    private mutating func addNewTests(to claim: inout Claim, path: String?, commit: String, ofPart: Bool) {
        guard let history = facts.history, let stats = history.stats[commit], stats.isComplete,
            let position = position(of: commit), case let parents = history.commits[position].parents, parents.count <= 1
        else { return }
        let changed = stats.files.filter { TestInventory.language(ofTestFile: $0.path) != nil }
        let considered = path.map { path in changed.filter { $0.path == path } } ?? changed
        claim.verifiedValue = path ?? commit
        guard !considered.isEmpty else {
            // The report came after the work: what the file gained since the document last spoke.
            if let path, let since = addedSinceDocument(to: path, before: commit, claim: claim), since.count > 0 {
                claim.verified = Double(since.count)
                claim.evidenceBasis = ClaimEvidenceBasis(
                    .testsAddedSince, commit: since.previous, otherCases: since.otherCases ? true : nil,
                    ofPart: ofPart ? true : nil)
                return
            }
            claim.evidenceBasis = ClaimEvidenceBasis(.noTestChange, commit: commit)
            return
        }
        var added: [String: Int] = [:]
        var removed: [String: Int] = [:]
        var otherCases = false
        for file in changed {
            let before = parents.first.flatMap { definitions(of: file.oldPath ?? file.path, at: $0) }
            guard let after = definitions(of: file.path, at: commit) else { return }
            let old = before?.names ?? [:]
            for (name, count) in after.names where count > old[name, default: 0] {
                if considered.contains(where: { $0.path == file.path }) { added[name, default: 0] += count - old[name, default: 0] }
            }
            for (name, count) in old where count > after.names[name, default: 0] {
                removed[name, default: 0] += count - after.names[name, default: 0]
            }
            if considered.contains(where: { $0.path == file.path }) { otherCases = otherCases || after.otherCases }
        }
        // A test that moved from one file to another is no new test.
        let new = added.reduce(0) { sum, entry in sum + max(0, entry.value - removed[entry.key, default: 0]) }
        claim.verified = Double(new)
        let earlier = path.map { earlierChanges(to: $0, before: commit, claim: claim, counted: new) } ?? true
        claim.evidenceBasis = ClaimEvidenceBasis(
            .testsAdded, commit: commit, otherCases: otherCases ? true : nil, ofPart: ofPart ? true : nil,
            earlierChanges: earlier ? true : nil)
    }

    /// Whether commits before `commit` may have added some of the new tests of `path` a line
    /// counts: the file gained more tests since the document's previous version than `commit`
    /// alone added (`counted`), or the document has no previous version. A commit's own subject
    /// speaks of that commit only.
    private mutating func earlierChanges(to path: String, before commit: String, claim: Claim, counted: Int) -> Bool {
        guard claim.source.file != nil else { return false }
        guard let since = addedSinceDocument(to: path, before: commit, claim: claim) else { return true }
        return since.count > counted
    }

    /// The tests `path` gained from the document's version before `commit` (`previous`) to
    /// `commit`: the work a report written at `commit` speaks of when it came after the work.
    /// `nil` when the document has no earlier version or the file cannot be read at either.
    private mutating func addedSinceDocument(
        to path: String, before commit: String, claim: Claim
    ) -> (count: Int, previous: String, otherCases: Bool)? {
        guard let document = claim.source.file else { return nil }
        let versions = commitsChanging(document)
        guard let position = versions.firstIndex(of: commit), position + 1 < versions.count,
            let before = definitions(of: path, at: versions[position + 1]), let now = definitions(of: path, at: commit),
            !now.absent
        else { return nil }
        let count = now.names.reduce(0) { sum, entry in sum + max(0, entry.value - before.names[entry.key, default: 0]) }
        return (count, versions[position + 1], now.otherCases)
    }

    /// The test file a count names: a path found as any claim's path is, or a bare name that
    /// exactly one test file of the work tree has (its runner's pattern taken off: `otel` for
    /// `otel_test.go`), else the one whose name ends with `_` and it (`webhook` for
    /// `locusttest_webhook_test.go`).
    private mutating func testFile(_ written: String, for claim: Claim, at commit: String?) -> ClaimPathResolver.Resolution {
        if PathToken.isPathLike(written) {
            let resolution = resolve(written, for: claim, folders: false)
            switch resolution {
            case let .found(path):
                return TestInventory.language(ofTestFile: path) == nil ? .missing : resolution
            case .missing:
                // Gone from the work tree since: the commit that wrote the line may have it.
                guard let commit, let document = claim.source.file,
                    let found = committedCandidate(written, document: document, commit: commit)
                else { return .missing }
                return TestInventory.language(ofTestFile: found.path) == nil ? .missing : .found(found.path)
            case .ambiguous, .outside:
                return resolution
            }
        }
        let index = testFilesByName()
        var matches = index[written] ?? []
        if matches.isEmpty {
            matches = index.filter { $0.key.hasSuffix("_" + written) }.flatMap(\.value)
        }
        switch matches.count {
        case 0: return .missing
        case 1: return .found(matches[0])
        default: return .ambiguous
        }
    }

    private mutating func testFilesByName() -> [String: [String]] {
        if let known = tests.byName { return known }
        var index: [String: [String]] = [:]
        for path in facts.workTree where TestInventory.language(ofTestFile: path) != nil {
            guard let name = Self.testName(of: path) else { continue }
            index[name, default: []].append(path)
        }
        tests.byName = index
        return index
    }

    /// A test file's name without its runner's pattern: `job` for `job_test.go`, `HPTracker`
    /// for `HPTracker.test.tsx`, `bar` for `test_bar.py`, `Parser` for `ParserTests.swift`.
    static func testName(of path: String) -> String? {
        guard let file = path.split(separator: "/").last.map(String.init) else { return nil }
        for suffix in ["_test.go", "_test.py", "Tests.swift", "Test.swift"] where file.hasSuffix(suffix) {
            return String(file.dropLast(suffix.count))
        }
        if file.hasPrefix("test_"), file.hasSuffix(".py") { return String(file.dropFirst(5).dropLast(3)) }
        let parts = file.split(separator: ".")
        if parts.count >= 3, ["test", "spec"].contains(parts[parts.count - 2]) {
            return parts.dropLast(2).joined(separator: ".")
        }
        return parts.count >= 2 ? parts.dropLast().joined(separator: ".") : nil
    }

    /// The tests `path` defines as `commit` had it; `nil` when it cannot be read there.
    private mutating func definitions(of path: String, at commit: String) -> TestCountCache.Definitions? {
        if let known = tests.definitions[commit]?[path] { return known }
        let result = readDefinitions(of: path, at: commit)
        tests.definitions[commit, default: [:]][path] = .some(result)
        return result
    }

    /// `definitions(of:at:)` without keeping the result by commit and path (each blob's are
    /// still parsed once).
    private mutating func readDefinitions(of path: String, at commit: String) -> TestCountCache.Definitions? {
        let result: TestCountCache.Definitions?
        switch committedEntry(path, at: commit) {
        case (_, .absent)?: result = TestCountCache.Definitions(names: [:], otherCases: false, absent: true)
        case let (blobKey, .lines)?:
            // Parsed once per blob: the suites of every test file are asked for at each commit
            // that wrote a labelled count, and most files are the same at most of them.
            if let parsed = tests.definitionsByBlob[blobKey] {
                result = parsed
            } else if let data = committedData(path, at: commit) {
                result = Self.definitions(in: data, path: path)
                tests.definitionsByBlob[blobKey] = .some(result)
            } else {
                result = nil
            }
        case (_, .uncountable)?, nil: result = nil
        }
        return result
    }

    /// The first of the names `path` had before a rename (newest first) that `written` names
    /// (whole, or as its last folders and file) and under which `commit` holds a countable file.
    private mutating func earlierName(of path: String, at commit: String, naming written: String) -> String? {
        let written = String(RepositoryPath.trimmingCurrentFolder(PathToken.trimmed(Substring(written))))
        for name in (history()?.names(of: path) ?? []).dropFirst() where name == written || name.hasSuffix("/" + written) {
            if case .lines? = committedEntry(name, at: commit)?.file { return name }
        }
        return nil
    }

    private func workTreeDefinitions(of path: String) -> TestCountCache.Definitions? {
        workTreeBytes(path).flatMap { Self.definitions(in: $0, path: path) }
    }

    private static func definitions(in data: Data, path: String) -> TestCountCache.Definitions? {
        guard let found = TestInventory.definitions(data: data, path: path) else { return nil }
        var names: [String: Int] = [:]
        var suites: [String: Int] = [:]
        let separator = suiteSeparator(of: path)
        for test in found.tests {
            names[(test.suite.map { $0 + " > " } ?? "") + test.name, default: 0] += 1
            guard let suite = test.suite, !suite.isEmpty else { continue }
            var titles: [String] = []
            for title in suite.components(separatedBy: separator) {
                titles.append(title)
                suites[titles.joined(separator: separator), default: 0] += 1
            }
        }
        return TestCountCache.Definitions(
            names: names, otherCases: found.mayRunOtherCases, absent: false, suites: suites)
    }

    /// The commit that wrote line `line` of `document` as it reads now: going back from the
    /// document's newest version, the oldest of the versions in a row that hold the line. `nil`
    /// when the work tree's line is not in the newest version (edited since), or every version
    /// looked at holds it and older ones exist.
    mutating func lineCommit(document: String, line: Int) -> String? {
        guard let text = lineText(document, line) else { return nil }
        let key = document + "\u{0}" + text
        if let known = tests.lineCommits[key] { return known }
        var result: String?
        let versions = commitsChanging(document)
        let names = history()?.names(of: document) ?? [document]
        for (position, commit) in versions.enumerated() {
            guard position < Self.lineVersions else {
                result = nil
                break
            }
            let holds = names.contains { name in
                guard let version = committedText(name, at: commit) else { return false }
                let key = commit + "\u{0}" + name
                let index = tests.lineIndexes[key] ?? ByteText.LineIndex(version)
                tests.lineIndexes[key] = index
                return version.containsLine(text, index: index)
            }
            guard holds else { break }
            result = commit
        }
        tests.lineCommits[key] = .some(result)
        return result
    }

    /// How many of a document's versions, newest first, are read to find the commit of a line.
    static let lineVersions = 200

    /// Line `line` of the work tree's `document`, without the blanks around it; `nil` when blank
    /// or longer than `longestLineRead`.
    mutating func lineText(_ document: String, _ line: Int) -> String? {
        if tests.documentLines[document] == nil {
            tests.documentLines[document] = DocumentLines(workTreeBytes(document).map { [UInt8]($0) } ?? [])
        }
        return tests.documentLines[document]?.line(line, longest: Self.longestLineRead)
    }

    /// The longest line a claim's context is read from (neighbouring figures and labels, commit
    /// ids, the commit that wrote the line): every claim on a line reads all of it, so a 10 MB
    /// line of a thousand claims took minutes. A line that long is no sentence; its claims are
    /// judged without the line, as a claim whose line is not known is.
    static let longestLineRead = 64 * 1024
}
