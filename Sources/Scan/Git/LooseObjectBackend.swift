import CLibGit2
import Foundation
import PhaseModel

/// Reads loose objects in place of libgit2's own loose backend, which loops forever on a
/// truncated object file (libgit2 1.5.1, as Debian 12 ships it). Here a damaged object is an
/// error naming it, so one bad file costs one commit's figures instead of hanging the scan.
///
/// Registered ahead of libgit2's backends, it answers only for the object files that existed
/// when the repository was opened (listed once, so packed objects cost a set lookup) and
/// passes everything else on.
final class LooseObjectBackend {
    private let objectsDirectory: String
    private let ids: Set<LooseID>

    /// A 20- or 32-byte object id, as raw bytes.
    struct LooseID: Hashable {
        var high: (UInt64, UInt64)
        var low: (UInt64, UInt64)

        static func == (lhs: LooseID, rhs: LooseID) -> Bool {
            lhs.high == rhs.high && lhs.low == rhs.low
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(high.0)
            hasher.combine(high.1)
            hasher.combine(low.0)
            hasher.combine(low.1)
        }

        /// The id of a raw SHA-1 object id, equal to the one its 40 hex digits give; read from
        /// the bytes, since every object libgit2 reads is looked up here first.
        init(oid: git_oid) {
            self = withUnsafeBytes(of: oid.id) { LooseID(sha1: $0) }
        }

        /// The id of the 20 bytes of a SHA-1 object id at the start of `raw`.
        init(sha1 raw: UnsafeRawBufferPointer) {
            var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
            for index in 0..<8 { words.0 = words.0 << 8 | UInt64(raw[index]) }
            for index in 8..<16 { words.1 = words.1 << 8 | UInt64(raw[index]) }
            for index in 16..<20 { words.2 = words.2 << 8 | UInt64(raw[index]) }
            high = (words.0, words.1)
            low = (words.2, 0)
        }

        init?(hex: some StringProtocol) {
            var words: [UInt64] = [0, 0, 0, 0]
            var count = 0
            for character in hex.utf8 {
                let nibble: UInt8
                switch character {
                case 0x30...0x39: nibble = character - 0x30
                case 0x61...0x66: nibble = character - 0x61 + 10
                default: return nil
                }
                guard count < 64 else { return nil }
                words[count / 16] = words[count / 16] << 4 | UInt64(nibble)
                count += 1
            }
            guard count == 40 || count == 64 else { return nil }
            high = (words[0], words[1])
            low = (words[2], words[3])
        }
    }

    private init(objectsDirectory: String, ids: Set<LooseID>) {
        self.objectsDirectory = objectsDirectory
        self.ids = ids
    }

