/// A file that looks like evidence but whose results were not counted, and why.
///
/// phasecert fails closed on these: a gate condition that depends on test results or coverage does
/// not pass while one is open (`gate.failOnUnreadEvidence`), because a failing test in a file nobody
/// read would otherwise pass the gate.
public struct UnreadEvidence: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// The file exists but could not be opened or read (permissions, I/O error).
        case unreadable
        /// The folder could not be listed, so any evidence in it was not read.
        case folderUnreadable
        /// A FIFO, socket or device where a result file would be.
        case notRegularFile
        /// A result file's name, but NUL bytes in its first kilobytes: binary, or UTF-16 without a byte-order mark.
        case binary
        /// A known kind of result file in a variant phasecert does not read.
        case unrecognised(Variant)
        /// The same bytes as an earlier result file (or a link to it); its results are counted once.
        case duplicate(of: String)
        /// A result file's name on a link that was not followed.
        case link(RepositoryTree.LinkProblem)
    }

    /// What an unrecognised result file turned out to hold.
    public enum Variant: Sendable, Equatable {
        /// Nothing at all (a run that stopped before writing).
        case empty
        /// An XML format of test results phasecert does not read (`TestRun`: Visual Studio TRX).
        case unsupportedXML(root: String, format: String)
        /// A root phasecert reads (`testsuites`, `coverage`) in a shape it does not.
        case unexpectedXML(root: String)
        /// Text in none of the formats phasecert reads.
        case unknown
    }

    /// Repository-relative path of the file or folder.
    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }
}
