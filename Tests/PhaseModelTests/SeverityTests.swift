import PhaseModel
import Testing

@Suite("Severity")
struct SeverityTests {
    @Test("Severities order from most to least severe: critical < major < minor < info")
    func ordering() {
        #expect(Severity.critical < .major)
        #expect(Severity.major < .minor)
        #expect(Severity.minor < .info)
        #expect(Severity.critical < .info)
        #expect(!(Severity.info < .critical))
        #expect(!(Severity.major < .major))
    }

    @Test("Sorting puts the most severe first")
    func sorting() {
        #expect([Severity.info, .minor, .critical, .major, .critical].sorted() == [.critical, .critical, .major, .minor, .info])
        #expect([Severity.minor, .major, .info].min() == .major)
    }

    @Test("allCases lists severities from most to least severe")
    func allCasesAreOrdered() {
        #expect(Severity.allCases == Severity.allCases.sorted())
        #expect(Severity.allCases.map(\.rawValue) == ["critical", "major", "minor", "info"])
    }
}
