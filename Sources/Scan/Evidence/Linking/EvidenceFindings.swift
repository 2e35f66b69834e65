import PhaseModel

/// Findings the evidence stage raises about the files it read, in English and Russian.
enum EvidenceFindings {
    /// Most problem findings per file; the rest are counted in one more finding.
    static let perFileLimit = 20

    static func problem(_ problem: EvidenceProblem, kind: String) -> Finding {
        if problem.resultsKept { return figureProblem(problem, kind: kind) }
        return Finding(
            rule: .evidenceMalformed, severity: .major, at: .file(problem.file, line: problem.line),
            message: LocalizedText(
                en: "\(kind) \(problem.file)\(problem.line.map { ":\($0)" } ?? ""): \(problem.message). Figures from this file may be incomplete.",
                ru: "\(kind) \(problem.file)\(problem.line.map { ":\($0)" } ?? ""): \(problem.message). Данные этого файла могут быть неполными."
            ),
            remediation: LocalizedText(
                en: "Regenerate the file from a complete run, or exclude it with evidence.exclude in phasecert.yml.",
                ru: "Сформируйте файл заново по полному прогону или исключите его через evidence.exclude в phasecert.yml."
            )
        )
    }

    /// A figure beside a result (a duration) that could not be read; the result itself counts.
    static func figureProblem(_ problem: EvidenceProblem, kind: String) -> Finding {
        Finding(
            rule: .evidenceFigureUnreadable, severity: .minor, at: .file(problem.file, line: problem.line),
            message: LocalizedText(
                en: "\(kind) \(problem.file)\(problem.line.map { ":\($0)" } ?? ""): \(problem.message).",
                ru: "\(kind) \(problem.file)\(problem.line.map { ":\($0)" } ?? ""): \(problem.message)."
            )
        )
    }

    static func moreProblems(_ count: Int, file: String) -> Finding {
        Finding(
            rule: .evidenceMalformed, severity: .major, at: .file(file, line: nil),
            message: LocalizedText(
                en: "\(file) has \(count) more problems than those listed.",
                ru: "В \(file) ещё \(count) проблем сверх перечисленных."
            )
        )
    }

    static func moreFigureProblems(_ count: Int, file: String) -> Finding {
        Finding(
            rule: .evidenceFigureUnreadable, severity: .minor, at: .file(file, line: nil),
            message: LocalizedText(
                en: "\(file) has \(count) more unreadable figures than those listed; their results count.",
                ru: "В \(file) ещё \(count) нечитаемых значений сверх перечисленных; результаты при них учтены."
            )
        )
    }

    static func testSourceProblem(_ problem: EvidenceProblem) -> Finding {
        Finding(
            rule: .evidenceTestSourceUnreadable, severity: .minor, at: .file(problem.file, line: problem.line),
            message: LocalizedText(
                en: "Test inventory of \(problem.file): \(problem.message).",
                ru: "Перечень тестов в \(problem.file): \(problem.message)."
            )
        )
    }

    static func unlinked(_ counts: TestCounts) -> Finding {
        Finding(
            rule: .testsUnlinked, severity: .info,
            message: LocalizedText(
                en: "\(counts.executed) test results match no task: no task's commits touched their test files. They count for the workspace only.",
                ru: "Результаты тестов (\(counts.executed)) не относятся ни к одной задаче: коммиты задач не меняли их тестовые файлы. Они учтены только для всего репозитория."
            ),
            remediation: LocalizedText(
                en: "Name the task id in the commits that add or change these tests.",
                ru: "Указывайте идентификатор задачи в коммитах, которые добавляют или меняют эти тесты."
            )
        )
    }

    static func helmRunFailed(chart: String, command: String, reason: String) -> Finding {
        Finding(
            rule: .helmRunFailed, severity: .major, at: .file(chart, line: nil),
            message: LocalizedText(
                en: "helm \(command) on \(chart) did not finish: \(reason). The chart has no validation evidence from this run.",
                ru: "helm \(command) для \(chart) не завершился: \(reason). У чарта нет данных проверки из этого запуска."
            ),
            remediation: LocalizedText(
                en: "Run helm \(command) \(chart) by hand to see why, or save its output to a file phasecert can read.",
                ru: "Запустите helm \(command) \(chart) вручную, чтобы понять причину, или сохраните его вывод в файл для phasecert."
            )
        )
    }
}
