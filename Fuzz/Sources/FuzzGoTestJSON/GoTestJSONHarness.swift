import Foundation
import FuzzSupport
import Scan

/// `go test -json` output as found (seeded with test2json streams): the summary must agree with the
/// cases handed out.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGoTestJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    GoTestInvariants.check(Data(bytes: start, count: count))
    return 0
}
