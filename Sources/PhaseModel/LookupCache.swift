import Foundation

/// A lookup table derived from a model value's own fields, built on first use and kept until
/// those fields change: a task by id, a phase's members.
///
/// Without it every lookup scans an array, and lookups inside loops over tasks, findings or
/// claims grow with the square of the plan (50,000 tasks took minutes). The owner keeps one in a
/// stored property and replaces it with a fresh one in a `didSet` of the fields it is derived
/// from, so a stale table is never read; copies of the owner share the table until one of them
/// changes. It takes no part in the owner's equality or JSON (see the `KeyedEncodingContainer`
/// and `KeyedDecodingContainer` overloads below): the model's bytes, and so its certification
/// digest, are the same as without it.
struct LookupCache<Table: Sendable>: Sendable, Codable, Equatable {
    private let storage = Storage()

    init() {}

    /// The table, made by `make` by whichever caller asks first; later callers get the same one.
    func table(_ make: () -> Table) -> Table {
        storage.table(make)
    }

    /// Every cache equals every other: it holds nothing the owner does not.
    static func == (_: LookupCache, _: LookupCache) -> Bool { true }

    init(from decoder: any Decoder) throws {}

    func encode(to encoder: any Encoder) throws {}

    /// The shared, lock-guarded slot: model values are read from several threads at once.
    private final class Storage: @unchecked Sendable {
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

extension KeyedEncodingContainer {
    /// Writes no key for a lookup cache: synthesized `Codable` would write `{}` under its name.
    mutating func encode<Table>(_: LookupCache<Table>, forKey _: Key) throws {}
}

extension KeyedDecodingContainer {
    /// Reads a lookup cache without looking for its key, which JSON never has.
    func decode<Table>(_: LookupCache<Table>.Type, forKey _: Key) throws -> LookupCache<Table> {
        LookupCache()
    }
}
