import Foundation

/// A model value with a lookup table derived from it (a task's position by id, a phase's
/// members as a set), built on first use and dropped whenever the value changes.
///
/// Without it every lookup scans an array, and lookups inside loops over tasks, findings or
/// claims grow with the square of the plan (50,000 tasks took minutes). The table is no part of
/// the model: the wrapper encodes, decodes and compares as its value alone, so the JSON (and the
/// certification digest over it) is byte for byte what the bare value gives.
///
/// Any change through the property, whole or in place (`tasks[3].title = …`), drops the table;
/// changing it in place does not copy the value. Copies of the owner share a table until one of
/// them changes. The table is built under a lock: models are read from several threads at once.
@propertyWrapper
public struct Indexed<Value: Codable & Sendable & Equatable, Table: Sendable>: Codable, Sendable, Equatable {
    private var value: Value
    private var slot = Slot()

    public init(wrappedValue: Value) {
        value = wrappedValue
    }

    public var wrappedValue: Value {
        get { value }
        set {
            value = newValue
            slot = Slot()
        }
        // In place, so that changing one element of a large array does not copy the array.
        _modify {
            slot = Slot()
            yield &value
        }
    }

    /// The table for the current value, made by `make` from it by whichever caller asks first.
    public func table(_ make: (Value) -> Table) -> Table {
        slot.table { make(value) }
    }

    public init(from decoder: any Decoder) throws {
        value = try Value(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        // The model's large arrays are all indexed, so this is where the canonical encoder gets
        // the chance to write them on several cores (same bytes, see `encodeInParallel`).
        if let canonical = encoder as? CanonicalJSONEncoder, let array = value as? any CanonicalJSONArray,
            try array.encodeInParallel(to: canonical)
        {
            return
        }
        try value.encode(to: encoder)
    }

    public static func == (lhs: Indexed, rhs: Indexed) -> Bool { lhs.value == rhs.value }

    /// The table, shared by the copies of one value.
    private final class Slot: @unchecked Sendable {
        private let lock = NSLock()
        private var table: Table?

        func table(_ make: () -> Table) -> Table {
            lock.withLock {
                if let table { return table }
                let made = make()
                table = made
                return made
            }
        }
    }
}
