import PropertyBased
import Testing
@testable import Scan

/// `partitionPoint` finds the first element past a sorted prefix, as a linear search does.
struct PartitionPointTests {
    @Test func agreesWithALinearSearchOnSortedArrays() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...20).array(of: 0...40)) { unsorted in
            let values = unsorted.sorted()
            for bound in -1...21 {
                #expect(values.partitionPoint { $0 > bound } == (values.firstIndex { $0 > bound } ?? values.count))
                #expect(values.partitionPoint { $0 >= bound } == (values.firstIndex { $0 >= bound } ?? values.count))
            }
        }
    }

    @Test func aSliceAnswersWithItsOwnIndices() {
        let slice = [1, 3, 5, 7, 9, 11][2...]
        #expect(slice.partitionPoint { $0 > 7 } == 4)
        #expect(slice.partitionPoint { $0 > 100 } == slice.endIndex)
        #expect(slice.partitionPoint { _ in true } == slice.startIndex)
    }
}
