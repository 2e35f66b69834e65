import Foundation

extension Console {
    /// `path` made absolute and standardized: a relative path starts at the current folder.
    func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: currentDirectory).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }
}
