import Foundation
import Testing
@testable import PhaseModel

struct BackgroundValueTests {
    /// A value worked out on another thread, and whether anything still holds it.
    private final class Tracked: Sendable {
        let number: Int
        init(_ number: Int) { self.number = number }
    }

    @Test func takingHandsTheValueOverAndKeepsNoReferenceToIt() {
        let background = BackgroundValue { Tracked(41) }
        weak var held: Tracked?
        do {
            let taken = background.take()
            held = taken
            #expect(taken.number == 41)
        }
        // Once the caller lets it go nothing holds it, while the background value itself lives on.
        #expect(held == nil)
        withExtendedLifetime(background) {}
    }

    @Test func theValueIsStillHeldUntilTaken() {
        let background = BackgroundValue { Tracked(7) }
        weak var held: Tracked?
        do { held = background.value }
        #expect(held?.number == 7)
        withExtendedLifetime(background) {}
    }

    @Test func waitingReturnsOnceTheWorkIsDone() {
        let done = Flag()
        let background = BackgroundValue {
            Thread.sleep(forTimeInterval: 0.05)
            done.set()
            return 1
        }
        background.wait()
        #expect(done.isSet)
    }

    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }
}
