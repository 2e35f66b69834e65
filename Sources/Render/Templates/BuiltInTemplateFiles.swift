extension ReportTemplates {
    /// Every built-in template and catalog, keyed by its path under `templates/`
    /// (`common/completion.md.mustache`, `en/text-completion.yml`): what `phasecert init --templates`
    /// copies into a repository, where the files then override the built-in ones name by name.
    public static var builtInFiles: [String: String] { BuiltInTemplates.files }
}
