import Foundation
import FuzzSupport
import Scan

/// The streaming XML scanner under every JUnit and Cobertura reader, driven directly: the events
/// it reports must nest, and the way it ends must match them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXMLScanner(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    // The input's length, not its bytes, picks the handler's behaviour, so every seed stays a
    // whole XML document and mutations that change the length try the other behaviours.
    let handler = CheckingHandler(textMode: count % 3, stopAfter: (count / 3) % 8)
    var scanner = XMLScanner(source: XMLByteSource(data: Data(bytes: start, count: count)), handler: handler)
    handler.finish(scanner.scan())
    return 0
}

/// Checks each event as it arrives. A class, so the harness keeps it after the scanner copies it in.
final class CheckingHandler: XMLScanHandler {
    /// 0: never wants text; 1: always; 2: only inside odd depths.
    let textMode: Int
    /// Stops the scan at this start tag (1-based); 0 never stops.
    let stopAfter: Int
    private var depth = 0
    private var starts = 0
    private var ends = 0
    private var malformedReports = 0
    private var stopped = false
    private var lastLine = 1

    init(textMode: Int, stopAfter: Int) {
        self.textMode = textMode
        self.stopAfter = stopAfter
    }

    var wantsText: Bool {
        switch textMode {
        case 0: false
        case 1: true
        default: depth % 2 == 1
        }
    }

    func startElement(_ tag: XMLTag) -> Bool {
        fuzzCheck(!stopped, "an element after the handler stopped the scan")
        fuzzCheck(tag.line >= lastLine, "start tag at line \(tag.line) after line \(lastLine)")
        lastLine = tag.line
        depth += 1
        starts += 1
        // Decoding is lazy: ask for a name and attributes so the decoder runs on fuzzed bytes too.
        _ = tag.name
        _ = tag.attribute("name")
        _ = tag.attribute("message")
        if starts == stopAfter {
            stopped = true
            return false
        }
        return true
    }

    func endElement(line: Int) {
        fuzzCheck(line >= lastLine, "end tag at line \(line) after line \(lastLine)")
        lastLine = line
        depth -= 1
        ends += 1
        fuzzCheck(depth >= 0, "more end tags than start tags")
    }

    func text(_ text: String) {
        fuzzCheck(depth > 0, "text outside the root element handed over")
        fuzzCheck(wantsText, "text handed over while none was wanted")
    }

    func malformed(line: Int, _ reason: String) {
        fuzzCheck(line >= 1, "malformed at line \(line)")
        malformedReports += 1
    }

    func finish(_ end: XMLScanEnd) {
        switch end {
        case .finished:
            fuzzCheck(starts >= 1 && starts == ends, "finished with \(starts) start and \(ends) end tags")
        case .stopped:
            fuzzCheck(stopped, "stopped without the handler asking")
        case .failed:
            fuzzCheck(malformedReports >= 1, "failed without saying why")
        }
    }
}
