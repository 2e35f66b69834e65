import Foundation
import FuzzSupport
import Scan

/// lcov tracefiles: any bytes must give a report whose counts hold together.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLcov(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    CoverageInvariants.check(LcovParser.parse(data: data, file: "fuzz.info"))
    _ = LcovParser.sniff(data)
    return 0
}
