import PhaseModel

/// The `phasecert.yml` that `phasecert init` writes: every key with its default value and what it
/// does, so a team edits values instead of looking up key names.
///
/// Loading this text gives exactly `Configuration()`; a test keeps the two in step.
public enum DefaultConfiguration {
    /// The commented default configuration file, in English (`messages/en/scan-config.yml`).
    public static let yaml = LocalizedText(message: "cli.init.configuration").en
}
