import Foundation
import FuzzSupport
import Scan

/// Plain `go test -v` output as found (seeded with verbose logs; the reader picks the form from
/// the content): the summary must agree with the cases handed out.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGoTestText(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    GoTestInvariants.check(Data(bytes: start, count: count))
    return 0
}
