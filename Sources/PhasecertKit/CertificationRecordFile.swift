import Foundation
import PhaseModel
import Scan
import Score

/// The `phase.json` that `verify` checks: read with the size limit of a history snapshot, and
/// decoded as the record of one certified phase.
public enum CertificationRecordFile {
    /// The record in the file at `path` (absolute), named `shown` in errors.
    /// - Throws: `VerifyInputError`: exit code 3 for a file that cannot be read or is not a
    ///   certified phase model, 2 for the model of no phase or of several (the wrong file given).
    public static func read(atPath path: String, shown: String) throws(VerifyInputError) -> CertificationCheck.Record {
        let data = try contents(of: path, shown: shown)
        do {
            return try CertificationCheck.Record(data: data)
        } catch {
            throw VerifyInputError(file: shown, reason: error.description, exitCode: error.exitCode)
        }
    }

    /// The file's bytes, at most `SnapshotStore.sizeLimit` of them, as for a history snapshot.
    private static func contents(of path: String, shown: String) throws(VerifyInputError) -> Data {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw VerifyInputError(file: shown, reason: LocalizedText(message: "error.verify.no-file").en)
        }
        guard !isFolder.boolValue else { throw VerifyInputError(file: shown, reason: LocalizedText(message: "error.verify.folder").en) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw VerifyInputError(file: shown, reason: LocalizedText(message: "error.verify.unopenable").en)
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: SnapshotStore.sizeLimit + 1) ?? Data()
        } catch {
            let reason = LocalizedText(message: "error.verify.unreadable", ["detail": .text(error.localizedDescription)])
            throw VerifyInputError(file: shown, reason: reason.en)
        }
        guard data.count <= SnapshotStore.sizeLimit else {
            let reason = LocalizedText(message: "error.verify.too-large", ["limit": .count(SnapshotStore.sizeLimit)])
            throw VerifyInputError(file: shown, reason: reason.en)
        }
        return data
    }
}

extension Assessment {
    /// Whether `record`'s certification still holds for this workspace, and what changed.
    public func check(_ record: CertificationCheck.Record, recordPath: String) -> CertificationCheck {
        CertificationCheck(record: record, current: workspace, recordPath: recordPath)
    }
}

extension CertificationCheck.RecordProblem {
    /// A file of no phase or of several is the wrong file given (usage); the rest is unreadable input.
    public var exitCode: Int32 {
        if case .phaseCount = self { return 2 }
        return 3
    }
}

/// A `phase.json` that cannot be read or is not the record of one certified phase.
public struct VerifyInputError: UserFacingError {
    public var file: String
    public var reason: String
    public var exitCode: Int32 = 3

    public init(file: String, reason: String, exitCode: Int32 = 3) {
        self.file = file
        self.reason = reason
        self.exitCode = exitCode
    }

    public var description: String { "\(file): \(reason)" }
}
