/// The CI service a run reports to, which decides the shape of `--ci` output: GitHub Actions
/// reads workflow commands (`::error …`) and a step summary; GitLab CI reads neither, and folds
/// log sections instead.
enum CIPlatform: Equatable {
    case gitHubActions
    case gitLab

    /// The platform whose output a command writes, or `nil` for none.
    ///
    /// CI output is on with `--ci` or `CI=true`. `GITHUB_ACTIONS=true` and `GITLAB_CI=true` (each
    /// set by its own runner) say which platform; `CI=true` alone, as every CI service sets it,
    /// names none and gets no CI output. `--ci` where neither is set keeps its documented meaning:
    /// GitHub Actions annotations.
    static func chosen(flag: Bool, environment: [String: String]) -> CIPlatform? {
        if environment["GITHUB_ACTIONS"] == "true" { return flag || environment["CI"] == "true" ? .gitHubActions : nil }
        if environment["GITLAB_CI"] == "true" { return flag || environment["CI"] == "true" ? .gitLab : nil }
        return flag ? .gitHubActions : nil
    }
}
