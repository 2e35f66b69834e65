import Foundation

extension Array where Element: Sendable {
    /// `transform` applied to every element, in order, by every core: the array is cut into
    /// contiguous pieces of at least `minimumPiece` elements, each mapped on its own, and the
    /// pieces joined in order, so the result is the one `map` gives. For work whose elements
    /// are independent (judging one claim needs no other).
    public func concurrentMap<T: Sendable>(minimumPiece: Int = 1_000, _ transform: @Sendable (Element) -> T) -> [T] {
        let pieces = Swift.min(ProcessInfo.processInfo.activeProcessorCount * 4, count / Swift.max(1, minimumPiece))
        guard pieces > 1 else { return map(transform) }
        let size = (count + pieces - 1) / pieces
        let slots = ResultSlots<[T]>(count: pieces)
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                let start = piece * size
                let end = Swift.min(count, start + size)
                slots.set(piece, start < end ? self[start..<end].map(transform) : [])
            }
        }
        return slots.values().flatMap { $0 }
    }
}
