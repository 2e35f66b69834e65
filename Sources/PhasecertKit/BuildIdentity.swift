import Foundation

/// What tells one build of phasecert from another, for caches of what the code computes (the
/// claims of documents): the executable's path, size and modification time. A version or commit
/// stamp alone would not do: a build with uncommitted changes carries its commit's stamp.
enum BuildIdentity {
    /// The identity of the executable at `path`; `nil` when it cannot be read, and then nothing
    /// is cached.
    static func of(_ path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return "\(path) \(size) \(modified.timeIntervalSince1970)"
    }
}
