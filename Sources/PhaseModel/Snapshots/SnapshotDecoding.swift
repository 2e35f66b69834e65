import Foundation

/// Turns the bytes of a snapshot file (a `phase.json`) into a workspace of one phase, or says why
/// it is not one.
public enum SnapshotDecoding {
    /// Only the version, read before the whole model so that a snapshot from another model
    /// shape is reported as such rather than as whichever key happened to fail first.
    private struct Header: Decodable {
        var schemaVersion: Int?
    }

    /// The phase model in `data`, which must be `phaseID`'s alone.
    public static func workspace(from data: Data, phaseID: String) -> Result<Workspace, SnapshotProblem.Reason> {
        phaseModel(from: data).flatMap { workspace in
            let phases = workspace.phases.map(\.id)
            return phases == [phaseID] ? .success(workspace) : .failure(.otherPhase(expected: phaseID, found: phases))
        }
    }

    /// The phase model in `data`, of whatever phases it holds: JSON, of the current schema version.
    public static func phaseModel(from data: Data) -> Result<Workspace, SnapshotProblem.Reason> {
        let decoder = JSONDecoder()
        // The whole model first: a snapshot phasecert wrote is read once, not twice (the header's
        // decoding parses the whole document too). Only one that fails is read for its header,
        // so that the reason is the one the header gives.
        if let workspace = try? decoder.decode(Workspace.self, from: data) {
            guard workspace.schemaVersion == Workspace.currentSchemaVersion else {
                return .failure(.schemaVersion(found: workspace.schemaVersion, expected: Workspace.currentSchemaVersion))
            }
            return .success(workspace)
        }
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            return .failure(.invalidJSON(parseFailure(data) ?? underlying(context)))
        } catch {
            return .failure(.notAPhaseModel(describe(error)))
        }
        guard let version = header.schemaVersion else { return .failure(.notAPhaseModel("no schemaVersion")) }
        guard version == Workspace.currentSchemaVersion else {
            return .failure(.schemaVersion(found: version, expected: Workspace.currentSchemaVersion))
        }
        let workspace: Workspace
        do {
            workspace = try decoder.decode(Workspace.self, from: data)
        } catch {
            return .failure(.notAPhaseModel(describe(error)))
        }
        return .success(workspace)
    }

    /// The key path and what was wrong there, for example `phases[0].id: expected String`; in
    /// English, like the parser details it stands beside.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case let .keyNotFound(key, context):
            return LocalizedText(message: "problem.snapshot.key-missing", ["path": .text(path(context.codingPath + [key]))]).en
        case let .typeMismatch(type, context):
            return LocalizedText(
                message: "problem.snapshot.type-mismatch", ["path": .text(path(context.codingPath)), "type": .text("\(type)")]).en
        case let .valueNotFound(type, context):
            return LocalizedText(
                message: "problem.snapshot.value-null", ["path": .text(path(context.codingPath)), "type": .text("\(type)")]).en
        case let .dataCorrupted(context):
            return "\(path(context.codingPath)): \(underlying(context))"
        @unknown default:
            return "\(error)"
        }
    }

    /// Where parsing stopped (`Invalid value around character 6.`): JSONDecoder only says the
    /// data was not JSON, JSONSerialization says where.
    private static func parseFailure(_ data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            return (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        }
    }

    /// The parser's own message when there is one.
    private static func underlying(_ context: DecodingError.Context) -> String {
        if let underlying = context.underlyingError as NSError?,
            let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String
        {
            return detail
        }
        return context.debugDescription
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        guard !keys.isEmpty else { return "top level" }
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }
}
