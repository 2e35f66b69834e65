import PhaseModel
import Testing

/// `concurrentMap(minimumPiece:room:_:)` leaves room for `room` more elements, so that elements
/// put in front later move the result in place; the elements are those of `map` either way.
struct ConcurrentMapRoomTests {
    @Test(arguments: [(0, 0), (3, 0), (3, 16), (5_000, 0), (5_000, 1_024)])
    func theResultIsMapsWithRoomForMore(count: Int, room: Int) {
        let input = Array(0..<count)
        let mapped = input.concurrentMap(minimumPiece: 256, room: room) { $0 * 3 + 1 }
        #expect(mapped == input.map { $0 * 3 + 1 })
        #expect(mapped.capacity >= count + room)
    }

    @Test func putInFrontWithinTheRoomTheArrayStaysWhereItIs() {
        var mapped = Array(0..<5_000).concurrentMap(minimumPiece: 256, room: 64) { String($0) }
        let before = mapped.withUnsafeBufferPointer { $0.baseAddress }
        mapped.insert(contentsOf: ["a", "b"], at: 0)
        #expect(mapped.withUnsafeBufferPointer { $0.baseAddress } == before)
        #expect(mapped.prefix(3) == ["a", "b", "0"])
        #expect(mapped.count == 5_002)
    }
}
