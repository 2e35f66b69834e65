/// The subset of SARIF 2.1.0 (OASIS, `sarif-schema-2.1.0.json`) phasecert writes: one run, its
/// rules and its results. Property names are SARIF's own.
struct SARIFLog: Encodable {
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]

    private enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        /// Where relative `artifactLocation.uri`s start: the repository root.
        var originalUriBaseIds: [String: ArtifactLocation]
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name: String
        var version: String
        var semanticVersion: String
        var informationUri: String
        var rules: [Rule]
        var properties: DriverProperties
    }

    struct DriverProperties: Encodable {
        /// The commit phasecert was built from, when the build knew it.
        var commit: String?
    }

    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        /// What to do, as GitHub code scanning shows it beside an alert.
        var help: Help
        var helpUri: String
        var defaultConfiguration: Configuration
        var properties: RuleProperties
    }

    struct Help: Encodable {
        var text: String
        var markdown: String
    }

    struct RuleProperties: Encodable {
        /// phasecert's own severity, which SARIF's three levels cannot hold.
        var severity: String
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct Message: Encodable {
        var text: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]?
        var partialFingerprints: [String: String]
        var properties: ResultProperties
    }

    struct ResultProperties: Encodable {
        var severity: String
        var task: String?
        var phase: String?
        /// The commit a finding points at, when it points at one rather than a file.
        var commit: String?
        var remediation: String?
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    struct Region: Encodable {
        var startLine: Int
    }
}
