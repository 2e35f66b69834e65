import PhaseModel

/// The notes of test counts judged against the tests a file defines or a commit added
/// (`TestDefinitionCount`), in both languages.
enum TestDefinitionNotes {
    /// What was counted: `job_test.go defines 45 tests at commit 9db9e55, where the line was
    /// written`, or `commit 9af9f86 added 15 tests to webhook_test.go`.
    static func counted(_ tests: Double, file: String?, commit: String?, added: Bool) -> LocalizedText {
        var arguments = figures(tests, file: file, commit: commit)
        switch (added, file, commit) {
        case (true, _?, _?): return LocalizedText(message: "note.definitions.added", arguments)
        case (true, nil, _?): return LocalizedText(message: "note.definitions.added.changed-files", arguments)
        case (_, _?, _?): return LocalizedText(message: "note.definitions.at-commit", arguments)
        default:
            if file == nil { arguments["file"] = .localized(LocalizedText(message: "note.definitions.unnamed-file")) }
            return LocalizedText(message: "note.definitions.defined", arguments)
        }
    }

    /// What a suite of a file defines: `the suite Checkout > Refunds in tests/e2e/pay.spec.ts
    /// defines 3 tests at commit cc05090, where the line was written`.
    static func suite(_ tests: Double, suite: String?, file: String?, commit: String?) -> LocalizedText {
        var arguments = figures(tests, file: file, commit: commit)
        arguments["suite"] = .text(suite ?? "?")
        return LocalizedText(message: "note.definitions.suite", arguments)
    }

    /// What a file gained between the document's previous version and the one that wrote the line.
    static func gained(_ tests: Double, file: String?, since commit: String?) -> LocalizedText {
        LocalizedText(message: "note.definitions.gained", figures(tests, file: file, commit: commit))
    }

    /// A figure of passing tests above the tests defined.
    static func moreThanDefined(_ counted: LocalizedText) -> LocalizedText {
        LocalizedText(message: "note.definitions.more-than-defined", ["counted": .localized(counted)])
    }

    /// A figure that differs from the definitions of files that may run other cases.
    static func otherCases(_ counted: LocalizedText) -> LocalizedText {
        LocalizedText(message: "note.definitions.other-cases", ["counted": .localized(counted)])
    }

    /// A figure below the count that may be of a part of the tests counted.
    static func part(_ counted: LocalizedText) -> LocalizedText {
        LocalizedText(message: "note.definitions.part", ["counted": .localized(counted)])
    }

    /// A figure above the count of new tests while earlier commits may have added some of them.
    static func earlier(_ counted: LocalizedText) -> LocalizedText {
        LocalizedText(message: "note.definitions.earlier", ["counted": .localized(counted)])
    }

    /// The file named did not exist at the commit that wrote the line: planned, or committed later.
    static func absent(file: String?, commit: String?) -> LocalizedText {
        LocalizedText(message: "note.definitions.absent", figures(nil, file: file, commit: commit))
    }

    /// A name several test files have.
    static func ambiguous(_ written: String?) -> LocalizedText {
        LocalizedText(message: "note.definitions.ambiguous", ["file": .text(written ?? "?")])
    }

    /// A count of new tests whose commit changed no test file it could be of.
    static func noChange(file: String?, commit: String?) -> LocalizedText {
        let arguments = figures(nil, file: file, commit: commit)
        return LocalizedText(message: file == nil ? "note.definitions.no-change" : "note.definitions.no-change.file", arguments)
    }

    /// The count in each language's digits, the file (or "?") and the commit shortened to seven characters (or "?").
    private static func figures(_ tests: Double?, file: String?, commit: String?) -> [String: MessageArgument] {
        var arguments: [String: MessageArgument] = [
            "file": .text(file ?? "?"), "commit": .text(commit.map { String($0.prefix(7)) } ?? "?"),
        ]
        if let tests { arguments["count"] = .localized(ClaimFigure.text { ClaimFigure.number(tests, $0) }) }
        return arguments
    }
}
