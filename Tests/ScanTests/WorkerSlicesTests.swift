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
        // As many parts as workers, each cut in two.
        #expect(HistoryScanner.workerSlices(4_000, workers: 2).map(\.count) == [1_000, 1_000, 1_000, 1_000])
        // A part of one job is not cut.
        #expect(HistoryScanner.workerSlices(2, workers: 2).map(\.count) == [1, 1])
    }
}
