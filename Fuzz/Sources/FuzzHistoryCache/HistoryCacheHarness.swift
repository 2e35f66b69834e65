import Foundation
import FuzzSupport
import Scan

/// Folders of this process's cache files: the one fuzzed, and the one written back.
let cacheFolders: (read: String, written: String) = {
    let base = (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()) + "/phasecert-fuzz-history-\(getpid())"
    for folder in [base + "/read", base + "/written"] {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    return (base + "/read", base + "/written")
}()

/// The history cache reader on fuzzed records. The cache is checksummed, so raw bytes would
/// almost never reach the record parser: the harness wraps the input in a valid header and
/// trailer (the commit count and FNV-1a checksum it would have), except for one input length in
/// eight, which is taken as the whole file so the header and trailer checks are fuzzed too.
/// A cache that loads must survive a round trip: saved again and loaded, it gives the same
/// contents, so escaping and unescaping agree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHistoryCache(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let records = Array(UnsafeRawBufferPointer(start: start, count: count))
    let file = count % 8 == 7 ? records : CacheFile.wrapping(records, complete: count % 2 == 0)
    let reader = HistoryCache(directory: cacheFolders.read)
    _ = FileManager.default.createFile(atPath: reader.file, contents: Data(file))
    guard case let .loaded(contents) = reader.load() else { return 0 }
    fuzzCheck(contents.stats.count <= contents.commits.count, "\(contents.stats.count) statistics for \(contents.commits.count) commits")

    let writer = HistoryCache(directory: cacheFolders.written)
    let ids = Set(contents.commits.map(\.id))
    do {
        try writer.save(head: contents.head, complete: contents.complete, commits: contents.commits, stats: contents.stats)
    } catch {
        fuzzCheck(false, "saving a loaded cache failed: \(error)")
    }
    guard case let .loaded(again) = writer.load() else {
        fuzzCheck(false, "a cache written from loaded contents does not load: \(writer.load())")
        return 0
    }
    // Only statistics of commits in the walk are written back.
    fuzzCheck(
        again.head == contents.head && again.complete == contents.complete && again.commits == contents.commits
            && again.stats == contents.stats.filter { ids.contains($0.key) },
        "round trip changed the cache")
    return 0
}

/// The parts of a cache file around its records, as `HistoryCache.save` writes them.
enum CacheFile {
    static let head = "0123456789abcdef0123456789abcdef01234567"

    static func wrapping(_ records: [UInt8], complete: Bool) -> [UInt8] {
        var bytes = Array("phasecert-history-cache \(HistoryCache.formatVersion)\nh \(head) \(complete ? "complete" : "partial")\n".utf8)
        bytes += records
        if bytes.last != 0x0A { bytes.append(0x0A) }
        // The commit count the reader checks: one per `m` line.
        var commits = 0
        var lineStart = true
        for (index, byte) in records.enumerated() {
            if lineStart, byte == 0x6D, index + 1 < records.count, records[index + 1] == 0x20 { commits += 1 }
            lineStart = byte == 0x0A
        }
        let checksum = fnv1a(bytes)
        return bytes + Array("end \(commits) \(String(checksum, radix: 16))\n".utf8)
    }

    /// FNV-1a, 64-bit, as the cache's trailer holds it.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
