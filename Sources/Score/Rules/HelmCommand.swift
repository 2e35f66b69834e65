import PhaseModel

/// The Helm command whose output a note came from, as far as the note shows it.
///
/// The two commands print most template errors in the same words (`parse error at
/// (web/templates/x.yaml:15): …` both as a lint `[ERROR]` line and as a `helm template`
/// `Error:` line). The parser records which block of the output a note came from in
/// `HelmNote.command`; a note without it (a model written before the field existed) is
/// inferred, most certain signal first:
/// 1. the note's source is a run phasecert made itself, labelled `helm lint <chart>` or
///    `helm template <chart>`;
/// 2. forms only one command prints: the fail-call log line of lint mode (`fail: …`,
///    `missing required value: …`), a lint message about a chart file that is not a template
///    location (`Chart.yaml`, `values.yaml`, `templates/`), lint's `unable to load chart`,
///    `unable to check Chart.yaml` and `unable to parse YAML`, and template's
///    `YAML parse error on …`;
/// 3. the captured file's name when it names one command and not the other
///    (`ci/helm-lint.txt`, `out/helm-template.log`);
/// 4. otherwise the note is a template error whichever command printed it, and the chart does
///    not render: `template`.
enum HelmCommand: Sendable, Equatable {
    case lint, template

    /// The command that most likely printed `note`.
    init(of note: HelmNote) {
        switch note.command {
        case "lint"?:
            self = .lint
            return
        case "template"?:
            self = .template
            return
        default:
            break
        }
        if let decided = Self.fromRun(note.source) ?? Self.fromText(note) ?? Self.fromFileName(note.source) {
            self = decided
        } else {
            self = .template
        }
    }

    private static func fromRun(_ source: Provenance) -> HelmCommand? {
        guard let file = source.file else { return nil }
        if file.hasPrefix("helm lint ") { return .lint }
        if file.hasPrefix("helm template ") { return .template }
        return nil
    }

    private static func fromText(_ note: HelmNote) -> HelmCommand? {
        let text = note.text
        if note.failCall, note.file == nil, text.hasPrefix("fail: ") || text.hasPrefix("missing required value: ") {
            return .lint
        }
        if text.hasPrefix("unable to load chart") || text.hasPrefix("unable to check Chart.yaml") || text.hasPrefix("unable to parse YAML") {
            return .lint
        }
        if text.hasPrefix("YAML parse error on ") { return .template }
        // A template error's file always comes from a `<chart>/<file>` location in its text; a
        // file the text does not name came from a lint line's own path.
        if let file = note.file, !text.contains("/" + file) { return .lint }
        return nil
    }

    private static func fromFileName(_ source: Provenance) -> HelmCommand? {
        guard let file = source.file else { return nil }
        let name = (file.split(separator: "/").last.map(String.init) ?? file).lowercased()
        let saysLint = name.contains("lint")
        let saysTemplate = name.contains("template") || name.contains("render")
        if saysLint, !saysTemplate { return .lint }
        if saysTemplate, !saysLint { return .template }
        return nil
    }
}
