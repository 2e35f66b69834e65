import PhaseModel
import Testing

/// `PhaseSlug`: the folder a phase's reports and history live in.
struct SnapshotSlugTests {
    @Test(arguments: [
        ("13", "phase-13"),
        ("14.6", "phase-14.6"),
        ("2 b", "phase-2-b"),
        ("0", "phase-0"),
        ("A1", "phase-A1"),
        ("../x", "phase-..-x"),
        ("3/4", "phase-3-4"),
        ("2_b", "phase-2-b"),
        ("фаза 1", "phase------1"),
        ("é", "phase--"),
    ])
    func everyCharacterOutsideLettersDigitsAndDotsBecomesADash(id: String, folder: String) {
        #expect(PhaseSlug.folder(for: id) == folder)
    }

    @Test func aSlugIsOneFolderName() {
        for id in ["..", "/", "a/../b", "\\", "x\ny"] {
            let folder = PhaseSlug.folder(for: id)
            #expect(folder.hasPrefix("phase-"))
            #expect(!folder.contains("/"))
            #expect(folder != "..")
        }
    }
}
