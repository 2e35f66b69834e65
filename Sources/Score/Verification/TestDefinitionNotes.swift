import PhaseModel

/// The notes of test counts judged against the tests a file defines or a commit added
/// (`TestDefinitionCount`), in both languages.
enum TestDefinitionNotes {
    /// What was counted: `job_test.go defines 45 tests at commit 9db9e55, where the line was
    /// written`, or `commit 9af9f86 added 15 tests to webhook_test.go`.
    static func counted(_ tests: Double, file: String?, commit: String?, added: Bool) -> LocalizedText {
        let short = commit.map { String($0.prefix(7)) }
        return ClaimFigure.text { language in
            let count = ClaimFigure.number(tests, language)
            switch (language, added, file, short) {
            case let (.en, true, file?, commit?): return "commit \(commit) added \(count) tests to \(file)"
            case let (.en, true, nil, commit?): return "commit \(commit) added \(count) tests to the test files it changed"
            case let (.en, _, file?, commit?): return "\(file) defines \(count) tests at commit \(commit), where the line was written"
            case let (.en, _, file, _): return "\(file ?? "the test file named") defines \(count) tests"
            case let (.ru, true, file?, commit?): return "коммит \(commit) добавил в \(file) тестов: \(count)"
            case let (.ru, true, nil, commit?): return "коммит \(commit) добавил тестов в изменённые им файлы тестов: \(count)"
            case let (.ru, _, file?, commit?): return "в \(file) на коммите \(commit), где записана строка, определено тестов: \(count)"
            case let (.ru, _, file, _): return "в \(file ?? "названном файле тестов") определено тестов: \(count)"
            }
        }
    }

    /// What a suite of a file defines: `the suite Checkout > Refunds in tests/e2e/pay.spec.ts
    /// defines 3 tests at commit cc05090, where the line was written`.
    static func suite(_ tests: Double, suite: String?, file: String?, commit: String?) -> LocalizedText {
        let short = commit.map { String($0.prefix(7)) } ?? "?"
        let (name, path) = (suite ?? "?", file ?? "?")
        return ClaimFigure.text { language in
            let count = ClaimFigure.number(tests, language)
            return language == .en
                ? "the suite \(name) in \(path) defines \(count) tests at commit \(short), where the line was written"
                : "в наборе \(name) файла \(path) на коммите \(short), где записана строка, определено тестов: \(count)"
        }
    }

    /// What a file gained between the document's previous version and the one that wrote the line.
    static func gained(_ tests: Double, file: String?, since commit: String?) -> LocalizedText {
        let short = commit.map { String($0.prefix(7)) } ?? "?"
        let name = file ?? "?"
        return ClaimFigure.text { language in
            let count = ClaimFigure.number(tests, language)
            return language == .en
                ? "\(name) gained \(count) tests from commit \(short), the document's previous version, to the commit where the line was written"
                : "в \(name) от коммита \(short), предыдущей версии документа, до коммита, где записана строка, добавлено тестов: \(count)"
        }
    }

    /// A figure of passing tests above the tests defined.
    static func moreThanDefined(_ counted: LocalizedText) -> LocalizedText {
        counted.followed(by: ": fewer tests exist than the figure says passed", ": тестов меньше, чем, по числу, прошло")
    }

    /// A figure that differs from the definitions of files that may run other cases.
    static func otherCases(_ counted: LocalizedText) -> LocalizedText {
        counted.followed(
            by: ", but the files counted hold subtests, parametrized or generated tests, so the figure may count the cases they run",
            ", но в подсчитанных файлах есть подтесты, параметризованные или порождаемые тесты, и число может считать выполняемые ими случаи")
    }

    /// A figure below the count that may be of a part of the tests counted.
    static func part(_ counted: LocalizedText) -> LocalizedText {
        counted.followed(
            by: "; the figure is qualified or names no file, and may be of a part of them",
            "; число уточнено или не называет файла и может относиться к части из них")
    }

    /// A figure above the count of new tests while earlier commits may have added some of them.
    static func earlier(_ counted: LocalizedText) -> LocalizedText {
        counted.followed(
            by: "; earlier commits may have added some of the tests the figure counts",
            "; часть подсчитанных тестов могли добавить более ранние коммиты")
    }

    /// The file named did not exist at the commit that wrote the line: planned, or committed later.
    static func absent(file: String?, commit: String?) -> LocalizedText {
        let short = commit.map { String($0.prefix(7)) } ?? "?"
        let name = file ?? "?"
        return LocalizedText(
            en: "\(name) did not exist at commit \(short), where the line was written: it was planned or not committed yet, so its tests then are unknown",
            ru: "файла \(name) ещё не было на коммите \(short), где записана строка: его планировали или ещё не закоммитили, и его тесты тогда неизвестны")
    }

    /// A name several test files have.
    static func ambiguous(_ written: String?) -> LocalizedText {
        let name = written ?? "?"
        return LocalizedText(
            en: "several test files are named \(name), and the line does not say which one it counts",
            ru: "файлов тестов с именем \(name) несколько, и строка не уточняет, какой из них посчитан")
    }

    /// A count of new tests whose commit changed no test file it could be of.
    static func noChange(file: String?, commit: String?) -> LocalizedText {
        let short = commit.map { String($0.prefix(7)) } ?? "?"
        guard let file else {
            return LocalizedText(
                en: "commit \(short), where the line was written, changed no test file: the tests it counts came in another commit",
                ru: "коммит \(short), где записана строка, не менял файлов тестов: подсчитанные тесты добавлены другим коммитом")
        }
        return LocalizedText(
            en: "commit \(short), where the line was written, did not change \(file): the tests it counts came in another commit",
            ru: "коммит \(short), где записана строка, не менял \(file): подсчитанные тесты добавлены другим коммитом")
    }
}

extension LocalizedText {
    /// The text with a clause after it in each language.
    fileprivate func followed(by english: String, _ russian: String) -> LocalizedText {
        LocalizedText(en: en + english, ru: ru + russian)
    }
}
