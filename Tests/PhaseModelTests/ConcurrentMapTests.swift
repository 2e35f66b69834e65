import PhaseModel
import PropertyBased
import Testing

struct ConcurrentMapTests {
    @Test func givesWhatMapGivesInTheSameOrder() async {
        await propertyCheck(input: Gen.int(in: -1_000...1_000).array(of: 0...300), Gen.int(in: 1...40)) { values, piece in
            #expect(values.concurrentMap(minimumPiece: piece) { $0 * 3 + 1 } == values.map { $0 * 3 + 1 })
        }
    }

    @Test func aLargeArrayIsMappedInPiecesAndJoinedInOrder() {
        let values = Array(0..<10_007)
        #expect(values.concurrentMap(minimumPiece: 10) { String($0) } == values.map { String($0) })
    }
}
