import CLibGit2
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A libgit2 failure, with libgit2's own message.
public struct GitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libgit2's error code (`GIT_ENOTFOUND` is -3).
    public var code: Int32
    public var message: String

    public var description: String { message }

    /// Whether the error means an object is missing from the database.
    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }

    static func last(_ code: Int32) -> GitError {
        let message = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "libgit2 error \(code)"
        return GitError(code: code, message: message)
    }
}

/// A git repository opened through libgit2.
///
/// This file, its `Repository+*.swift` extensions and `LooseObjectBackend.swift` are the only places that call `git_`. Each instance initialises libgit2 (which
/// counts its users) and shuts it down when released, after freeing its own handle; every
/// object it looks up is freed before the method returns. An instance is used by one thread
/// at a time: workers each open their own.
public final class GitRepository {
    /// The libgit2 handle; used only by this type's extensions in `Repository+*.swift`.
    let handle: OpaquePointer
    private let odb: OpaquePointer
    /// Whether any attributes file could apply to a path. Looking attributes up costs several
    /// file-system calls per file diffed, so without any they are not looked up.
    private lazy var usesAttributes: Bool = findAttributes()

    /// Opens the repository whose work tree or git folder is exactly `path`; `nil` when
    /// `path` is not a repository.
    public init?(path: String) throws(GitError) {
        git_libgit2_init()
        // Hash verification of every object read costs a third of the walk; the object
        // database is the user's own and `git fsck` is the tool for checking it.
        phasecert_git_set_strict_hash_verification(0)
        _ = Self.processDefaults
        var repository: OpaquePointer?
        let code = git_repository_open_ext(&repository, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
        guard code == 0, let repository else {
            let error = GitError.last(code)
            git_libgit2_shutdown()
            if code == GIT_ENOTFOUND.rawValue { return nil }
            throw error
        }
        var database: OpaquePointer?
        let odbCode = git_repository_odb(&database, repository)
        guard odbCode == 0, let database else {
            let error = GitError.last(odbCode)
            git_repository_free(repository)
            git_libgit2_shutdown()
            throw error
        }
        handle = repository
        odb = database
        LooseObjectBackend.install(in: repository, gitDirectory: String(cString: git_repository_commondir(repository)))
    }

    deinit {
        git_odb_free(odb)
        git_repository_free(handle)
        git_libgit2_shutdown()
    }

    /// The git folder (`.git`, or the folder a `.git` file points to), without a trailing slash.
    public var gitDirectory: String {
        var path = String(cString: git_repository_path(handle))
        while path.hasSuffix("/") && path.count > 1 { path.removeLast() }
        return path
    }

    /// Whether the repository is a shallow clone (its history is cut off).
    public var isShallow: Bool { git_repository_is_shallow(handle) == 1 }

    /// Whether HEAD points at a detached commit.
    public var isHeadDetached: Bool { git_repository_head_detached(handle) == 1 }

    /// Switches this process between reading commits once each (a walk: small object cache,
    /// few pack windows mapped, because in a pack written by fast-import commits lie all over
    /// it and every page read stays resident) and counting changes (the defaults).
    public func prepareForWalk(_ walking: Bool) {
        phasecert_git_set_cache_max_size(walking ? 4 * 1024 * 1024 : Self.objectCacheBytes)
        phasecert_git_set_mwindow_size(Self.packWindowBytes)
        phasecert_git_set_mwindow_mapped_limit(walking ? Self.walkMappedBytes : Self.countingMappedBytes)
    }

    /// Sets how much of the packs a worker process counting changes maps. Such a worker reads
    /// blobs from all over the pack, and every page it reads stays resident while its window is
    /// mapped: with 1 GiB, a worker on the 100,000 commits of Benchmarks/RESULTS-scale.md held
    /// up to 230 MB of the pack and 348 MB in all, more than the main process, and with 128 MiB
    /// 206–211 MB, the cold scan no slower (twenty-sixth round; in the twelfth, before workers
    /// were cut into slices of a few thousand commits, 128 MiB had meant 59,740 `munmap` calls).
    /// A larger pack gets the same share of it mapped (`PackShare`).
    public func prepareForStatsWorker() {
        phasecert_git_set_mwindow_mapped_limit(PackShare.worker.bytes(ofPacks: packBytes))
    }

    /// Caps libgit2's object cache and the pack it maps (per process) while the claims' facts
    /// look files up at commits. Each look-up walks down a commit's trees: at 48 MiB the trees
    /// kept were 69.8 MB of the cold scan's peak at 100,000 commits, at 8 MiB 30 MB less, and at
    /// 2 MiB less again (a cached tree holds about four times the bytes the cache counts for it),
    /// and neither scan nor `phase-close 1` was slower. The look-ups read blobs from all over the
    /// pack, and every page read stays resident while its window is mapped: 48 MiB in windows of
    /// 16 MiB made the cold scan's peak 40–60 MB lower than 128 MiB in windows of 32 MiB, at the
    /// same speed; one window of 32 MiB made `phase-close 1` slower (the look-ups then map and
    /// unmap it in turn), and windows of 4 MiB the cold scan (Benchmarks/RESULTS-scale.md,
    /// twenty-second and twenty-fourth rounds). 24 MiB in windows of 8 MiB, once a walk's
    /// settings were no longer undone, held 7 MB less than 48 MiB in 16 MiB through
    /// `phase-close 1`, at the same speed (twenty-sixth round). A larger pack gets the same share
    /// of it mapped, in windows of the same share (`PackShare`).
    public func prepareForLookups() {
        let packs = packBytes
        phasecert_git_set_cache_max_size(Self.lookupCacheBytes)
        phasecert_git_set_mwindow_size(PackShare.lookupWindow.bytes(ofPacks: packs))
        phasecert_git_set_mwindow_mapped_limit(PackShare.lookups.bytes(ofPacks: packs))
    }

    /// The bytes of the repository's own packs (`objects/pack/*.pack`); 0 when they cannot be
    /// listed. Read when asked: a scan's packs are those of when it started counting or looking up.
    public var packBytes: Int64 {
        let folder = String(cString: git_repository_commondir(handle)) + "/objects/pack"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return 0 }
        var total: Int64 = 0
        for name in names where name.hasSuffix(".pack") {
            var status = stat()
            if stat(folder + "/" + name, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG { total += Int64(status.st_size) }
        }
        return total
    }

    /// libgit2's object cache and pack windows as counting changes wants them, set when the
    /// first repository is opened and never again by opening one.
    ///
    /// Why: these settings are the process's, not a repository's, and the `prepareFor…` methods
    /// change them for what follows. Set again by every opening, they were undone in the middle of
    /// the history walk by the caches' look at the git folder: the walk of 100,000 commits cached
    /// objects up to 48 MiB instead of 4 MiB and mapped more of the pack, and its process peaked
    /// at 311–331 MB instead of 223–228 MB, then the cold scan's peak (anonymous 183–209 MB and
    /// files 122–123 MB against 138–139 and 83; Benchmarks/RESULTS-scale.md, twenty-sixth round).
    private static let processDefaults: Void = {
        phasecert_git_set_cache_max_size(GitRepository.objectCacheBytes)
        phasecert_git_set_mwindow_size(GitRepository.packWindowBytes)
        phasecert_git_set_mwindow_mapped_limit(GitRepository.countingMappedBytes)
    }()

    static let lookupCacheBytes: Int64 = 2 * 1024 * 1024

    /// Pack windows of 32 MiB rather than libgit2's 1 GiB, so that the limits below can hold.
    static let packWindowBytes: Int64 = 32 * 1024 * 1024
    static let walkMappedBytes: Int64 = 64 * 1024 * 1024
    static let countingMappedBytes: Int64 = 128 * 1024 * 1024

    /// The commit HEAD resolves to; `nil` in an empty repository or on an unborn branch.
    public func head() throws(GitError) -> String? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, handle, "HEAD")
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EUNBORNBRANCH.rawValue { return nil }
        guard code == 0 else { throw GitError.last(code) }
        return Self.hex(oid)
    }

    /// Reads one commit.
    public func commit(_ id: String) throws(GitError) -> GitCommit {
        let commit = try lookupCommit(id)
        defer { git_commit_free(commit) }
        let parentCount = git_commit_parentcount(commit)
        var parents: [String] = []
        parents.reserveCapacity(Int(parentCount))
        for index in 0..<parentCount {
            if let oid = git_commit_parent_id(commit, index) { parents.append(Self.hex(oid.pointee)) }
        }
        let latin1 = Self.isLatin1(git_commit_message_encoding(commit))
        let (subject, body) = Self.splitMessage(commit, latin1: latin1)
        return GitCommit(
            id: id, parents: parents,
            author: Self.signature(git_commit_author(commit), latin1: latin1),
            committer: Self.signature(git_commit_committer(commit), latin1: latin1),
            subject: subject, body: body
        )
    }

    /// Files changed by commit `id` against `parent` (the empty tree when `nil`), with line
    /// counts as `git diff --numstat` gives them: renames detected as git does by default,
    /// binary files without line counts, blobs over 512 MiB taken as binary without reading them.
    ///
    /// A file whose blob (old or new) cannot be read, missing or damaged, is listed as
    /// `isUnreadable` without counts; the other files are counted all the same. Throws only when
    /// the commit or a tree cannot be read, so that which files changed is itself unknown.
    public func stats(of id: String, against parent: String?) throws(GitError) -> CommitStats {
        let newTree = try tree(ofCommit: id)
        defer { git_tree_free(newTree) }
        var oldTree: OpaquePointer?
        if let parent { oldTree = try tree(ofCommit: parent) }
        defer { if let oldTree { git_tree_free(oldTree) } }

        // libgit2's tree diff visits every entry of both trees, which is most of the cost on a
        // large tree; comparing trees here skips every subtree whose id did not change. Commits
        // that could hold a rename (files both added and deleted), a type change or a submodule
        // go through libgit2's diff, which detects renames exactly as git does.
        var changes: [TreeChange] = []
        let compared = try compare(oldTree, newTree, prefix: "", into: &changes)
        if compared, !(changes.contains { $0.old == nil } && changes.contains { $0.new == nil }) {
            var files: [FileChange] = []
            files.reserveCapacity(changes.count)
            for change in changes {
                do {
                    files.append(try count(change))
                } catch {
                    files.append(FileChange(
                        path: change.path, status: Self.status(of: change), added: nil, deleted: nil, isUnreadable: true))
                }
            }
            return CommitStats(files: files)
        }
        do {
            // When the trees were compared, the paths that changed are known: libgit2's diff then
            // visits only them, not every entry of both trees. Renames are found among added and
            // deleted files alone, all of which are among them.
            return try libgit2Stats(oldTree: oldTree, newTree: newTree, paths: compared ? changes.map(\.path) : nil)
        } catch {
            // Rename detection reads every added and deleted blob, and one that cannot be read
            // stops it: leave the unreadable files out and detect renames among the others.
            guard compared, let partial = try? statsWithoutUnreadable(changes, oldTree: oldTree, newTree: newTree) else { throw error }
            return partial
        }
    }

    /// The commit's statistics with the files whose blobs cannot be read left out of libgit2's
    /// diff and listed as unreadable; `nil` when every blob can be read (the failure was another).
    ///
    /// An unreadable file that was added or deleted may be one half of a rename git would see:
    /// then the other files added or deleted on the opposite side might be its other half, and
    /// git's counts for them are unknown too, so they are listed without counts as well.
    private func statsWithoutUnreadable(_ changes: [TreeChange], oldTree: OpaquePointer?, newTree: OpaquePointer) throws(GitError) -> CommitStats? {
        var unreadable: [TreeChange] = []
        var readable: [String] = []
        for change in changes {
            if isReadable(change.old) && isReadable(change.new) { readable.append(change.path) } else { unreadable.append(change) }
        }
        guard !unreadable.isEmpty else { return nil }
        var files = readable.isEmpty ? [] : try libgit2Stats(oldTree: oldTree, newTree: newTree, paths: readable).files
        let unreadableAdded = unreadable.contains { $0.old == nil }
        let unreadableDeleted = unreadable.contains { $0.new == nil }
        for index in files.indices {
            let status = files[index].status
            if (status == .created && unreadableDeleted) || (status == .deleted && unreadableAdded) {
                files[index] = FileChange(path: files[index].path, status: status, added: nil, deleted: nil, isUnreadable: true)
            }
        }
        for change in unreadable {
            files.append(FileChange(path: change.path, status: Self.status(of: change), added: nil, deleted: nil, isUnreadable: true))
        }
        return CommitStats(files: files)
    }

    /// Whether the object's header can be read (`nil`: no object on that side, nothing to read).
    private func isReadable(_ id: git_oid?) -> Bool {
        guard var oid = id else { return true }
        var size = 0
        var type = GIT_OBJECT_ANY
        return git_odb_read_header(&size, &type, odb, &oid) == 0
    }

    /// One path whose blob differs between two trees; `nil` on the side where it is absent.
    private struct TreeChange {
        var path: String
        var old: git_oid?
        var new: git_oid?
    }

    /// Appends the blobs that differ between `old` and `new` below `prefix`. Returns false when
    /// the trees differ in a way left to libgit2 (a type change or a submodule).
    private func compare(_ old: OpaquePointer?, _ new: OpaquePointer?, prefix: String, into changes: inout [TreeChange]) throws(GitError) -> Bool {
        let oldCount = old.map { git_tree_entrycount($0) } ?? 0
        let newCount = new.map { git_tree_entrycount($0) } ?? 0
        var i = 0
        var j = 0
        while i < oldCount || j < newCount {
            let oldEntry = i < oldCount ? git_tree_entry_byindex(old, i) : nil
            let newEntry = j < newCount ? git_tree_entry_byindex(new, j) : nil
            let order: Int32
            if let oldEntry, let newEntry { order = git_tree_entry_cmp(oldEntry, newEntry) } else { order = oldEntry == nil ? 1 : -1 }
            if order == 0, let oldEntry, let newEntry {
                i += 1
                j += 1
                let oldMode = git_tree_entry_filemode(oldEntry)
                let newMode = git_tree_entry_filemode(newEntry)
                if oldMode == newMode && git_oid_equal(git_tree_entry_id(oldEntry), git_tree_entry_id(newEntry)) == 1 { continue }
                let oldType = git_tree_entry_type(oldEntry)
                let newType = git_tree_entry_type(newEntry)
                if oldType == GIT_OBJECT_TREE && newType == GIT_OBJECT_TREE {
                    guard try compareSubtrees(oldEntry, newEntry, prefix: prefix, into: &changes) else { return false }
                    continue
                }
                guard oldType == GIT_OBJECT_BLOB, newType == GIT_OBJECT_BLOB, Self.isLink(oldMode) == Self.isLink(newMode) else {
                    return false
                }
                changes.append(TreeChange(
                    path: prefix + String(cString: git_tree_entry_name(oldEntry)),
                    old: git_tree_entry_id(oldEntry).pointee, new: git_tree_entry_id(newEntry).pointee))
            } else if order < 0, let oldEntry {
                i += 1
                guard try appendWhole(oldEntry, removed: true, prefix: prefix, into: &changes) else { return false }
            } else if let newEntry {
                j += 1
                guard try appendWhole(newEntry, removed: false, prefix: prefix, into: &changes) else { return false }
            }
        }
        return true
    }

    private func compareSubtrees(_ oldEntry: OpaquePointer, _ newEntry: OpaquePointer, prefix: String, into changes: inout [TreeChange]) throws(GitError) -> Bool {
        let oldTree = try lookupTree(git_tree_entry_id(oldEntry).pointee)
        defer { git_tree_free(oldTree) }
        let newTree = try lookupTree(git_tree_entry_id(newEntry).pointee)
        defer { git_tree_free(newTree) }
        return try compare(oldTree, newTree, prefix: prefix + String(cString: git_tree_entry_name(oldEntry)) + "/", into: &changes)
    }

    /// An entry present on one side only: a file, or every file of a folder.
    private func appendWhole(_ entry: OpaquePointer, removed: Bool, prefix: String, into changes: inout [TreeChange]) throws(GitError) -> Bool {
        let name = prefix + String(cString: git_tree_entry_name(entry))
        switch git_tree_entry_type(entry) {
        case GIT_OBJECT_BLOB:
            let id = git_tree_entry_id(entry).pointee
            changes.append(TreeChange(path: name, old: removed ? id : nil, new: removed ? nil : id))
            return true
        case GIT_OBJECT_TREE:
            let tree = try lookupTree(git_tree_entry_id(entry).pointee)
            defer { git_tree_free(tree) }
            return try removed ? compare(tree, nil, prefix: name + "/", into: &changes) : compare(nil, tree, prefix: name + "/", into: &changes)
        default:
            return false
        }
    }

    private static func isLink(_ mode: git_filemode_t) -> Bool { mode == GIT_FILEMODE_LINK }

    private func lookupTree(_ id: git_oid) throws(GitError) -> OpaquePointer {
        try lookup(id) { git_tree_lookup(&$0, handle, $1) }
    }

    private func lookupBlob(_ id: git_oid) throws(GitError) -> OpaquePointer {
        try lookup(id) { git_blob_lookup(&$0, handle, $1) }
    }

    /// Runs one `git_*_lookup`; the caller frees what it returns.
    private func lookup(
        _ id: git_oid, _ call: (inout OpaquePointer?, UnsafePointer<git_oid>) -> Int32
    ) throws(GitError) -> OpaquePointer {
        var oid = id
        var object: OpaquePointer?
        let code = call(&object, &oid)
        guard code == 0, let object else { throw GitError.last(code) }
        return object
    }

    /// Counts one changed path with libgit2's blob diff (same options and binary rules as its
    /// tree diff; attributes too when the repository has any).
    private static func status(of change: TreeChange) -> FileChange.Status {
        change.old == nil ? .created : change.new == nil ? .deleted : .modified
    }

    private func count(_ change: TreeChange) throws(GitError) -> FileChange {
        let status = Self.status(of: change)
        let oldOversized = try isOversized(change.old)
        let newOversized = try isOversized(change.new)
        if oldOversized || newOversized {
            return FileChange(path: change.path, status: status, added: nil, deleted: nil)
        }
        let oldBlob = try change.old.map { id throws(GitError) in try lookupBlob(id) }
        defer { if let oldBlob { git_blob_free(oldBlob) } }
        let newBlob = try change.new.map { id throws(GitError) in try lookupBlob(id) }
        defer { if let newBlob { git_blob_free(newBlob) } }
        var options = Self.diffOptions()
        var counter = BlobCounter()
        let code = withUnsafeMutablePointer(to: &counter) { pointer -> Int32 in
            if usesAttributes {
                // Blobs diffed under their path, so `binary` and `diff` attributes apply.
                return change.path.withCString { path in
                    git_diff_blobs(oldBlob, path, newBlob, path, &options, Self.fileCallback, Self.binaryCallback, Self.hunkCallback, nil, pointer)
                }
            }
            // Without attributes the contents alone decide. Under an empty path libgit2 looks no
            // attributes up (without a path it would under "file": several file-system calls
            // and attribute-cache checks per file, a fifth of a worker's time); and blobs keep
            // their ids, where buffers (`git_diff_buffers`) are hashed again to give the diff
            // theirs, in collision-detecting SHA-1 (Benchmarks/RESULTS-scale.md, fourteenth round).
            return git_diff_blobs(oldBlob, "", newBlob, "", &options, Self.fileCallback, Self.binaryCallback, Self.hunkCallback, nil, pointer)
        }
        guard code == 0 else { throw GitError.last(code) }
        return FileChange(
            path: change.path, status: status,
            added: counter.binary ? nil : counter.added, deleted: counter.binary ? nil : counter.deleted)
    }

    private static let fileCallback: git_diff_file_cb = { delta, _, payload in
        if let delta, delta.pointee.flags & GIT_DIFF_FLAG_BINARY.rawValue != 0 {
            payload?.assumingMemoryBound(to: BlobCounter.self).pointee.binary = true
        }
        return 0
    }

    private static let binaryCallback: git_diff_binary_cb = { _, _, payload in
        payload?.assumingMemoryBound(to: BlobCounter.self).pointee.binary = true
        return 0
    }

    private static let hunkCallback: git_diff_hunk_cb = { _, hunk, payload in
        guard let counter = payload?.assumingMemoryBound(to: BlobCounter.self), let hunk else { return 0 }
        counter.pointee.added += Int(hunk.pointee.new_lines)
        counter.pointee.deleted += Int(hunk.pointee.old_lines)
        return 0
    }

    /// True when the index tracks a `.gitattributes` file, or the repository or user has an
    /// attributes file of its own.
    private func findAttributes() -> Bool {
        let common = String(cString: git_repository_commondir(handle))
        var candidates = [common + "/info/attributes"]
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            candidates.append(xdg + "/git/attributes")
        } else if let home = environment["HOME"] {
            candidates.append(home + "/.config/git/attributes")
        }
        var config: OpaquePointer?
        if git_repository_config_snapshot(&config, handle) == 0, let config {
            var value: UnsafePointer<CChar>?
            if git_config_get_string(&value, config, "core.attributesFile") == 0, let value {
                candidates.append(String(cString: value))
            }
            git_config_free(config)
        }
        if candidates.contains(where: { FileManager.default.fileExists(atPath: $0) }) { return true }
        var index: OpaquePointer?
        // Without a readable index the safe answer is to look attributes up.
        guard git_repository_index(&index, handle) == 0, let index else { return true }
        defer { git_index_free(index) }
        for position in 0..<git_index_entrycount(index) {
            guard let path = git_index_get_byindex(index, position)?.pointee.path else { continue }
            let name = String(cString: path)
            if name == ".gitattributes" || name.hasSuffix("/.gitattributes") { return true }
        }
        return false
    }

    private struct BlobCounter {
        var added = 0
        var deleted = 0
        var binary = false
    }

    /// Blobs over libgit2's diff size limit (512 MiB) count as binary and are never loaded.
    private func isOversized(_ id: git_oid?) throws(GitError) -> Bool {
        guard var oid = id else { return false }
        var size = 0
        var type = GIT_OBJECT_ANY
        let code = git_odb_read_header(&size, &type, odb, &oid)
        guard code == 0 else { throw GitError.last(code) }
        return size > Self.binarySizeLimit
    }

    static let binarySizeLimit = 512 * 1024 * 1024

    /// libgit2's object cache per process: counting changes re-reads trees, and below about
    /// 48 MiB it slows down sharply (see Benchmarks/README.md); libgit2's default is 256 MiB.
    public static let objectCacheBytes: Int64 = 48 * 1024 * 1024


    private static func diffOptions() -> git_diff_options {
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        // Counts do not depend on context; without it hunk headers are the counts themselves.
        options.context_lines = 0
        options.interhunk_lines = 0
        // A file that becomes a symbolic link is one change, as git reports it, not two.
        options.flags |= GIT_DIFF_INCLUDE_TYPECHANGE.rawValue
        return options
    }

    /// The whole commit through libgit2's tree diff and rename detection; only `paths` (taken
    /// literally) when given.
    private func libgit2Stats(oldTree: OpaquePointer?, newTree: OpaquePointer, paths: [String]? = nil) throws(GitError) -> CommitStats {
        var options = Self.diffOptions()
        var diff: OpaquePointer?
        var code: Int32
        if let paths {
            options.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH.rawValue
            var strings: [UnsafeMutablePointer<CChar>?] = paths.map { strdup($0) }
            defer { for string in strings { free(string) } }
            code = strings.withUnsafeMutableBufferPointer { buffer in
                options.pathspec = git_strarray(strings: buffer.baseAddress, count: buffer.count)
                return git_diff_tree_to_tree(&diff, handle, oldTree, newTree, &options)
            }
        } else {
            code = git_diff_tree_to_tree(&diff, handle, oldTree, newTree, &options)
        }
        guard code == 0, let diff else { throw GitError.last(code) }
        defer { git_diff_free(diff) }

        var findOptions = git_diff_find_options()
        git_diff_find_options_init(&findOptions, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION))
        findOptions.flags = GIT_DIFF_FIND_RENAMES.rawValue
        code = git_diff_find_similar(diff, &findOptions)
        guard code == 0 else { throw GitError.last(code) }

        let count = git_diff_num_deltas(diff)
        var counter = LineCounter(added: [Int](repeating: 0, count: count), deleted: [Int](repeating: 0, count: count))
        code = withUnsafeMutablePointer(to: &counter) { pointer in
            git_diff_foreach(diff, { _, _, payload in
                payload?.assumingMemoryBound(to: LineCounter.self).pointee.index += 1
                return 0
            }, nil, { _, hunk, payload in
                guard let counter = payload?.assumingMemoryBound(to: LineCounter.self), let hunk else { return 0 }
                let index = counter.pointee.index
                counter.pointee.added[index] += Int(hunk.pointee.new_lines)
                counter.pointee.deleted[index] += Int(hunk.pointee.old_lines)
                return 0
            }, nil, pointer)
        }
        // A blob that cannot be read stops the walk over all files: count them one by one
        // instead, so that only the files whose blobs are unreadable go without counts.
        var unreadable = Set<Int>()
        if code != 0 { unreadable = countDeltasOneByOne(diff, count: count, into: &counter) }

        var files: [FileChange] = []
        files.reserveCapacity(count)
        for index in 0..<count {
            guard let delta = git_diff_get_delta(diff, index)?.pointee else { continue }
            let oldPath = delta.old_file.path.map { String(cString: $0) }
            let newPath = delta.new_file.path.map { String(cString: $0) } ?? oldPath ?? ""
            let renamed = delta.status == GIT_DELTA_RENAMED || delta.status == GIT_DELTA_COPIED
            var typeChangeIsBinary = false
            var isUnreadable = unreadable.contains(index)
            if delta.status == GIT_DELTA_TYPECHANGE, !isUnreadable {
                // libgit2 makes no hunks for a type change; git counts it as the old content
                // deleted and the new content added, or as binary when either side is.
                do {
                    let old = try lineCount(ofBlob: delta.old_file.id)
                    let new = try lineCount(ofBlob: delta.new_file.id)
                    typeChangeIsBinary = old == nil || new == nil
                    counter.deleted[index] = old ?? 0
                    counter.added[index] = new ?? 0
                } catch {
                    isUnreadable = true
                }
            }
            let binary = typeChangeIsBinary || delta.flags & GIT_DIFF_FLAG_BINARY.rawValue != 0
            let status: FileChange.Status
            switch delta.status {
            case GIT_DELTA_ADDED: status = .created
            case GIT_DELTA_DELETED: status = .deleted
            case GIT_DELTA_RENAMED, GIT_DELTA_COPIED: status = .renamed
            default: status = .modified
            }
            files.append(FileChange(
                path: delta.status == GIT_DELTA_DELETED ? (oldPath ?? newPath) : newPath,
                oldPath: renamed ? oldPath : nil, status: status,
                added: binary ? nil : counter.added[index],
                deleted: binary ? nil : counter.deleted[index],
                isUnreadable: isUnreadable
            ))
        }
        return CommitStats(files: files)
    }

    /// Counts each delta of `diff` through its own patch, after a walk over all of them failed;
    /// returns the deltas whose patch could not be made (a blob missing or damaged).
    private func countDeltasOneByOne(_ diff: OpaquePointer, count: Int, into counter: inout LineCounter) -> Set<Int> {
        var unreadable = Set<Int>()
        for index in 0..<count {
            counter.added[index] = 0
            counter.deleted[index] = 0
            if let delta = git_diff_get_delta(diff, index)?.pointee, delta.status == GIT_DELTA_TYPECHANGE { continue }
            var patch: OpaquePointer?
            guard git_patch_from_diff(&patch, diff, index) == 0 else {
                unreadable.insert(index)
                continue
            }
            guard let patch else { continue }
            defer { git_patch_free(patch) }
            for hunkIndex in 0..<git_patch_num_hunks(patch) {
                var hunk: UnsafePointer<git_diff_hunk>?
                var lines = 0
                guard git_patch_get_hunk(&hunk, &lines, patch, hunkIndex) == 0, let hunk else {
                    unreadable.insert(index)
                    break
                }
                counter.added[index] += Int(hunk.pointee.new_lines)
                counter.deleted[index] += Int(hunk.pointee.old_lines)
            }
        }
        return unreadable
    }

    /// Lines in a blob as git counts them: newlines, plus one for a last line without one;
    /// `nil` for binary content.
    private func lineCount(ofBlob id: git_oid) throws(GitError) -> Int? {
        var oid = id
        var blob: OpaquePointer?
        let code = git_blob_lookup(&blob, handle, &oid)
        guard code == 0, let blob else { throw GitError.last(code) }
        defer { git_blob_free(blob) }
        if git_blob_is_binary(blob) == 1 { return nil }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let content = git_blob_rawcontent(blob) else { return 0 }
        let bytes = UnsafeRawBufferPointer(start: content, count: size)
        return bytes.count { $0 == 0x0A } + (bytes[size - 1] == 0x0A ? 0 : 1)
    }

    private struct LineCounter {
        var index = -1
        var added: [Int]
        var deleted: [Int]
    }

    /// The commit `id` names, to be freed with `git_commit_free` by the caller.
    func lookupCommit(_ id: String) throws(GitError) -> OpaquePointer {
        var oid = git_oid()
        var code = git_oid_fromstr(&oid, id)
        guard code == 0 else { throw GitError.last(code) }
        var commit: OpaquePointer?
        code = git_commit_lookup(&commit, handle, &oid)
        guard code == 0, let commit else { throw GitError.last(code) }
        return commit
    }

    func tree(ofCommit id: String) throws(GitError) -> OpaquePointer {
        let commit = try lookupCommit(id)
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        let code = git_commit_tree(&tree, commit)
        guard code == 0, let tree else { throw GitError.last(code) }
        return tree
    }

    static func hex(_ oid: git_oid) -> String {
        var oid = oid
        var buffer = [CChar](repeating: 0, count: Int(GIT_OID_HEXSZ) + 1)
        git_oid_tostr(&buffer, buffer.count, &oid)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func signature(_ signature: UnsafePointer<git_signature>?, latin1: SingleByteEncoding?) -> GitSignature {
        guard let signature = signature?.pointee else { return GitSignature(name: "", email: "", time: 0, offsetMinutes: 0) }
        return GitSignature(
            name: text(signature.name, latin1: latin1), email: text(signature.email, latin1: latin1),
            time: signature.when.time, offsetMinutes: Int(signature.when.offset)
        )
    }

    /// The single-byte encoding a commit declares (git's `i18n.commitEncoding`), if phasecert
    /// knows it; anything else is read as UTF-8.
    private static func isLatin1(_ encoding: UnsafePointer<CChar>?) -> SingleByteEncoding? {
        guard let encoding else { return nil }
        return SingleByteEncoding(name: String(cString: encoding))
    }

    /// Subject (the first line) and body (after the blank lines that follow it), decoded as the
    /// commit declares (see `text`).
    private static func splitMessage(_ commit: OpaquePointer, latin1: SingleByteEncoding?) -> (String, String) {
        guard let raw = git_commit_message(commit) else { return ("", "") }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw))
        var start = bytes.startIndex
        while start < bytes.endIndex && bytes[start] == 0x0A { start += 1 }
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
        var bodyStart = end
        while bodyStart < bytes.endIndex && (bytes[bodyStart] == 0x0A || bytes[bodyStart] == 0x0D) { bodyStart += 1 }
        return (
            decode(trimmingTrailingSpace(bytes[start..<end]), latin1: latin1),
            decode(trimmingTrailingSpace(bytes[bodyStart...]), latin1: latin1)
        )
    }

    private static func trimmingTrailingSpace(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
        var end = bytes.endIndex
        while end > bytes.startIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[end - 1]) { end -= 1 }
        return bytes[bytes.startIndex..<end]
    }

    private static func decode(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, latin1: SingleByteEncoding?) -> String {
        if let latin1, String(validating: bytes, as: UTF8.self) == nil { return latin1.decode(bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Commit text as UTF-8, or in the single-byte encoding the commit declares when the bytes
    /// are not valid UTF-8; invalid UTF-8 otherwise becomes U+FFFD.
    private static func text(_ pointer: UnsafeMutablePointer<CChar>?, latin1: SingleByteEncoding?) -> String {
        guard let pointer else { return "" }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
        return decode(bytes[...], latin1: latin1)
    }
}
