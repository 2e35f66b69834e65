/// A report's view turned, once, into the dictionaries swift-mustache reads by key.
///
/// swift-mustache finds a name in a struct through `Mirror`, again for every tag and for every
/// level of the context stack it climbs; a phase of 500 tasks spent most of its rendering time
/// reflecting types. A `[String: Any]` is read by key (`MustacheParent`) with the same rules: a
/// stored property becomes a key under its label, a `nil` optional is left out (as the mirror
/// lookup treats it as absent and climbs on), the first of two equal labels wins, and arrays
/// keep their order. Values the templates read some other way (sets, dictionaries, enums,
/// optionals inside arrays) are kept as they are, so they render as before.
enum TemplateContext {
    static func of(_ value: Any) -> Any {
        switch value {
        case is String, is Bool, is Int, is Double, is Substring: return value
        default: break
        }
        if let fields = value as? any TemplateFields { return fields.templateFields.mapValues(of) }
        return reflected(value)
    }

    /// `of(_:)` through `Mirror`, for a value that does not give its fields itself.
    static func reflected(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct?, .class?:
            var members: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, members[label] == nil, let present = unwrapped(child.value) else { continue }
                members[label] = of(present)
            }
            return members
        case .collection?:
            guard value is [Any] else { return value }
            return mirror.children.map { of($0.value) }
        default:
            return value
        }
    }

    /// The value an optional holds, or `value` itself; `nil` for an empty optional.
    private static func unwrapped(_ value: Any) -> Any? {
        // A cast to a protocol only `Optional` conforms to, instead of a second `Mirror` for
        // every member: that mirror was a third of turning a view into dictionaries.
        guard let optional = value as? any OptionalContent else { return value }
        return optional.content
    }
}

/// `Optional`, seen through `Any`: what it holds, if anything.
private protocol OptionalContent {
    var content: Any? { get }
}

extension Optional: OptionalContent {
    fileprivate var content: Any? { map { $0 as Any } }
}
