/// A binary heap that pops the element ordered first by `isBefore`.
struct BinaryHeap<Element> {
    private var storage: [Element] = []
    private let isBefore: (Element, Element) -> Bool

    init(isBefore: @escaping (Element, Element) -> Bool) { self.isBefore = isBefore }

    var first: Element? { storage.first }

    mutating func push(_ element: Element) {
        storage.append(element)
        var child = storage.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard isBefore(storage[child], storage[parent]) else { break }
            storage.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Element? {
        guard !storage.isEmpty else { return nil }
        storage.swapAt(0, storage.count - 1)
        let top = storage.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var best = parent
            if left < storage.count && isBefore(storage[left], storage[best]) { best = left }
            if right < storage.count && isBefore(storage[right], storage[best]) { best = right }
            guard best != parent else { break }
            storage.swapAt(parent, best)
            parent = best
        }
        return top
    }
}
