/// How serious one Helm message is, as Helm labels it (`[INFO]`, `[WARNING]`, `[ERROR]`,
/// or the level of a log line).
public enum HelmSeverity: String, Sendable, Codable, CaseIterable {
    case info, warning, error
}
