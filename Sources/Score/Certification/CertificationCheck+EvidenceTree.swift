import Foundation
import PhaseModel

extension CertificationCheck {
    /// The evidence a digest covers, as a JSON tree, so that two of them can be compared field by
    /// field and whatever differs can be named, whichever field it is.
    ///
    /// Arrays of model values are compared element by element under a key that survives
    /// reordering and insertion: a task or gate condition by `id`, a document by `path`, a chart
    /// by `chart`, a sub-score by `name`, a finding by its identity (rule, task, phase, file,
    /// commit), a claim by kind, text, subject, scope and source file or commit. Other arrays are
    /// compared by position; repeats of one key are matched in order.
    indirect enum EvidenceTree: Decodable, Equatable, Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([EvidenceTree])
        case object([String: EvidenceTree])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([EvidenceTree].self) {
                self = .array(value)
            } else {
                self = .object(try container.decode([String: EvidenceTree].self))
            }
        }

        /// The tree of a model value, through the same canonical JSON the digest is taken over.
        init<Value: Encodable>(encoding value: Value) {
            // Model values always encode, and canonical JSON always decodes back into a tree.
            let data = (try? CanonicalJSON.encode(value, pretty: false)) ?? Data()
            self = (try? CanonicalJSON.decode(EvidenceTree.self, from: data)) ?? .null
        }

        /// One place where two trees differ: a value changed, or was added or removed whole.
        struct Difference: Equatable, Sendable {
            /// Path components: field names, and `[key]` for array elements (`[key](2)` for the
            /// second element with one key).
            var path: [String]
            var before: EvidenceTree?
            var after: EvidenceTree?
        }

        /// Every place where `before` and `after` differ, in `after`'s order, then what only `before` has.
        static func differences(_ before: EvidenceTree?, _ after: EvidenceTree?, at path: [String] = []) -> [Difference] {
            guard before != after else { return [] }
            switch (before, after) {
            case let (.object(old)?, .object(new)?):
                let keys = Set(old.keys).union(new.keys).sorted()
                return keys.flatMap { differences(old[$0], new[$0], at: path + [$0]) }
            case let (.array(old)?, .array(new)?):
                let field = path.last ?? ""
                let oldKeyed = keyed(old, in: field)
                let newKeyed = keyed(new, in: field)
                var listed = Set<String>()
                let order = (newKeyed + oldKeyed).map(\.0).filter { listed.insert($0).inserted }
                // A key can only repeat when an id looks like a position (`[3]`); the first one counts.
                let oldElements = Dictionary(oldKeyed, uniquingKeysWith: { first, _ in first })
                let newElements = Dictionary(newKeyed, uniquingKeysWith: { first, _ in first })
                return order.flatMap { differences(oldElements[$0], newElements[$0], at: path + [$0]) }
            default:
                return [Difference(path: path, before: before, after: after)]
            }
        }

        /// Whether `path` lies inside one of `explained` (a prefix), reading `[key](2)` as `[key]`.
        static func isExplained(_ path: [String], by explained: [[String]]) -> Bool {
            explained.contains { prefix in
                prefix.count <= path.count
                    && zip(prefix, path).allSatisfy { wanted, actual in actual == wanted || actual.hasPrefix(wanted + "(") }
            }
        }

        /// `tasks[TN-001].documents[tasks/TN-001-x/design.md].lines`.
        static func display(_ path: [String]) -> String {
            path.reduce(into: "") { text, component in
                text += component.hasPrefix("[") || text.isEmpty ? component : "." + component
            }
        }

        /// The `[key]` component an element of the array `field` is found under.
        static func component<Value: Encodable>(of value: Value, in field: String) -> String {
            "[\(key(of: EvidenceTree(encoding: value), in: field) ?? "")]"
        }

        /// Elements with their path components: `[key]`, `[key](2)` for a repeated key, `[index]`
        /// for an element without a key.
        private static func keyed(_ elements: [EvidenceTree], in field: String) -> [(String, EvidenceTree)] {
            var seen: [String: Int] = [:]
            return elements.enumerated().map { index, element in
                guard let key = key(of: element, in: field) else { return ("[\(index)]", element) }
                seen[key, default: 0] += 1
                let count = seen[key] ?? 1
                return (count == 1 ? "[\(key)]" : "[\(key)](\(count))", element)
            }
        }

        private static func key(of element: EvidenceTree, in field: String) -> String? {
            guard case let .object(fields) = element else { return nil }
            let text = { (name: String) -> String? in
                if case let .string(value)? = fields[name] { return value }
                return nil
            }
            switch field {
            case "findings":
                // `FindingIdentity`: the line and message move while the finding stays.
                return ["rule", "task", "phase", "file", "commit"].compactMap(text).joined(separator: " ")
            case "claims":
                // As for findings, the line is left out: an edit above a claim moves it.
                var source = ""
                if case let .object(place)? = fields["source"] {
                    source = [place["file"], place["commit"]].compactMap { $0?.plain }.joined()
                }
                return [text("kind"), text("text").map { "\"\($0)\"" }, text("subject"), text("task") ?? text("phase"), "@" + source]
                    .compactMap { $0 }.joined(separator: " ")
            default:
                return ["id", "path", "chart", "name"].lazy.compactMap(text).first
            }
        }

        /// The value as compact JSON, cut at 120 characters.
        var excerpt: String {
            let text = json
            return text.count > 120 ? String(text.prefix(119)) + "…" : text
        }

        /// A string without quotes, a number without a needless `.0`; `nil` for null.
        private var plain: String? {
            switch self {
            case .null: nil
            case let .string(value): value
            default: json
            }
        }

        private var json: String {
            switch self {
            case .null: "null"
            case let .bool(value): value ? "true" : "false"
            case let .number(value):
                value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
            case let .string(value):
                String(decoding: (try? CanonicalJSON.encode(value, pretty: false).dropLast()) ?? Data(), as: UTF8.self)
            case let .array(elements):
                "[" + elements.map(\.json).joined(separator: ",") + "]"
            case let .object(fields):
                "{" + fields.keys.sorted().map { EvidenceTree.string($0).json + ":" + (fields[$0]?.json ?? "null") }.joined(separator: ",") + "}"
            }
        }
    }
}
