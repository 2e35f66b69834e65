import Foundation
import PhaseModel
import Scan

/// The evidence files `evidence` lists: those the scan would find, or those given.
public enum EvidenceFiles {
    /// What became of one file given to `evidence`.
    public enum Outcome: Sendable {
        /// Read as `result.kind`; its problems, if any, are in `result.problems`.
        case read(EvidenceFileResult)
        /// A pipe or FIFO that could not be copied to be read.
        case unspooled(file: String)
        /// No such file, a folder, or no permission.
        case unreadable(file: String)
        /// Readable, but not test results, coverage or Helm output.
        case unrecognised(file: String)
    }

    /// Every evidence file in the work tree at `root`, found by content as the scan finds them
    /// (narrowed by `evidence.include` / `evidence.exclude`), each read as what it was found to be.
    public static func discovered(root: String, configuration: Configuration) -> [EvidenceFileResult] {
        EvidenceDiscovery(root: root, configuration: configuration).discover().files.map { candidate in
            EvidenceFileReader.read(URL(fileURLWithPath: root + "/" + candidate.path), path: candidate.path, kind: candidate.kind)
        }
    }

    /// The file at `path` (absolute), named `file` as given: sniffed, then read as what it holds.
    /// A pipe or FIFO (`<(go test -json ./...)`) can be read once, so it is copied first, then
    /// sniffed and parsed from the copy.
    public static func read(_ file: String, atPath path: String) -> Outcome {
        var url = URL(fileURLWithPath: path)
        var spooled: URL?
        if StreamInput.isStream(url.path) {
            guard let copy = StreamInput.spool(url.path) else { return .unspooled(file: file) }
            spooled = copy
            url = copy
        }
        defer { if let spooled { try? FileManager.default.removeItem(at: spooled) } }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
            let head = EvidenceSniffer.head(of: url)
        else { return .unreadable(file: file) }
        guard let kind = EvidenceSniffer.kind(of: head) else { return .unrecognised(file: file) }
        return .read(EvidenceFileReader.read(url, path: file, kind: kind))
    }
}
