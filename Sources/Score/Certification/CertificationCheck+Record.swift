import Foundation
import PhaseModel

extension CertificationCheck {
    /// A `reports/phase-<id>/phase.json` as `report` or `phase-close` wrote it: one phase, its
    /// certification, and the evidence narrowed to it.
    public struct Record: Sendable, Equatable {
        public var phase: Phase
        public var certification: Certification
        /// The whole file: the phase with its tasks, findings and claims.
        public var workspace: Workspace

        /// Reads the bytes of a `phase.json`.
        /// - Throws: `RecordProblem` naming what is wrong: not JSON, not the phase model (the key
        ///   that did not fit), another schema version, not exactly one phase, or no certification.
        public init(data: Data) throws(RecordProblem) {
            // The phase ids first, so that a file of no phase or of several is reported as such
            // rather than by whichever key of the model fails first.
            if let header = try? JSONDecoder().decode(Header.self, from: data),
                header.schemaVersion == Workspace.currentSchemaVersion, let ids = header.phases?.map(\.id), ids.count != 1
            {
                throw .phaseCount(ids)
            }
            switch SnapshotDecoding.phaseModel(from: data) {
            case let .failure(reason): throw .malformed(reason)
            case let .success(model): workspace = model
            }
            let ids = workspace.phases.map(\.id)
            guard ids.count == 1 else { throw .phaseCount(ids) }
            phase = workspace.phases[0]
            guard let certification = phase.certification else { throw .uncertified(phase: phase.id) }
            self.certification = certification
        }

        private struct Header: Decodable {
            struct PhaseID: Decodable { var id: String }
            var schemaVersion: Int?
            var phases: [PhaseID]?
        }
    }

    /// Why a file is not a certification record.
    public enum RecordProblem: Error, Sendable, Equatable, CustomStringConvertible {
        /// Not JSON, not the phase model, or another schema version (as for history snapshots).
        case malformed(SnapshotProblem.Reason)
        /// A phase model of no phase or of several (`phasecert scan --json`), not of one.
        case phaseCount([String])
        /// One phase, but without a certification: not a file `report` or `phase-close` wrote.
        case uncertified(phase: String)

        /// What is wrong with the file, in both languages.
        public var message: LocalizedText {
            switch self {
            case let .malformed(reason):
                reason.message
            case let .phaseCount(ids) where ids.isEmpty:
                LocalizedText(message: "problem.record.no-phase")
            case let .phaseCount(ids):
                LocalizedText(message: "problem.record.several-phases", ["phases": .text(ids.joined(separator: ", "))])
            case let .uncertified(phase):
                LocalizedText(message: "problem.record.uncertified", ["phase": .text(phase)])
            }
        }

        /// The message in English, as `verify` prints it.
        public var description: String { message.en }
    }
}
