import Foundation
import PhaseModel
import Testing
import TestSupport

// MARK: - The validator itself

@Suite("JSON Schema validator")
struct JSONSchemaValidatorTests {
    /// The problems `instance` has against `schema`, both given as JSON text.
    private func problems(_ schema: String, _ instance: String) throws -> [String] {
        let validator = try JSONSchemaValidator(schemaData: Data(schema.utf8))
        return try validator.validate(json: Data(instance.utf8))
    }

    private func accepts(_ schema: String, _ instances: String..., sourceLocation: SourceLocation = #_sourceLocation) throws {
        for instance in instances {
            let found = try problems(schema, instance)
            #expect(found.isEmpty, "\(instance) should match \(schema): \(found)", sourceLocation: sourceLocation)
        }
    }

    private func rejects(_ schema: String, _ instances: String..., sourceLocation: SourceLocation = #_sourceLocation) throws {
        for instance in instances {
            #expect(!(try problems(schema, instance)).isEmpty, "\(instance) should not match \(schema)", sourceLocation: sourceLocation)
        }
    }

    @Test("type accepts its own type and rejects the others")
    func typeKeyword() throws {
        try accepts(#"{"type": "string"}"#, #""a""#, #""""#)
        try rejects(#"{"type": "string"}"#, "1", "null", "true", "[]", "{}")
        try accepts(#"{"type": "null"}"#, "null")
        try rejects(#"{"type": "null"}"#, "0", #""""#, "false")
        try accepts(#"{"type": "array"}"#, "[]", "[1, \"a\"]")
        try rejects(#"{"type": "array"}"#, "{}", #""[]""#)
        try accepts(#"{"type": "object"}"#, "{}", #"{"a": 1}"#)
        try rejects(#"{"type": "object"}"#, "[]", "null")
    }

    @Test("A type array accepts any of its types, so null can be allowed beside a value")
    func typeArrays() throws {
        try accepts(#"{"type": ["integer", "null"]}"#, "3", "null", "0")
        try rejects(#"{"type": ["integer", "null"]}"#, #""3""#, "3.5", "true", "[]")
    }

    @Test("Integers are numbers without a fractional part; numbers include them")
    func integersAndNumbers() throws {
        try accepts(#"{"type": "integer"}"#, "2", "-7", "0", "2.0", "1e2", "12345678901234")
        try rejects(#"{"type": "integer"}"#, "2.5", "0.1", "-1e-7")
        try accepts(#"{"type": "number"}"#, "2", "2.5", "-0.1", "1e-7")
        try rejects(#"{"type": "number"}"#, #""2""#, "null")
    }

    @Test("Booleans are neither integers nor numbers, and numbers are not booleans")
    func booleansAreNotNumbers() throws {
        try rejects(#"{"type": "integer"}"#, "true", "false")
        try rejects(#"{"type": "number"}"#, "true", "false")
        try accepts(#"{"type": "boolean"}"#, "true", "false")
        try rejects(#"{"type": "boolean"}"#, "1", "0", #""true""#)
        try rejects(#"{"enum": [1]}"#, "true")
        try rejects(#"{"enum": [0]}"#, "false")
        try rejects(#"{"const": true}"#, "1")
        try rejects(#"{"type": "integer", "minimum": 0}"#, "false")
    }

    @Test("Native Swift values are classified like parsed JSON")
    func nativeValues() throws {
        let validator = try JSONSchemaValidator(schema: ["type": "integer"] as [String: Any])
        #expect(validator.validate(3).isEmpty)
        #expect(!validator.validate(true).isEmpty)
        #expect(!validator.validate(2.5).isEmpty)
        let nullable = try JSONSchemaValidator(schema: ["type": ["boolean", "null"]] as [String: Any])
        #expect(nullable.validate(false).isEmpty)
        #expect(nullable.validate(NSNull()).isEmpty)
        #expect(nullable.validate(Optional<Int>.none as Any).isEmpty)
        #expect(!nullable.validate(0).isEmpty)
    }

    @Test("properties validates the members it names")
    func propertiesKeyword() throws {
        let schema = #"{"type": "object", "properties": {"a": {"type": "integer"}, "b": {"type": "string"}}}"#
        try accepts(schema, "{}", #"{"a": 1}"#, #"{"a": 1, "b": "x", "c": null}"#)
        try rejects(schema, #"{"a": "1"}"#, #"{"b": 2}"#)
    }

    @Test("required rejects an object missing a listed key, even when null would be allowed")
    func requiredKeyword() throws {
        let schema = #"{"type": "object", "properties": {"a": {"type": ["integer", "null"]}}, "required": ["a"]}"#
        try accepts(schema, #"{"a": 1}"#, #"{"a": null}"#)
        try rejects(schema, "{}", #"{"b": 1}"#)
        #expect(try problems(schema, "{}") == [#"#: missing required property "a""#])
    }

    @Test("additionalProperties false rejects unknown keys; a schema validates them")
    func additionalPropertiesKeyword() throws {
        let closed = #"{"type": "object", "properties": {"a": {}}, "additionalProperties": false}"#
        try accepts(closed, "{}", #"{"a": [1]}"#)
        try rejects(closed, #"{"b": 1}"#, #"{"a": 1, "b": 1}"#)
        #expect(try problems(closed, #"{"a": 1, "b": 1}"#) == [#"#/b: property "b" is not allowed"#])

        let map = #"{"type": "object", "additionalProperties": {"type": "number"}}"#
        try accepts(map, "{}", #"{"coverage": 80, "loc": 1500.5}"#)
        try rejects(map, #"{"coverage": "80"}"#, #"{"flag": true}"#)
    }

    @Test("items validates every element of an array")
    func itemsKeyword() throws {
        let schema = #"{"type": "array", "items": {"type": "string"}}"#
        try accepts(schema, "[]", #"["a", "b"]"#)
        try rejects(schema, #"["a", 1]"#, "[null]")
        #expect(try problems(schema, #"["a", "b", 3]"#) == ["#/2: expected string, found integer"])
    }

    @Test("enum accepts only listed values; numbers compare by value")
    func enumKeyword() throws {
        let schema = #"{"enum": ["critical", "major", null, 1]}"#
        try accepts(schema, #""critical""#, #""major""#, "null", "1", "1.0")
        try rejects(schema, #""Critical""#, #""minor""#, "2", "true", "[]")
        try accepts(#"{"enum": [[1, {"a": "b"}]]}"#, #"[1, {"a": "b"}]"#)
        try rejects(#"{"enum": [[1, {"a": "b"}]]}"#, #"[1, {"a": "c"}]"#, #"[1, {"a": "b", "c": 1}]"#)
    }

    @Test("const accepts exactly one value")
    func constKeyword() throws {
        try accepts(#"{"const": 1}"#, "1", "1.0")
        try rejects(#"{"const": 1}"#, "2", #""1""#, "null")
        try accepts(#"{"const": null}"#, "null")
        try rejects(#"{"const": null}"#, "0")
    }

    @Test("minimum and maximum are inclusive bounds on numbers and ignore other types")
    func bounds() throws {
        let schema = #"{"minimum": 0, "maximum": 100}"#
        try accepts(schema, "0", "100", "95.45", #""-5""#, "null")
        try rejects(schema, "-1", "-0.001", "100.0001", "1000")
    }

    @Test("minLength counts characters")
    func minLengthKeyword() throws {
        try accepts(#"{"minLength": 2}"#, #""ab""#, #""фаза""#, "5")
        try rejects(#"{"minLength": 2}"#, #""a""#, #""""#, #""ф""#)
    }

    @Test("pattern searches anywhere in the string unless anchored")
    func patternKeyword() throws {
        try accepts(#"{"pattern": "b"}"#, #""abc""#, "12")
        try rejects(#"{"pattern": "^b"}"#, #""abc""#)
        let date = #"{"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}"#
        try accepts(date, #""2025-11-30""#)
        try rejects(date, #""2025-11-30T10:00""#, #""30.11.2025""#)
        let relative = #"{"pattern": "^(?!/|[A-Za-z]:[\\\\/]|\\.\\.(/|$)).+$"}"#
        try accepts(relative, #""tasks/TN-099-x""#, #"".github/x.yml""#, #""a..b""#)
        try rejects(relative, #""/home/me/repo""#, #""../outside""#, #""..""#, #""C:\\repo""#, #""""#)
    }

    @Test("oneOf requires exactly one matching branch")
    func oneOfKeyword() throws {
        let schema = #"{"oneOf": [{"type": "integer"}, {"minimum": 10}]}"#
        try accepts(schema, "3", "10.5")
        try rejects(schema, "12", "9.5")
        #expect(try problems(schema, "12").first?.contains("exactly one must match") == true)
        #expect(try problems(schema, "9.5").first?.hasPrefix("#: matches none of the oneOf schemas") == true)
    }

    @Test("anyOf requires at least one matching branch")
    func anyOfKeyword() throws {
        let schema = #"{"anyOf": [{"type": "integer"}, {"minimum": 10}]}"#
        try accepts(schema, "3", "10.5", "12")
        try rejects(schema, "9.5")
    }

    @Test("$ref resolves #/$defs/ names, also next to other keywords")
    func refKeyword() throws {
        let schema = """
            {"$defs": {"count": {"type": "integer", "minimum": 0}, "a/b": {"const": "x"}},
             "type": "object",
             "properties": {"n": {"$ref": "#/$defs/count", "maximum": 5}, "s": {"$ref": "#/$defs/a~1b"}}}
            """
        try accepts(schema, #"{"n": 3, "s": "x"}"#)
        try rejects(schema, #"{"n": -1}"#, #"{"n": 6}"#, #"{"n": 1.5}"#, #"{"s": "y"}"#)
        #expect(try problems(schema, #"{"n": -1}"#) == ["#/n: -1 is less than the minimum 0"])
    }

    @Test("A $ref that does not resolve, or points elsewhere than #/$defs, is a schema error")
    func unresolvableRef() {
        #expect(throws: JSONSchemaValidator.SchemaError.self) {
            try JSONSchemaValidator(schemaData: Data(##"{"$ref": "#/$defs/missing"}"##.utf8))
        }
        #expect(throws: JSONSchemaValidator.SchemaError.self) {
            try JSONSchemaValidator(schemaData: Data(##"{"$defs": {"a": {}}, "$ref": "other.json#/$defs/a"}"##.utf8))
        }
    }

    @Test("Boolean schemas: true accepts everything, false nothing")
    func booleanSchemas() throws {
        try accepts("true", "1", "null", "{}")
        try rejects("false", "1", "null", "{}")
        try rejects(#"{"type": "object", "properties": {"x": false}}"#, #"{"x": 1}"#)
    }

    @Test("An unsupported keyword is a schema error naming where it is, even in an unused definition")
    func unsupportedKeywordsAreReported() {
        for keyword in [
            #""format": "date""#, #""exclusiveMinimum": 0"#, #""uniqueItems": true"#, #""patternProperties": {}"#,
            #""if": {}"#, #""maxLength": 3"#, #""prefixItems": []"#, ##""$dynamicRef": "#x""##,
        ] {
            let schema = #"{"type": "object", "$defs": {"unused": {"type": "string", \#(keyword)}}}"#
            do {
                _ = try JSONSchemaValidator(schemaData: Data(schema.utf8))
                Issue.record("accepted a schema using \(keyword)")
            } catch let error as JSONSchemaValidator.SchemaError {
                #expect(error.problems.count == 1)
                #expect(error.problems.first?.hasPrefix("#/$defs/unused/") == true, "\(error.problems)")
                #expect(error.problems.first?.contains("unsupported keyword") == true)
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test("Malformed keyword values are schema errors")
    func malformedKeywords() {
        for schema in [
            #"{"type": "int"}"#, #"{"type": []}"#, #"{"required": "a"}"#, #"{"enum": []}"#,
            #"{"minimum": "0"}"#, #"{"pattern": "("}"#, #"{"oneOf": {}}"#, #"{"properties": []}"#, "3",
        ] {
            #expect(throws: JSONSchemaValidator.SchemaError.self, "\(schema)") {
                try JSONSchemaValidator(schemaData: Data(schema.utf8))
            }
        }
    }

    @Test("Annotation keywords are accepted and do not affect validation")
    func annotationsAreIgnored() throws {
        let schema = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "urn:x", "title": "T",
             "description": "D", "examples": [1], "$comment": "c", "default": 0, "type": "integer"}
            """
        try accepts(schema, "1")
        try rejects(schema, #""1""#)
    }

    @Test("Error paths are JSON pointers with ~ and / escaped")
    func errorPaths() throws {
        let schema = """
            {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "object",
             "properties": {"x": {"type": "integer"}}}}}
            """
        #expect(try problems(schema, #"{"a/b~c": [{"x": 1}, {"x": "no"}]}"#)
            == [#"#/a~1b~0c/1/x: expected integer, found string"#])
    }
}

// MARK: - The phase model schema

// Nested so that `--filter JSONSchemaValidatorTests` runs it too.
extension JSONSchemaValidatorTests {
    @Suite("Phase model JSON Schema")
    struct PhaseModelSchemaTests {
        static let repositoryRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // PhasecertCLITests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()

        static let schemaURL = repositoryRoot.appendingPathComponent("schema/phase-model.schema.json")

        private func validator() throws -> JSONSchemaValidator {
            try JSONSchemaValidator(schemaFile: Self.schemaURL)
        }

        private func schemaObject() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaURL)) as? [String: Any])
        }

        private func encodedObject(_ workspace: Workspace) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: CanonicalJSON.encode(workspace)) as? [String: Any])
        }

        @Test("The schema uses only keywords the validator checks")
        func schemaIsSupported() throws {
            _ = try validator()
            let schema = try schemaObject()
            #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
            #expect(schema["additionalProperties"] as? Bool == false)
        }

        @Test("A fully populated workspace validates")
        func populatedWorkspaceValidates() throws {
            let data = try CanonicalJSON.encode(SampleWorkspace.populated)
            #expect(try validator().validate(json: data) == [])
            let compact = try CanonicalJSON.encode(SampleWorkspace.populated, pretty: false)
            #expect(try validator().validate(json: compact) == [])
        }

        @Test("A workspace whose optionals are all nil validates, with every nullable key present as null")
        func emptyOptionalsValidate() throws {
            #expect(try validator().validate(json: CanonicalJSON.encode(SampleWorkspace.allNil)) == [])
            let json = try encodedObject(SampleWorkspace.allNil)
            #expect(json["tests"] is NSNull)
        }

        @Test("An empty workspace validates")
        func emptyWorkspaceValidates() throws {
            let workspace = Workspace(
                sources: .init(tasksRoot: "tasks", masterList: nil, config: nil), phases: [], tasks: [], findings: []
            )
            #expect(try validator().validate(json: CanonicalJSON.encode(workspace)) == [])
        }

        @Test("The schema rejects a missing key, an unknown key, a negative count and a wrong schemaVersion")
        func schemaIsStrict() throws {
            let validator = try validator()
            let original = try encodedObject(SampleWorkspace.populated)

            var missing = original
            missing["tests"] = nil
            #expect(validator.validate(missing) == [#"#: missing required property "tests""#])

            var unknown = original
            unknown["extra"] = 1
            #expect(validator.validate(unknown) == [#"#/extra: property "extra" is not allowed"#])

            var version = original
            version["schemaVersion"] = 2
            #expect(validator.validate(version) == ["#/schemaVersion: expected the constant 1, found 2"])

            var tests = try #require(original["tests"] as? [String: Any])
            tests["failed"] = -1
            var negative = original
            negative["tests"] = tests
            let negativeProblems = validator.validate(negative)
            #expect(negativeProblems.count == 1)
            #expect(negativeProblems.first?.contains("#/tests/failed: -1 is less than the minimum 0") == true)

            var zeroForNull = original
            var phases = try #require(original["phases"] as? [[String: Any]])
            phases[1]["completion"] = 0
            zeroForNull["phases"] = phases
            #expect(validator.validate(zeroForNull).first?.hasPrefix("#/phases/1/completion: matches none of the anyOf") == true)
        }

        @Test("Provenance is exactly one of {file, line} and {commit}")
        func provenanceForms() throws {
            let validator = try validator()
            let original = try encodedObject(SampleWorkspace.populated)
            func withClaimSource(_ source: Any) throws -> [String] {
                var claims = try #require(original["claims"] as? [[String: Any]])
                claims[0]["source"] = source
                var copy = original
                copy["claims"] = claims
                return validator.validate(copy)
            }
            #expect(try withClaimSource(["file": "a.md", "line": 3]) == [])
            #expect(try withClaimSource(["file": "a.md", "line": NSNull()]) == [])
            #expect(try withClaimSource(["commit": SampleWorkspace.commitA]) == [])
            #expect(try !withClaimSource(["file": "a.md"]).isEmpty)  // line must be written, even as null
            #expect(try !withClaimSource(["file": "a.md", "line": 0]).isEmpty)
            #expect(try !withClaimSource(["file": "/abs/a.md", "line": 1]).isEmpty)
            #expect(try !withClaimSource(["commit": "abc123"]).isEmpty)  // never abbreviated
            #expect(try !withClaimSource(["file": "a.md", "line": 1, "commit": SampleWorkspace.commitA]).isEmpty)
            #expect(try !withClaimSource([String: Any]()).isEmpty)
        }

        @Test("The schema's enums list exactly the model's severities, claim kinds and verdicts")
        func enumsMatchTheModel() throws {
            let defs = try #require(try schemaObject()["$defs"] as? [String: Any])
            func values(_ name: String) -> [String]? {
                (defs[name] as? [String: Any])?["enum"] as? [String]
            }
            #expect(values("severity") == Severity.allCases.map(\.rawValue))
            #expect(values("claimKind") == ClaimKind.allCases.map(\.rawValue))
            #expect(values("verdict") == Verdict.allCases.map(\.rawValue))
        }

        @Test("Every object definition requires every property it declares, as the encoder writes them all, but those marked as omitted when absent")
        func everyDeclaredPropertyIsRequired() throws {
            var objects: [(String, [String: Any])] = [("#", try schemaObject())]
            var index = 0
            while index < objects.count {
                let (path, schema) = objects[index]
                index += 1
                if let properties = schema["properties"] as? [String: Any] {
                    let required = Set(schema["required"] as? [String] ?? [])
                    // A property added after a shape was certified is written only when it has a value,
                    // so older certifications keep their bytes; the schema marks each such one.
                    let omitted = Set(properties.compactMap { name, property in
                        (property as? [String: Any])?["x-omittedWhenAbsent"] as? Bool == true ? name : nil
                    })
                    #expect(Set(properties.keys) == required.union(omitted), "\(path)")
                    #expect(required.isDisjoint(with: omitted), "\(path)")
                    #expect(schema["additionalProperties"] as? Bool == false, "\(path)")
                }
                for key in ["$defs", "properties"] {
                    for (name, child) in (schema[key] as? [String: Any] ?? [:]) {
                        if let child = child as? [String: Any] { objects.append(("\(path)/\(key)/\(name)", child)) }
                    }
                }
                for key in ["oneOf", "anyOf"] {
                    for (offset, child) in (schema[key] as? [Any] ?? []).enumerated() {
                        if let child = child as? [String: Any] { objects.append(("\(path)/\(key)/\(offset)", child)) }
                    }
                }
                if let items = schema["items"] as? [String: Any] { objects.append(("\(path)/items", items)) }
            }
        }
    }

}
