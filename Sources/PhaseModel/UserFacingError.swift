/// An error meant for the person running phasecert: it names the file, the line and what was
/// expected, and says which exit code it deserves (docs/design/pipeline.md#errors-and-exit-codes).
public protocol UserFacingError: Error, CustomStringConvertible, Sendable {
    /// 2 for usage or configuration errors, 3 for unreadable input.
    var exitCode: Int32 { get }
}
