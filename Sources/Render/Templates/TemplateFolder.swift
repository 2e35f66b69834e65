import Foundation
import PhaseModel

/// A user's `templates/` folder, whose files replace the built-in ones file by file.
///
/// Only files named like a built-in template or catalog are read, and only when they resolve
/// (symbolic links followed) to a regular file inside the folder: a template can never pull in
/// a file from elsewhere on the machine. Each file is at most `sizeLimit` bytes of UTF-8.
struct TemplateFolder: Sendable {
    static let sizeLimit = 1 << 20

    /// The folder's real path, or `nil` when there is no such folder.
    let root: String?

    init(path: String) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            root = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        } else {
            root = nil
        }
    }

    /// The text of `relativePath` ("en/completion.md.mustache") when the user has one.
    func text(of relativePath: String) throws -> String? {
        guard let root else { return nil }
        let candidate = root + "/" + relativePath
        guard FileManager.default.fileExists(atPath: candidate) else { return nil }
        let resolved = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
        guard resolved.hasPrefix(root + "/") else {
            throw TemplateError.outsideFolder(file: candidate)
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: resolved)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else {
            throw TemplateError.unreadable(file: candidate, reason: LocalizedText(message: "error.template.not-a-file").en)
        }
        if let size = attributes?[.size] as? Int, size > Self.sizeLimit {
            let reason = LocalizedText(message: "error.template.too-large", ["limit": .count(Self.sizeLimit)])
            throw TemplateError.unreadable(file: candidate, reason: reason.en)
        }
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw TemplateError.unreadable(file: candidate, reason: LocalizedText(message: "error.template.unreadable").en)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TemplateError.unreadable(file: candidate, reason: LocalizedText(message: "error.template.not-utf8").en)
        }
        return text
    }
}

/// A template or catalog that cannot be used; the message names the file.
public enum TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    case outsideFolder(file: String)
    case unreadable(file: String, reason: String)
    case invalid(file: String, reason: String)
    case missingPartial(file: String, partial: String)

    public var description: String {
        switch self {
        case let .outsideFolder(file): LocalizedText(message: "error.template.outside-folder", ["file": .text(file)]).en
        case let .unreadable(file, reason): "\(file): \(reason)"
        case let .invalid(file, reason): "\(file): \(reason)"
        case let .missingPartial(file, partial):
            LocalizedText(message: "error.template.missing-partial", ["file": .text(file), "partial": .text(partial)]).en
        }
    }
}

extension TemplateError: UserFacingError {
    /// A broken template or catalog is a configuration error.
    public var exitCode: Int32 { 2 }
}
