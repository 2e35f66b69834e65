import Foundation

/// Finds a program the way a shell would, but only in absolute folders.
public enum ExecutableLocator {
    /// The first executable regular file named `name` in the folders of `environment` (a `PATH`
    /// value, `:`-separated). Empty and relative entries are skipped, so a program in the current
    /// folder is never picked up by accident. Nil when none.
    public static func executable(named name: String, path environment: String?) -> URL? {
        guard let environment else { return nil }
        let manager = FileManager.default
        for folder in environment.split(separator: ":", omittingEmptySubsequences: true) where folder.hasPrefix("/") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
                manager.isExecutableFile(atPath: candidate.path)
            else { continue }
            return candidate
        }
        return nil
    }
}
