#if canImport(Glibc)
import Glibc
#endif

/// A whole file's bytes, read straight into one array.
///
/// Written here rather than `[UInt8](FileManager.default.contents(atPath:))`, which holds the
/// file twice, as `Data` and as its copy: the history cache of 100,000 commits is 43 MB, and
/// the caches are read while the scan's other large values are built.
public enum FileBytes {
    /// The bytes of the file at `path`; `nil` when it cannot be opened or read.
    public static func contents(atPath path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        // One byte more than the size asked for: a file that grew since is read to its end below.
        let expected = max(Int(info.st_size), 0) + 1
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = 0
            while count < expected {
                let read = Glibc.read(descriptor, buffer.baseAddress! + count, expected - count)
                if read == 0 { break }
                if read < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    break
                }
                count += read
            }
        }
        guard !failed else { return nil }
        guard bytes.count == expected else { return bytes }
        // The file is longer than it was when asked: read the rest in pieces.
        var piece = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let read = piece.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if read == 0 { return bytes }
            if read < 0 {
                if errno == EINTR { continue }
                return nil
            }
            bytes.append(contentsOf: piece[..<read])
        }
    }
}
