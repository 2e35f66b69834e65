import PhaseModel

/// A folder under the tasks root whose name starts with a task id, and what it holds.
public struct TaskFolder: Sendable, Equatable {
    /// Repository-relative path.
    public var path: String
    /// Canonical id (`TN-099` for `TN-99-redis-statefulset`).
    public var id: String
    /// The id as the folder name writes it (`TN-99`).
    public var writtenID: String
    /// The name after the id, if any (`redis-statefulset`).
    public var slug: String?
    /// Markdown documents anywhere inside, sorted by path.
    public var documents: [Document]
    /// The text of each document, by path: read once here, then searched for claims.
    public var texts: [String: String] = [:]
    public var checklist: Checklist?
    public var metadata: TaskMetadata?
    /// Folders that could not be listed and documents that could not be read, by path.
    public var unread: [String] = []
}
