/// The kind of evidence a quality sub-score is computed from, named as its weight is under
/// `quality.weights` in `phasecert.yml`; the JSON writes the name.
public enum SubScoreName: String, Codable, Sendable, CaseIterable {
    case checklist, tests, coverage, documents, helm
}
