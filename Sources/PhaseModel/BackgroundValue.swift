import Dispatch

/// A value worked out on a thread of its own (`OwnThread`) while the caller goes on; `value`
/// waits for it.
public final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Value?

    public init(_ work: @escaping @Sendable () -> Value) {
        OwnThread.start(in: group) { [self] in result = work() }
    }

    /// The value, once worked out. The group's wait orders the write before this read.
    public var value: Value {
        group.wait()
        return result!
    }

    /// The value, once worked out, no longer held here: a large value then lives as long as the
    /// caller keeps it, not as long as this object. Asked for at most once, and `value` not after.
    public func take() -> Value {
        group.wait()
        defer { result = nil }
        return result!
    }

    /// Returns once the value is worked out (and whatever the work wrote is written).
    public func wait() {
        group.wait()
    }
}
