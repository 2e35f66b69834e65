import Foundation

/// Results written by parallel workers, one slot each, read back in order: parallel work
/// gives the same output whichever piece finished first.
public final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]
    private var done = 0

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func set(_ index: Int, _ value: Value) {
        lock.withLock {
            slots[index] = value
            done += 1
        }
    }

    /// How many slots are filled.
    public func finished() -> Int { lock.withLock { done } }

    /// Every value in slot order; call once every slot is set (after `concurrentPerform`).
    public func values() -> [Value] { lock.withLock { slots.compactMap { $0 } } }
}
