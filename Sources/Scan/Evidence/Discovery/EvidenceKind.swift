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

    /// A short name for people: "JUnit XML", "go test -json", …
    public var label: String {
        switch self {
        case .junit: "JUnit XML"
        case .goTestJSON: "go test -json"
        case .goTestText: "go test -v"
        case .tap: "TAP"
        case .lcov: "lcov"
        case .cobertura: "Cobertura XML"
        case .goCoverprofile: "Go coverprofile"
        case .helm: "Helm output"
        }
    }

    public static func < (lhs: EvidenceKind, rhs: EvidenceKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
