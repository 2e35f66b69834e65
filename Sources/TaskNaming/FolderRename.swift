/// Renaming one folder to another name in the same parent folder; paths are repository-relative.
public struct FolderRename: Sendable, Equatable, Hashable, Codable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }

    /// `path` as it reads after the rename: a path at or under `from` moves under `to`; any other
    /// path is returned as it is.
    public func moved(_ path: String) -> String {
        if path == from { return to }
        guard path.hasPrefix(from + "/") else { return path }
        return to + path.dropFirst(from.count)
    }
}
