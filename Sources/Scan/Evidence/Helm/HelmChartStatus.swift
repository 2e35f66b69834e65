/// The verdict on one chart over everything the output said about it.
///
/// - `failed`: at least one error (`[ERROR]`, `Error …` in a lint block, a `helm template`
///   error) or one template `fail`/`required` call, whatever level Helm printed it at.
/// - `warnings`: warnings and nothing worse.
/// - `passed`: only `[INFO]` messages, or none (a clean lint block, rendered manifests).
public enum HelmChartStatus: String, Sendable, Codable, CaseIterable {
    case passed, warnings, failed
}
