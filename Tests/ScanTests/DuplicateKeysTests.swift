import PropertyBased
import Testing

@testable import Scan

/// The one-pass duplicate-key finder, against a reference computed while the YAML is written, and the
/// errors the loader makes of it where duplicates meet other mistakes.
@Suite("DuplicateKeys")
struct DuplicateKeysTests {
    @Test func theFirstSecondOccurrenceIsFoundWithItsPathAndBothLines() async {
        let sections = Gen.int(in: 0...3).array(of: 1...5).array(of: 1...4)
        await propertyCheck(input: sections, Gen.bool().array(of: 4)) { sections, asList in
            // Sections `s0`, `s1`, … hold keys `k0`…`k3`, as a mapping or as a list of one mapping.
            var yaml = "", line = 0
            var expected: (path: String, firstLine: Int, line: Int)?
            for (index, keys) in sections.enumerated() {
                yaml += "s\(index):\n"
                line += 1
                var firstLines: [String: Int] = [:]
                for (offset, key) in keys.enumerated() {
                    line += 1
                    yaml += (asList[index] ? (offset == 0 ? "  - " : "    ") : "  ") + "k\(key): \(offset)\n"
                    if expected == nil, let first = firstLines["k\(key)"] {
                        expected = ((asList[index] ? "s\(index)[0]" : "s\(index)") + ".k\(key)", first, line)
                    }
                    firstLines["k\(key)"] = firstLines["k\(key)"] ?? line
                }
            }
            let found = DuplicateKeys.first(in: yaml)
            #expect(found?.path == expected?.path, "\(yaml)")
            #expect(found?.firstLine == expected?.firstLine, "\(yaml)")
            #expect(found?.line == expected?.line, "\(yaml)")
        }
    }

    private func message(_ yaml: String) -> String? {
        do {
            _ = try ConfigurationLoader.load(yaml: yaml, file: "phasecert.yml")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func keysOfTheSameTextAreOneKeyWhateverTheirType() {
        #expect(message("tasks:\n  1: a\n  \"1\": b\n") == "phasecert.yml:3: duplicate key 'tasks.1' (first set on line 2)")
    }

    @Test func aDuplicateBeforeMalformedYAMLIsTheMistakeReported() {
        #expect(message("git:\n  cache: a\n  cache: b\nlocales: [en\n") == "phasecert.yml:3: duplicate key 'git.cache' (first set on line 2)")
    }

    @Test func malformedYAMLBeforeADuplicateIsTheMistakeReported() {
        let text = message("locales: [en\ngit:\n  cache: a\n  cache: b\n")
        #expect(text?.hasPrefix("phasecert.yml:2: not valid YAML: ") == true, "\(text ?? "")")
    }

    @Test func aDuplicateInASecondDocumentIsReportedAsTheSecondDocument() {
        #expect(
            message("tasks:\n  root: a\n---\ngit:\n  cache: a\n  cache: b\n")
                == "phasecert.yml:3: only one YAML document is allowed, and a second one starts on this line")
    }

    @Test func aDuplicateThroughAnAliasIsReportedOnOneLine() {
        let text = message("tasks: {&k root: a, *k : b}\n")
        #expect(text == "phasecert.yml:1: duplicate key 'root'")
    }

    @Test func textWithoutKeysHasNoDuplicates() {
        for text in ["", "~", "- a\n- a\n", "[a, a]", "'a'", "---\n...\n"] {
            #expect(DuplicateKeys.first(in: text) == nil, "\(text)")
        }
    }
}
