/// Where a value came from: a line of a file in the work tree, or a commit.
///
/// Paths are relative to the repository root and use `/`, so a report never carries an
/// absolute machine path.
public enum Provenance: Codable, Sendable, Equatable, Hashable {
    /// A file in the work tree, and the 1-based line when one applies.
    case file(String, line: Int?)
    /// A commit, by its full hexadecimal id.
    case commit(String)

    private enum CodingKeys: String, CodingKey { case file, line, commit }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let commit = try container.decodeIfPresent(String.self, forKey: .commit) {
            self = .commit(commit)
        } else {
            self = .file(
                try container.decode(String.self, forKey: .file),
                line: try container.decodeIfPresent(Int.self, forKey: .line)
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .file(path, line):
            try container.encode(path, forKey: .file)
            try container.encode(line, forKey: .line)
        case let .commit(id):
            try container.encode(id, forKey: .commit)
        }
    }

    /// The file path, when the value came from the work tree.
    public var file: String? {
        if case let .file(path, _) = self { return path }
        return nil
    }

    /// The line, when the value came from a known line of a file.
    public var line: Int? {
        if case let .file(_, line) = self { return line }
        return nil
    }

    /// `path:line`, `path`, or the commit id: the form used in messages.
    public var description: String {
        switch self {
        case let .file(path, line?): return "\(path):\(line)"
        case let .file(path, nil): return path
        case let .commit(id): return id
        }
    }
}
