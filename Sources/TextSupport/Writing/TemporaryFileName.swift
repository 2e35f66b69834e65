import Foundation

/// The name of the temporary file an atomic write fills before renaming it over the target:
/// `.<name>.<pid>.<uuid>.tmp`. Hidden, so a glob over the folder does not pick it up; unique, so
/// concurrent writers never share one; and carrying the writer's process id, so a later run can
/// tell a file left by a killed writer from one a live writer is still filling.
public struct TemporaryFileName: Sendable, Equatable, CustomStringConvertible {
    /// The name of the file being written (its last path component).
    public var target: String
    public var processID: Int32
    public var id: UUID

    /// A fresh name for writing `target` from this process.
    public init(target: String) {
        self.init(target: target, processID: ProcessInfo.processInfo.processIdentifier, id: UUID())
    }

    public init(target: String, processID: Int32, id: UUID) {
        self.target = target
        self.processID = processID
        self.id = id
    }

    /// The parts of a name phasecert wrote, or `nil` for any other name: the pattern must match
    /// exactly (an upper-case UUID as `UUID.uuidString` writes it, a positive decimal process id
    /// without leading zeros), so nobody else's hidden `.tmp` file is ever taken for one.
    public init?(parsing name: String) {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let inner = name.dropFirst().dropLast(4)
        guard let uuidDot = inner.lastIndex(of: ".") else { return nil }
        let uuidText = inner[inner.index(after: uuidDot)...]
        guard uuidText.count == 36, let id = UUID(uuidString: String(uuidText)), id.uuidString == uuidText else { return nil }
        let rest = inner[..<uuidDot]
        guard let pidDot = rest.lastIndex(of: ".") else { return nil }
        let pidText = rest[rest.index(after: pidDot)...]
        guard !pidText.isEmpty, pidText.first != "0", pidText.allSatisfy({ $0.isASCII && $0.isNumber }),
            let processID = Int32(pidText), processID > 0
        else { return nil }
        let target = rest[..<pidDot]
        guard !target.isEmpty else { return nil }
        self.init(target: String(target), processID: processID, id: id)
    }

    public var description: String { ".\(target).\(processID).\(id.uuidString).tmp" }
}
