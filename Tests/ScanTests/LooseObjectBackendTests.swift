import Foundation
import Testing
@testable import Scan

/// Loose object files are inflated by phasecert itself; damaged ones must be refused, never
/// trusted, allocated for blindly or looped over.
struct LooseObjectBackendTests {
    // zlib streams of `blob 3\0abc`, `blob 5\0abc` and `blob 999999999999\0abc`.
    static let good: [UInt8] = [120, 156, 75, 202, 201, 79, 82, 48, 102, 72, 76, 74, 6, 0, 17, 217, 3, 25]
    static let wrongLength: [UInt8] = [120, 156, 75, 202, 201, 79, 82, 48, 101, 72, 76, 74, 6, 0, 17, 227, 3, 27]
    static let hugeHeader: [UInt8] = [120, 156, 75, 202, 201, 79, 82, 176, 68, 2, 12, 137, 73, 201, 0, 64, 40, 5, 146]

    @Test func aCompleteObjectInflatesToItsContent() throws {
        let object = try LooseObjectBackend.inflate(Data(Self.good), headerOnly: false).get()
        #expect(object.size == 3)
        #expect(object.content == Array("abc".utf8))
    }

    @Test func aLengthThatDisagreesWithTheHeaderIsDamage() {
        #expect((try? LooseObjectBackend.inflate(Data(Self.wrongLength), headerOnly: false).get()) == nil)
    }

    @Test func anImpossibleSizeInTheHeaderIsDamageNotAnAllocation() {
        #expect((try? LooseObjectBackend.inflate(Data(Self.hugeHeader), headerOnly: false).get()) == nil)
    }

    @Test func everyTruncationIsDamage() {
        for length in 0..<Self.good.count {
            #expect((try? LooseObjectBackend.inflate(Data(Self.good.prefix(length)), headerOnly: false).get()) == nil, "\(length) bytes")
        }
    }
}
