import Foundation
import FuzzSupport
import Scan

/// Cobertura XML (coverage.py, gcovr): any bytes must give a report whose counts hold together.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCobertura(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    CoverageInvariants.check(CoberturaParser.parse(data: data, file: "fuzz.xml"))
    // The sniffer sees only a file's head, which may end anywhere.
    _ = CoberturaParser.sniff(data)
    return 0
}
