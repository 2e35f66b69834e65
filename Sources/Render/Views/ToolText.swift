import PhaseModel

extension ViewText {
    /// The phasecert that wrote a report, for its methodology section: name, version and the
    /// commit it was built from, as Markdown that the claim scanner reads no figure in.
    func tool(_ version: ToolVersion) -> String {
        let values = ["name": version.name, "version": version.version, "commit": version.commit ?? ""]
        let text = catalog.text(version.commit == nil ? "tool.version.noCommit" : "tool.version", values)
        return guarded(text)
    }
}
