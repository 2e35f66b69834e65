import PhaseModel

/// The kinds of evidence file phasecert reads, as recognised from their content.
public enum EvidenceKind: String, Sendable, Codable, CaseIterable, Comparable {
    case junit
    case goTestJSON = "go-test-json"
    case goTestText = "go-test-text"
    case tap
    case lcov
    case cobertura
    case goCoverprofile = "go-coverprofile"
    case helm

    /// Whether files of this kind hold test results (as opposed to coverage or Helm output).
    public var holdsTestResults: Bool {
        switch self {
        case .junit, .goTestJSON, .goTestText, .tap: true
        case .lcov, .cobertura, .goCoverprofile, .helm: false
        }
    }

    /// A short name for people: "JUnit XML", "go test -json", … The same in every language: findings
    /// of both languages open with it.
    public var label: String {
        let name =
            switch self {
            case .junit: LocalizedText(message: "problem.format.junit")
            case .goTestJSON: LocalizedText(message: "problem.format.go-test-json")
            case .goTestText: LocalizedText(message: "problem.format.go-test-text")
            case .tap: LocalizedText(message: "problem.format.tap")
            case .lcov: LocalizedText(message: "problem.format.lcov")
            case .cobertura: LocalizedText(message: "problem.format.cobertura")
            case .goCoverprofile: LocalizedText(message: "problem.format.go-coverprofile")
            case .helm: LocalizedText(message: "problem.format.helm")
            }
        return name.en
    }

    public static func < (lhs: EvidenceKind, rhs: EvidenceKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
