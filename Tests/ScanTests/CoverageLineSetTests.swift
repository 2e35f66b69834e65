import Foundation
import PropertyBased
import Testing
@testable import Scan

struct CoverageLineSetTests {
    @Test func aLineAddedTwiceCountsOnceAndIsHitIfEitherWasAHit() {
        var set = CoverageLineSet()
        set.add(line: 3, hit: false)
        set.add(line: 3, hit: true)
        set.add(line: 3, hit: false)
        set.add(line: 4, hit: false)
        #expect([set.foundCount, set.hitCount] as [Int] == [2, 1])
    }

    @Test func farLinesGoToTheSideAndMoveIntoTheBitsWhenTheFileFillsUp() {
        var set = CoverageLineSet()
        set.add(line: 100_000, hit: false)
        set.add(line: Int.max, hit: true)
        for line in 0..<2_000 { set.add(line: line, hit: line.isMultiple(of: 2)) }
        // 2,000 found lines allow bits up to 128,000: line 100,000 now lives there; adding it again changes nothing but the hit.
        set.add(line: 100_000, hit: true)
        set.add(line: 100_000, hit: false)
        #expect([set.foundCount, set.hitCount] as [Int] == [2_002, 1_002])
        var seen: [Int: Bool] = [:]
        set.forEach { seen[$0] = $1 }
        #expect(seen.count == 2_002)
        #expect(seen[100_000] == true)
        #expect(seen[Int.max] == true)
    }

    @Test func negativeLinesAreIgnored() {
        var set = CoverageLineSet()
        set.add(line: -1, hit: true)
        #expect(set.foundCount == 0)
    }

    @Test func countsMatchASetOfLines() async {
        let line = Gen<Int>.int(in: 0...300).map { $0 < 280 ? $0 : $0 * 10_000 }
        await propertyCheck(input: zip(line, Gen.bool()).array(of: 0...200)) { additions in
            var set = CoverageLineSet()
            var other = CoverageLineSet()
            for (index, (line, hit)) in additions.enumerated() {
                if index.isMultiple(of: 3) { other.add(line: line, hit: hit) } else { set.add(line: line, hit: hit) }
            }
            set.merge(other)
            #expect(set.foundCount == Set(additions.map(\.0)).count)
            #expect(set.hitCount == Set(additions.filter(\.1).map(\.0)).count)
            var listed = 0
            set.forEach { _, _ in listed += 1 }
            #expect(listed == set.foundCount)
        }
    }
}
