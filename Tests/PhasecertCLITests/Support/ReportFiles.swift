import Foundation

/// The files under a folder, by `/`-separated relative path, for comparing report runs.
enum ReportFiles {
    static func read(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [:] }
        for case let relative as String in walker {
            var isFolder: ObjCBool = false
            let path = root + "/" + relative
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return files
    }

    /// The golden files of the report tests: `Tests/Fixtures/golden/<name>/`.
    static func goldenFolder(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/golden/\(name)").path
    }

    /// Golden files are rewritten only when this is set, never silently.
    static var updating: Bool { ProcessInfo.processInfo.environment["PHASECERT_UPDATE_GOLDEN"] == "1" }

    /// Replaces the golden folder `name` by `files`.
    static func writeGolden(_ name: String, _ files: [String: Data]) throws {
        let folder = goldenFolder(name)
        try? FileManager.default.removeItem(atPath: folder)
        for (path, data) in files {
            let url = URL(fileURLWithPath: folder + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }
}
