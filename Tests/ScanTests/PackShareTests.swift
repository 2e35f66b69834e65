import Foundation
import Testing
import TestSupport
@testable import Scan

/// How much of the packs workers and look-ups map (`PackShare`): the limits measured on 100,000
/// commits up to that pack's size, the same share of a larger pack up to eight times those, always
/// whole MiB; and the packs' size read from the repository (`GitRepository.packBytes`).
struct PackShareTests {
    static let mebibyte: Int64 = 1 << 20
    /// The pack of the 100,000 commits the floors were measured on.
    static let measuredPack: Int64 = 326_927_886

    @Test func thePackTheFloorsWereMeasuredOnGetsTheFloors() {
        #expect(PackShare.worker.bytes(ofPacks: Self.measuredPack) == 128 * Self.mebibyte)
        #expect(PackShare.lookups.bytes(ofPacks: Self.measuredPack) == 24 * Self.mebibyte)
        #expect(PackShare.lookupWindow.bytes(ofPacks: Self.measuredPack) == 8 * Self.mebibyte)
        for share in [PackShare.worker, .lookups, .lookupWindow] {
            #expect(share.bytes(ofPacks: 0) == share.floor)
            #expect(share.bytes(ofPacks: -1) == share.floor)
        }
    }

    @Test func aPackTwiceAsLargeGetsTheSameShare() {
        let pack: Int64 = 650_474_380
        #expect(PackShare.worker.bytes(ofPacks: pack) == 248 * Self.mebibyte)
        #expect(PackShare.lookups.bytes(ofPacks: pack) == 46 * Self.mebibyte)
        #expect(PackShare.lookupWindow.bytes(ofPacks: pack) == 15 * Self.mebibyte)
    }

    @Test func limitsAreWholeMebibytesThatNeverShrinkAsThePackGrows() {
        var generator = DocumentClaimCacheFormatTests.SplitMix(state: 27)
        for share in [PackShare.worker, .lookups, .lookupWindow] {
            var sizes = (0..<500).map { _ in Int64.random(in: 0...(64 << 30), using: &generator) }
            sizes.sort()
            var last: Int64 = 0
            for size in sizes {
                let bytes = share.bytes(ofPacks: size)
                #expect(bytes % Self.mebibyte == 0, "\(size)")
                #expect(bytes >= share.floor && bytes <= share.ceiling && bytes >= last, "\(size)")
                #expect(bytes <= max(share.floor, size / 1_000 * share.perMille), "\(size)")
                last = bytes
            }
        }
    }

    @Test func aPackOfManyGigabytesGetsTheCeilings() {
        for size: Int64 in [20 << 30, 1 << 40, .max] {
            #expect(PackShare.worker.bytes(ofPacks: size) == 1 << 30, "\(size)")
            #expect(PackShare.lookups.bytes(ofPacks: size) == 192 * Self.mebibyte, "\(size)")
            #expect(PackShare.lookupWindow.bytes(ofPacks: size) == 64 * Self.mebibyte, "\(size)")
        }
    }

    @Test func theLookupWindowsAreAThirdOfWhatTheyMapAtAnySize() {
        for size: Int64 in [0, Self.measuredPack, 1 << 30, 3 << 30, 10 << 30, .max] {
            let limit = PackShare.lookups.bytes(ofPacks: size)
            let window = PackShare.lookupWindow.bytes(ofPacks: size)
            #expect(window * 3 <= limit + 2 * Self.mebibyte && window * 3 >= limit - 3 * Self.mebibyte, "\(size)")
        }
    }

    @Test func packBytesAddsTheRepositorysPacksAndNothingElse() throws {
        let repository = try GitRepositoryBuilder()
        try repository.write("a.txt", String(repeating: "line of text\n", count: 200))
        try repository.commit("first")
        let git = try #require(try GitRepository(path: repository.path))
        #expect(git.packBytes == 0)

        _ = try repository.git(["gc", "--quiet"])
        try repository.write("b.txt", "another\n")
        try repository.commit("second")
        _ = try repository.git(["repack", "--quiet"])
        let folder = repository.path + "/.git/objects/pack"
        let packs = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".pack") }
        #expect(packs.count == 2)
        let sizes = try packs.map { try #require(FileManager.default.attributesOfItem(atPath: folder + "/" + $0)[.size] as? Int) }
        // Indexes, and a folder named like a pack, are not packs' bytes.
        try FileManager.default.createDirectory(atPath: folder + "/folder.pack", withIntermediateDirectories: false)
        let reopened = try #require(try GitRepository(path: repository.path))
        #expect(reopened.packBytes == Int64(sizes.reduce(0, +)))
    }
}
