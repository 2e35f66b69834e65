import PhaseModel
import PropertyBased
import Testing
@testable import Scan

struct TaskIDPatternTests {
    let ids = try! TaskIDPattern()

    @Test func spellingsOfOneIDAreCanonicalisedAlike() {
        #expect(ids.canonical("TN-99") == "TN-099")
        #expect(ids.canonical("TN-099") == "TN-099")
        #expect(ids.canonical("tn-099") == "TN-099")
        #expect(ids.canonical("TN-0099") == "TN-099")
        #expect(ids.canonical("TN-1234") == "TN-1234")
        #expect(ids.canonical("TN-0") == "TN-000")
    }

    @Test func widthIsConfigurable() throws {
        let four = try TaskIDPattern(width: 4)
        #expect(four.canonical("TN-99") == "TN-0099")
    }

    @Test func textThatIsNotOneIDIsRejected() {
        #expect(ids.canonical("TN-99 and more") == nil)
        #expect(ids.canonical("T-99") == nil)
        #expect(ids.canonical("TN99") == nil)
        #expect(ids.canonical("") == nil)
    }

    @Test func idsInTextAreFoundInAnySpellingWithoutRepeats() {
        let found = ids.ids(in: "feat(TN-99): fix; see [TN-100] and (tn-099), not TN-7a nor TN-12.5 nor TN_8")
        #expect(found == ["TN-099", "TN-100"])
    }

    @Test func leadingIDMustBeWrittenInUpperCase() {
        #expect(ids.leadingID(in: "utf-8 support") == nil)
        #expect(ids.leadingID(in: "  TN-044 Docker image")?.id == "TN-044")
        #expect(ids.leadingID(in: "tn-044 Docker", anyCase: true)?.id == "TN-044")
    }

    @Test func folderNamesSplitIntoIDAndSlug() throws {
        let named = try #require(ids.folderName("TN-99-redis-statefulset"))
        #expect(named.id == "TN-099")
        #expect(named.written == "TN-99")
        #expect(named.slug == "redis-statefulset")
        let bare = try #require(ids.folderName("TN-040"))
        #expect(bare.id == "TN-040")
        #expect(bare.slug == nil)
        #expect(ids.folderName("TN-058-parallel-publishing-150pct")?.slug == "parallel-publishing-150pct")
        #expect(ids.folderName("notes") == nil)
        #expect(ids.folderName("TN-") == nil)
    }

    @Test func anyNumberRoundTripsThroughItsCanonicalForm() async {
        await propertyCheck(input: Gen.int(in: 0...99_999)) { number in
            let canonical = ids.canonical(prefix: "ab", number: String(number))
            #expect(ids.canonical(canonical) == canonical)
            #expect(ids.canonical("AB-\(number)") == canonical)
            #expect(canonical.hasPrefix("AB-"))
            #expect(canonical.count >= 6)
        }
    }
}

extension TaskIDPatternTests {
    @Test func theFastScannerFindsWhatThePatternFinds() async {
        let pieces = ["TN", "tn", "AB", "XTN", "ABCDEFGH", "-", "7", "099", "12", ".", "5", " ", "_", "a", "(", ")", "[", "]", ":", "Ж", "\n", "feat", "/"]
        let text = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...24).map { $0.joined() }
        await propertyCheck(count: 500, input: text) { text in
            var scanner = TaskIDScanner(pattern: ids)
            #expect(scanner.ids(in: text) == ids.ids(in: text), "\(text)")
        }
    }

    @Test func theFastScannerHandlesTheDocumentedSpellings() {
        var scanner = TaskIDScanner(pattern: ids)
        #expect(scanner.ids(in: "feat(TN-99): x [tn-099] (TN-100) TN-7a TN-12.5 UTF-8") == ["TN-099", "TN-100", "UTF-008"])
    }
}
