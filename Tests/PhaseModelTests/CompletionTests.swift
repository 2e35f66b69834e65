import Foundation
import PhaseModel
import Testing

@Suite("Completion")
struct CompletionTests {
    @Test("10.5 of 11 tasks is 95.4545…%, unrounded")
    func tenAndAHalfOfEleven() throws {
        let completion = Completion(done: 10.5, total: 11)
        let percent = try #require(completion.percent)
        #expect(percent == 10.5 / 11 * 100)
        #expect(abs(percent - 95.454_545_454_545) < 1e-9)
        #expect(completion.done == 10.5)
        #expect(completion.total == 11)
    }

    @Test("Zero tasks have no completion percentage, not 0% and not 100%")
    func zeroTasksHaveNoPercent() throws {
        let completion = Completion(done: 0, total: 0)
        #expect(completion.percent == nil)
        let json = try JSONSerialization.jsonObject(with: CanonicalJSON.encode(completion)) as? [String: Any]
        #expect(json?["percent"] is NSNull)
    }

    @Test("All tasks done is exactly 100%")
    func allDone() {
        #expect(Completion(done: 11, total: 11).percent == 100)
    }

    @Test("No task done is 0%, a value and not null")
    func noneDone() {
        #expect(Completion(done: 0, total: 4).percent == 0)
    }

    @Test("The percentage survives a JSON round trip unchanged")
    func percentRoundTrips() throws {
        let completion = Completion(done: 10.5, total: 11)
        let decoded = try CanonicalJSON.decode(Completion.self, from: CanonicalJSON.encode(completion))
        #expect(decoded == completion)
        #expect(decoded.percent == 10.5 / 11 * 100)
    }
}
