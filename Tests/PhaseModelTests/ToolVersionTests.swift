import Foundation
import PhaseModel
import Testing

/// The version phasecert names itself by: from a version tag when the build has one, else the
/// source's release constant, with the commit built from.
struct ToolVersionTests {
    static let commit = "a1b2c3d4e5f6"

    @Test func onAReleaseTagTheVersionIsTheTag() {
        #expect(ToolVersion(describe: "v0.6.0-0-ga1b2c3d4e5f6", commit: Self.commit).version == "0.6.0")
        #expect(ToolVersion(describe: "2.1.0-0-ga1b2c3d4e5f6", commit: Self.commit).version == "2.1.0")
        #expect(ToolVersion(describe: "v1.0.0-rc.1-0-ga1b2c3d4e5f6", commit: Self.commit).version == "1.0.0-rc.1")
    }

    @Test func commitsAfterATagAreBuildMetadata() {
        #expect(ToolVersion(describe: "v0.6.0-3-ga1b2c3d4e5f6", commit: Self.commit).version == "0.6.0+3")
        #expect(ToolVersion(describe: "v1.0.0-rc.1-12-ga1b2c3d4e5f6", commit: Self.commit).version == "1.0.0-rc.1+12")
        #expect(ToolVersion(describe: "v1.0.0+linux-2-ga1b2c3d4e5f6", commit: Self.commit).version == "1.0.0+linux.2")
    }

    @Test func withoutAVersionTagTheSourcesVersionIsUsed() {
        for describe in [nil, "", "phase-1-certified-4-ga1b2c3d4e5f6", "v1.2-0-gabc", "v01.2.3-0-gabc", "a1b2c3d", "v1.2.3-x-gabc"] {
            #expect(ToolVersion(describe: describe, commit: nil).version == ToolVersion.release, "\(describe ?? "nil")")
        }
        #expect(ToolVersion.unstamped == ToolVersion(version: ToolVersion.release, commit: nil))
    }

    @Test func theReleaseConstantIsASemanticVersion() {
        #expect(ToolVersion(describe: "v\(ToolVersion.release)-0-gabc", commit: nil).version == ToolVersion.release)
    }

    @Test func theCommitIsHexadecimalOrUnknown() {
        #expect(ToolVersion(describe: nil, commit: "A1B2C3D4E5F6").commit == Self.commit)
        #expect(ToolVersion(describe: nil, commit: "not-a-commit").commit == nil)
        #expect(ToolVersion(describe: nil, commit: nil).commit == nil)
    }

    @Test func itPrintsAsVersionOutputDoes() {
        #expect(ToolVersion(version: "0.6.0", commit: Self.commit).description == "phasecert 0.6.0 (a1b2c3d4e5f6)")
        #expect(ToolVersion(version: "0.6.0", commit: nil).description == "phasecert 0.6.0 (unknown)")
    }

    @Test func anUnknownCommitIsNullInJSON() throws {
        let json = String(decoding: try CanonicalJSON.encode(ToolVersion(version: "0.6.0", commit: nil)), as: UTF8.self)
        #expect(json.contains("\"commit\" : null"))
        #expect(try CanonicalJSON.decode(ToolVersion.self, from: Data(json.utf8)) == ToolVersion(version: "0.6.0", commit: nil))
    }
}