    /// Adds the backend to `repository`'s object database. Without loose objects it does nothing.
    static func install(in repository: OpaquePointer, gitDirectory: String) {
        let objects = gitDirectory + "/objects"
        var ids = Set<LooseID>()
        for folder in (try? FileManager.default.contentsOfDirectory(atPath: objects)) ?? [] where folder.utf8.count == 2 {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: objects + "/" + folder)) ?? [] {
                if let id = LooseID(hex: folder + file) { ids.insert(id) }
            }
        }
        guard !ids.isEmpty else { return }
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, repository) == 0, let odb else { return }
        defer { git_odb_free(odb) }

        let backend = UnsafeMutablePointer<phasecert_guarded_backend>.allocate(capacity: 1)
        backend.initialize(to: phasecert_guarded_backend())
        git_odb_init_backend(&backend.pointee.parent, UInt32(GIT_ODB_BACKEND_VERSION))
        backend.pointee.context = Unmanaged.passRetained(LooseObjectBackend(objectsDirectory: objects, ids: ids)).toOpaque()
        backend.pointee.parent.read = { data, length, type, backend, oid in
            guard let guarded = LooseObjectBackend.context(of: backend), let oid else { return GIT_ENOTFOUND.rawValue }
            return guarded.read(oid.pointee, data: data, length: length, type: type, backend: backend)
        }
        backend.pointee.parent.read_header = { length, type, backend, oid in
            guard let guarded = LooseObjectBackend.context(of: backend), let oid else { return GIT_ENOTFOUND.rawValue }
            return guarded.read(oid.pointee, data: nil, length: length, type: type, backend: backend)
        }
        backend.pointee.parent.exists = { backend, oid in
            guard let guarded = LooseObjectBackend.context(of: backend), let oid else { return 0 }
            return guarded.contains(oid.pointee) ? 1 : 0
        }
        backend.pointee.parent.free = { backend in
            guard let backend else { return }
            let guarded = UnsafeMutableRawPointer(backend).assumingMemoryBound(to: phasecert_guarded_backend.self)
            if let context = guarded.pointee.context { Unmanaged<LooseObjectBackend>.fromOpaque(context).release() }
            guarded.deinitialize(count: 1)
            guarded.deallocate()
        }
        // Above libgit2's packed (2) and loose (1) backends, so a loose object is read here first.
        if git_odb_add_backend(odb, &backend.pointee.parent, 3) != 0 {
            backend.pointee.parent.free?(&backend.pointee.parent)
        }
    }

    private static func context(of backend: UnsafeMutablePointer<git_odb_backend>?) -> LooseObjectBackend? {
        guard let backend else { return nil }
        let guarded = UnsafeMutableRawPointer(backend).assumingMemoryBound(to: phasecert_guarded_backend.self)
        return guarded.pointee.context.map { Unmanaged<LooseObjectBackend>.fromOpaque($0).takeUnretainedValue() }
    }

    private func contains(_ oid: git_oid) -> Bool {
        ids.contains(LooseID(oid: oid))
    }

    /// Reads the object (or, with `data` nil, only its header). Returns 0, `GIT_ENOTFOUND` to let
    /// another backend answer, or -1 with libgit2's error message set.
    private func read(
        _ oid: git_oid, data: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, length: UnsafeMutablePointer<Int>?,
        type: UnsafeMutablePointer<git_object_t>?, backend: UnsafeMutablePointer<git_odb_backend>?
    ) -> Int32 {
        guard contains(oid) else { return GIT_ENOTFOUND.rawValue }
        let hex = GitRepository.hex(oid)
        let path = objectsDirectory + "/" + hex.prefix(2) + "/" + hex.dropFirst(2)
        guard let compressed = FileManager.default.contents(atPath: path) else { return GIT_ENOTFOUND.rawValue }
        switch Self.inflate(compressed, headerOnly: data == nil) {
        case let .failure(problem):
            let message = LocalizedText(message: "problem.git.loose.corrupt", ["id": .text(hex), "reason": .text(problem.reason)])
            git_error_set_str(Int32(GIT_ERROR_ODB.rawValue), message.en)
            return -1
        case let .success(object):
            if data != nil {
                // Hash checking is off for speed, but a loose file is cheap to check and a
                // misplaced one would otherwise be counted as another object, silently.
                var actual = git_oid()
                let hashed = object.content.withUnsafeBytes { git_odb_hash(&actual, $0.baseAddress, object.size, object.type) }
                var expected = oid
                guard hashed == 0, git_oid_equal(&actual, &expected) == 1 else {
                    let message = LocalizedText(
                        message: "problem.git.loose.other-object", ["id": .text(hex), "actual": .text(GitRepository.hex(actual))])
                    git_error_set_str(Int32(GIT_ERROR_ODB.rawValue), message.en)
                    return -1
                }
            }
            length?.pointee = object.size
            type?.pointee = object.type
            guard let data else { return 0 }
            guard let buffer = git_odb_backend_data_alloc(backend, max(object.size, 1)) else { return -1 }
            object.content.withUnsafeBytes { bytes in
                if let base = bytes.baseAddress { buffer.copyMemory(from: base, byteCount: object.size) }
            }
            data.pointee = buffer
            return 0
        }
    }

    /// Why an object file could not be inflated.
    enum Damage: Error, Equatable {
        case zlibStart, badHeader, impossibleSize, length, tooLong, truncated, notZlib

        /// The reason, in English: libgit2's error messages are English.
        var reason: String {
            switch self {
            case .zlibStart: LocalizedText(message: "problem.git.loose.zlib-start").en
            case .badHeader: LocalizedText(message: "problem.git.loose.bad-header").en
            case .impossibleSize: LocalizedText(message: "problem.git.loose.impossible-size").en
            case .length: LocalizedText(message: "problem.git.loose.length").en
            case .tooLong: LocalizedText(message: "problem.git.loose.too-long").en
            case .truncated: LocalizedText(message: "problem.git.loose.truncated").en
            case .notZlib: LocalizedText(message: "problem.git.loose.not-zlib").en
            }
        }
    }

    struct Inflated {
        var type: git_object_t
        var size: Int
        var content: [UInt8]
    }

    /// Inflates `<type> <size>\0<content>` and checks that the stream is complete and its length
    /// matches the header.
    static func inflate(_ compressed: Data, headerOnly: Bool) -> Result<Inflated, Damage> {
        var stream = z_stream()
        guard phasecert_inflate_init(&stream) == Z_OK else { return .failure(.zlibStart) }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var header: (type: git_object_t, size: Int, end: Int)?
        let input = [UInt8](compressed)
        return input.withUnsafeBufferPointer { source -> Result<Inflated, Damage> in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    return CLibGit2.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if header == nil, let zero = output.firstIndex(of: 0) {
                    guard let parsed = parseHeader(output[..<zero]) else { return .failure(.badHeader) }
                    header = (parsed.type, parsed.size, zero + 1)
                    if headerOnly { return .success(Inflated(type: parsed.type, size: parsed.size, content: [])) }
                    // zlib expands at most 1032:1, so a larger size is a damaged header, not
                    // an allocation to attempt.
                    guard parsed.size <= compressed.count * 1_032 else { return .failure(.impossibleSize) }
                    output.reserveCapacity(zero + 1 + parsed.size)
                } else if header == nil && output.count > 64 {
                    return .failure(.badHeader)
                }
                switch status {
                case Z_STREAM_END:
                    guard let header else { return .failure(.badHeader) }
                    guard output.count - header.end == header.size else { return .failure(.length) }
                    return .success(Inflated(type: header.type, size: header.size, content: Array(output[header.end...])))
                case Z_OK:
                    if let header, output.count - header.end > header.size { return .failure(.tooLong) }
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    return .failure(.truncated)
                default:
                    return .failure(.notZlib)
                }
            }
        }
    }

    private static func parseHeader(_ bytes: ArraySlice<UInt8>) -> (type: git_object_t, size: Int)? {
        let parts = bytes.split(separator: 0x20)
        guard parts.count == 2, let size = Int(String(decoding: parts[1], as: UTF8.self)), size >= 0 else { return nil }
        switch String(decoding: parts[0], as: UTF8.self) {
        case "commit": return (GIT_OBJECT_COMMIT, size)
        case "tree": return (GIT_OBJECT_TREE, size)
        case "blob": return (GIT_OBJECT_BLOB, size)
        case "tag": return (GIT_OBJECT_TAG, size)
        default: return nil
        }
    }
}
