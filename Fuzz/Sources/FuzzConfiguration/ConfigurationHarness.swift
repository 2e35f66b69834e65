import Foundation
import FuzzSupport
import Scan

/// Where the harness writes inputs for the file reader: one file per process.
let configurationFile = NSTemporaryDirectory() + "/phasecert-fuzz-config-\(getpid()).yml"

/// The configuration reader (YAML through Yams/libyaml, then phasecert's keys, types, ranges and
/// error locations) on any text, and on any bytes through the file reader, which must refuse
/// binary and non-UTF-8 content with an error rather than trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfiguration(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let text = String(decoding: data, as: UTF8.self)
    do {
        _ = try ConfigurationLoader.load(yaml: text, file: "phasecert.yml")
    } catch {
        // The message is what a user sees; building it must not trap either.
        _ = String(describing: error)
    }
    // One input in four also goes through the file reader, which checks the bytes themselves.
    if count % 4 == 0 {
        _ = FileManager.default.createFile(atPath: configurationFile, contents: data)
        do {
            _ = try ConfigurationLoader.load(fileAt: configurationFile, displayPath: "phasecert.yml")
        } catch {
            _ = String(describing: error)
        }
    }
    return 0
}
