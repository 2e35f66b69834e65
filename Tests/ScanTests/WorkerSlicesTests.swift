import Testing
@testable import Scan

/// How the jobs of a history walk are cut among worker processes (`HistoryScanner.workerSlices`).
struct WorkerSlicesTests {
    @Test func everyJobIsInOneSliceInOrder() {
        for count in [0, 1, 2, 3, 7, 2_000, 6_250, 6_251, 50_019, 100_322, 200_000] {
            for workers in [1, 2, 3, 8] {
                let slices = HistoryScanner.workerSlices(count, workers: workers)
                #expect(slices.flatMap { Array($0) } == Array(0..<count), "\(count) jobs, \(workers) workers")
                #expect(slices.allSatisfy { $0.count <= HistoryScanner.jobsPerWorker })
            }
        }
    }

    @Test func theLastSlicesAreHalvesSoThatNoCoreIsLeftWithAWholeOne() {
        // 50,000 jobs: eight parts of 6,250, the last two of them cut in two.
        let slices = HistoryScanner.workerSlices(50_000, workers: 2)
        #expect(slices.map(\.count) == [6_250, 6_250, 6_250, 6_250, 6_250, 6_250, 3_125, 3_125, 3_125, 3_125])
        // Three parts for two workers: two rounds, the last two parts halved.
        #expect(HistoryScanner.workerSlices(15_000, workers: 2).map(\.count) == [5_000, 2_500, 2_500, 2_500, 2_500])
        // One round: as many parts as workers, not cut (halves would only start more processes).
        #expect(HistoryScanner.workerSlices(4_000, workers: 2).map(\.count) == [2_000, 2_000])
        #expect(HistoryScanner.workerSlices(30, workers: 2).map(\.count) == [15, 15])
        #expect(HistoryScanner.workerSlices(2, workers: 2).map(\.count) == [1, 1])
    }
}
