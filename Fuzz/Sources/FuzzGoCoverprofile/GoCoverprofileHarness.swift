import Foundation
import FuzzSupport
import Scan

/// Go coverprofiles (`go test -coverprofile`): any bytes must give a report whose counts hold together.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGoCoverprofile(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    CoverageInvariants.check(GoCoverprofileParser.parse(data: data, file: "fuzz.out"))
    _ = GoCoverprofileParser.sniff(data)
    return 0
}
