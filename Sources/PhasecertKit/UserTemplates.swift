import Foundation

/// The user's `templates/` folder as the report caches key it.
enum UserTemplates {
    /// Every file under `folder`, in path order, as its path, its size and its bytes (a dangling
    /// link as its path and `-`); `nil` when the folder cannot be listed or a file cannot be read,
    /// and then nothing rendered from it is kept.
    static func contents(of folder: String) -> [UInt8]? {
        guard let files = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] else { return nil }
        var bytes: [UInt8] = []
        for file in files.sorted() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + file, isDirectory: &isFolder) else {
                bytes += "\(file) -\n".utf8
                continue
            }
            if isFolder.boolValue { continue }
            guard let data = FileManager.default.contents(atPath: folder + "/" + file) else { return nil }
            bytes += "\(file) \(data.count)\n".utf8
            bytes += data
        }
        return bytes
    }
}
