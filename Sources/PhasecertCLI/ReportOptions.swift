import ArgumentParser
import Foundation
import PhaseModel
import Render
import Scan

/// `--phase`, `--lang`, `--format` and `--out`, shared by `report` and `audit`.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.options.phase.help").en, valueName: "id"))
    var phase: [String] = []

    @Option(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.options.lang.help").en, valueName: "list"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.options.format.help").en, valueName: "list"))
    var format: String?

    @Option(name: .long, help: ArgumentHelp(LocalizedText(message: "cli.options.out.help").en, valueName: "dir"))
    var out: String?

    func locales(configuration: Configuration) throws -> [ReportLocale] {
        try Self.locales(lang, configuration: configuration)
    }

    /// The locales of a `--lang` list, or the configuration's when there is none.
    static func locales(_ lang: String?, configuration: Configuration) throws -> [ReportLocale] {
        let names = lang.map(Self.split) ?? configuration.locales
        return try names.map { name in
            guard let locale = ReportLocale(rawValue: name) else {
                throw ReportOptionError(option: "--lang", value: name, expected: ReportLocale.allCases.map(\.rawValue))
            }
            return locale
        }
    }

    func formats(default defaults: [ReportFormat], allowed: [ReportFormat] = ReportFormat.allCases) throws -> [ReportFormat] {
        guard let format else { return defaults }
        return try Self.split(format).map { name in
            guard let format = ReportFormat(rawValue: name), allowed.contains(format) else {
                throw ReportOptionError(option: "--format", value: name, expected: allowed.map(\.rawValue))
            }
            return format
        }
    }

    /// The output folder: `--out` from the current folder, else the reports folder in the repository.
    func outputFolder(repository: String, configuration: Configuration, console: Console) -> String {
        if let out {
            return console.absolute(out)
        }
        return Self.reportsFolder(repository: repository, configuration: configuration)
    }

    /// The configured reports folder, in the repository.
    static func reportsFolder(repository: String, configuration: Configuration) -> String {
        URL(fileURLWithPath: repository).appendingPathComponent(configuration.reports.folder).standardizedFileURL.path
    }

    private static func split(_ list: String) -> [String] {
        var seen = Set<String>()
        return list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

/// A `--lang` or `--format` value phasecert does not know.
struct ReportOptionError: UserFacingError {
    var option: String
    var value: String
    var expected: [String]

    var exitCode: Int32 { PhasecertMain.ExitCode.usage }
    var description: String {
        let arguments: [String: MessageArgument] = [
            "option": .text(option), "value": .text(value), "expected": .text(expected.joined(separator: ", ")),
        ]
        return LocalizedText(message: "error.option.unknown-value", arguments).en
    }
}
