extension RandomAccessCollection {
    /// The index of the first element for which `isAfter` holds, found by binary search; the
    /// elements must be ordered so that it is false for a prefix and true for the rest.
    func partitionPoint(_ isAfter: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if isAfter(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
