/// A model type that `CanonicalJSONEncoder` writes member by member, straight to its writer,
/// instead of through `encode(to:)` and a keyed container.
///
/// A large model holds hundreds of thousands of these (findings, tasks, their sub-scores and
/// histories, claims and their places), each written once for the certification digests and again for the
/// JSON; the keyed container each of them opened, with a generic call per member, was most of
/// that. `writeMembers(to:)` writes exactly what the type's `encode(to:)` writes, in its
/// `CodingKeys` order (the canonical order, so the writer need not sort them):
/// `CanonicalJSONObjectTests` holds the bytes to Foundation's for every conforming type.
protocol CanonicalJSONObject: Encodable {
    func writeMembers(to members: CanonicalJSONMembers) throws
}

/// The members of one object being written: each call writes one, as the keyed container's
/// `encode(_:forKey:)` would.
struct CanonicalJSONMembers {
    let shared: CanonicalJSONEncoder.Shared
    let index: Int
    let id: Int

    private var writer: UnsafeMutablePointer<CanonicalJSONWriter> { shared.writer }

    @inline(__always)
    private func begin(_ name: String) throws {
        try writer.pointee.prepare(index, id)
        writer.pointee.beginEntry(name)
    }

    func write(_ name: String, _ value: String) throws {
        try begin(name)
        writer.pointee.writeString(value)
    }

    func write(_ name: String, _ value: Int) throws {
        try begin(name)
        writer.pointee.writeInteger(value)
    }

    func write(_ name: String, _ value: Bool) throws {
        try begin(name)
        writer.pointee.writeBool(value)
    }

    func write(_ name: String, orNull value: String?) throws {
        try begin(name)
        if let value { writer.pointee.writeString(value) } else { writer.pointee.writeNull() }
    }

    func write(_ name: String, orNull value: Int?) throws {
        try begin(name)
        if let value { writer.pointee.writeInteger(value) } else { writer.pointee.writeNull() }
    }

    func write(_ name: String, orNull value: Bool?) throws {
        try begin(name)
        if let value { writer.pointee.writeBool(value) } else { writer.pointee.writeNull() }
    }

    /// A string-valued enumeration, written as its raw value (what `RawRepresentable`'s
    /// `encode(to:)` writes).
    func write<E: RawRepresentable & Encodable>(_ name: String, raw value: E) throws where E.RawValue == String {
        try begin(name)
        writer.pointee.writeString(value.rawValue)
    }

    /// Any other value, through the encoder (numbers are checked there, objects may nest).
    func write<T: Encodable>(_ name: String, _ value: T) throws {
        try writer.pointee.prepare(index, id)
        try shared.encode(value, level: index + 1) { $0.beginEntry(name) }
    }

    /// `null`, or the value through the encoder: what `Nullable.encode(to:)` writes (the
    /// members above take a `@Nullable` property's value the same way).
    func write<V: Encodable>(_ name: String, orNull value: V?) throws {
        if let value {
            try write(name, value)
        } else {
            try begin(name)
            writer.pointee.writeNull()
        }
    }

    /// Nothing when `value` is `nil`: `encodeIfPresent`, as synthesized code writes a plain optional.
    func writeIfPresent<T: Encodable>(_ name: String, _ value: T?) throws {
        if let value { try write(name, value) }
    }
}

extension Finding: CanonicalJSONObject {
    func writeMembers(to members: CanonicalJSONMembers) throws {
        try members.write("commit", orNull: commit)
        try members.write("file", orNull: file)
        try members.write("line", orNull: line)
        try members.write("message", message)
        try members.write("phase", orNull: phase)
        try members.write("remediation", orNull: remediation)
        try members.write("rule", raw: rule)
        try members.write("severity", raw: severity)
        try members.write("task", orNull: task)
    }
}

extension SubScore: CanonicalJSONObject {
    func writeMembers(to members: CanonicalJSONMembers) throws {
        try members.write("appliedWeight", appliedWeight)
        try members.write("denominator", orNull: denominator)
        try members.write("name", raw: name)
        try members.write("numerator", orNull: numerator)
        try members.write("score", orNull: score)
        try members.write("weight", weight)
    }
}

extension QualityDetail: CanonicalJSONObject {
    func writeMembers(to members: CanonicalJSONMembers) throws {
        try members.write("gradeCappedBy", orNull: gradeCappedBy)
        try members.write("redistributed", redistributed)
        try members.write("subScores", subScores)
        try members.write("uncapped", orNull: uncapped)
        try members.write("uncappedGrade", orNull: uncappedGrade)
    }
}

extension FindingCounts: CanonicalJSONObject {
    func writeMembers(to members: CanonicalJSONMembers) throws {
        try members.write("critical", critical)
        try members.write("info", info)
        try members.write("major", major)
        try members.write("minor", minor)
    }
}

extension GitSummary: CanonicalJSONObject {
    func writeMembers(to members: CanonicalJSONMembers) throws {
        try members.write("authors", authors)
        try members.writeIfPresent("commitIDs", commitIDs)
        try members.write("commits", commits)
        try members.write("filesTouched", filesTouched)
        try members.write("first", orNull: first)
        try members.write("last", orNull: last)
        try members.write("linesAdded", linesAdded)
        try members.writeIfPresent("linesAreLowerBound", linesAreLowerBound)
        try members.write("linesDeleted", linesDeleted)
        try members.write("merges", merges)
    }
}

extension Provenance: CanonicalJSONObject {
    func writeMembers(to members: CanonicalJSONMembers) throws {
        switch self {
        case let .file(path, line):
            try members.write("file", path)
            try members.write("line", orNull: line)
        case let .commit(id):
            try members.write("commit", id)
        }
    }
}

extension Claim: CanonicalJSONObject {
    func writeMembers(to members: CanonicalJSONMembers) throws {
        try members.writeIfPresent("bound", bound)
        try members.write("claimed", orNull: claimed)
        try members.write("claimedValue", orNull: claimedValue)
        try members.write("denominator", orNull: denominator)
        try members.write("discrepancy", orNull: discrepancy)
        try members.writeIfPresent("evidenceBasis", evidenceBasis)
        try members.write("expected", orNull: expected)
        try members.write("kind", raw: kind)
        try members.write("note", orNull: note)
        try members.write("phase", orNull: phase)
        try members.write("source", source)
        try members.write("subject", orNull: subject)
        try members.write("task", orNull: task)
        try members.write("text", text)
        try members.write("verdict", orNull: verdict)
        try members.write("verified", orNull: verified)
        try members.write("verifiedValue", orNull: verifiedValue)
    }
}

extension TaskRecord: CanonicalJSONObject {
    func writeMembers(to members: CanonicalJSONMembers) throws {
        try members.write("checked", orNull: checked)
        try members.write("checklist", orNull: checklist)
        try members.write("completion", orNull: completion)
        try members.write("coverage", orNull: coverage)
        try members.write("directories", directories)
        try members.write("documents", documents)
        try members.write("findings", orNull: findings)
        try members.write("git", orNull: git)
        try members.write("grade", orNull: grade)
        try members.write("helm", orNull: helm)
        try members.write("id", id)
        try members.write("metadata", orNull: metadata)
        try members.write("phase", orNull: phase)
        try members.write("quality", orNull: quality)
        try members.write("qualityDetail", orNull: qualityDetail)
        try members.write("source", orNull: source)
        try members.write("targets", orNull: targets)
        try members.write("tests", orNull: tests)
        try members.write("title", orNull: title)
        try members.writeIfPresent("unread", unread)
    }
}
