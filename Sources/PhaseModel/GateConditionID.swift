/// A gate condition, named by its key under `gate` in `phasecert.yml`; the JSON writes the key.
public enum GateConditionID: String, Codable, Sendable, CaseIterable {
    case maxCritical, maxMajor, minCompletion, minQuality, minTestPassRate, minCoverage
}
