import Foundation
import PhaseModel

/// Gathers the claims of a whole workspace: the master list's claim texts, every Markdown
/// document of the task folders, the existing reports the configuration names, and commit
/// subjects; then adds the facts behind them and puts them in a fixed order.
struct WorkspaceClaimReader {
    let tree: RepositoryTree
    let configuration: Configuration
    let extractor: ClaimExtractor

    /// The documents read for claims, sorted by path, each once: the Markdown files of the task
    /// folders but their plans (`planDocuments`), and the work-tree files that match
    /// `reports.claimGlobs` (by default every Markdown file), but plans, files in vendored folders,
    /// the reports folder and what matches `evidence.exclude`. The master list is left out: its claims come from the
    /// claim texts its parser kept. `reports` tells which of them were found as reports only.
    static func documents(
        masterList: String?, tasks: [TaskRecord], workTree: [String], configuration: Configuration
    ) -> (paths: [String], reports: Set<String>) {
        let taskDocuments = Set(tasks.flatMap(\.documents).map(\.path).filter { !isPlan($0) })
        let claimGlobs = configuration.reports.claimGlobs.map(Glob.init)
        let excluded = configuration.evidence.exclude.map(Glob.init)
        var reportsFolder = String(RepositoryPath.trimmingCurrentFolder(configuration.reports.folder))
        while reportsFolder.hasSuffix("/") { reportsFolder.removeLast() }
        // The globs first: they leave a few documents of a work tree's files. Telling a plan by
        // its name, asked of all 8,487 files of the 100,000-commit repository, was 43 of the main
        // thread's 1,462 samples of `phase-close 1`; asked of its documents, 9 (Benchmarks/RESULTS-scale.md, twenty-first round).
        let reports = Set(workTree.filter { path in
            let insideReports = !reportsFolder.isEmpty && (path == reportsFolder || path.hasPrefix(reportsFolder + "/"))
            return !insideReports && claimGlobs.contains { $0.matches(path) } && !excluded.contains { $0.matches(path) }
                && !isVendored(path) && !isPlan(path)
        })
        var all = taskDocuments.union(reports)
        if let masterList { all.remove(masterList) }
        let paths = all.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return (paths, reports.subtracting(taskDocuments))
    }

    /// Documents that state what is to be built — `requirements.md`, `design.md`, and Spec Kit's
    /// and Kiro's `spec.md`, `plan.md`, `research.md` — hold targets and examples ("dates as
    /// November 30, 2025"), not claims of what was done.
    static let planDocuments: Set<String> = ["requirements.md", "design.md", "spec.md", "plan.md", "research.md"]

    /// Folders whose documents plan, instruct or analyse before the work: plans and PRDs, research,
    /// proposals and decision records, templates, and the instructions and commands written for
    /// coding agents (`.claude/commands/`, `.github/instructions/`). A leading `_` or `.` is
    /// ignored (`_plans`, `.claude`).
    static let planFolders: Set<String> = [
        "plans", "planning", "prd", "prds", "research", "proposals", "rfc", "rfcs", "adr", "adrs", "decisions",
        "templates", "template", "instructions", "prompts", "steering", "analysis", "issue-analysis", "claude", "cursor",
        "agents", "windsurf", "roo", "specify", "codex", "gemini", "github", "aidd",
    ]

    /// Words that, first or last in a document's name, say it is a plan or a how-to: `IMPLEMENTATION-PLAN.md`,
    /// `PLANNING-COMPLETE.md`, `2025-12-25_F004_x-prd.md`, `gap-analysis.md`, `AGENTS.md`,
    /// `INTEGRATION-GUIDE.md` (a guide tells a reader what to make, not what was made).
    static let planWords: Set<String> = [
        "plan", "plans", "planning", "design", "proposal", "prd", "research", "requirements", "spec", "specification",
        "rfc", "adr", "template", "instructions", "prompt", "analysis", "estimate", "estimates", "agents", "claude",
        "gemini", "copilot", "guide", "howto", "tutorial", "manual", "quickstart", "план", "планирование", "дизайн",
        "требования", "исследование", "анализ", "шаблон", "руководство", "инструкция",
    ]

    /// Folders that hold other projects' files (dependencies, vendored code): their documents
    /// speak of work done elsewhere.
    static let vendorFolders: Set<String> = ["node_modules", "vendor", "third_party", "bower_components", ".venv", "site-packages"]

    static func isVendored(_ path: String) -> Bool {
        path.split(separator: "/").dropLast().contains { vendorFolders.contains(String($0)) }
    }

    static func isPlan(_ path: String) -> Bool {
        let segments = path.split(separator: "/")
        guard let name = segments.last.map(String.init) else { return false }
        if planDocuments.contains(name.lowercased()) { return true }
        let folders = segments.dropLast().map { folder in
            String(folder.drop { $0 == "_" || $0 == "." }).lowercased()
        }
        if folders.contains(where: planFolders.contains) { return true }
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        // Dates, ids and numbers (`2025-12-25`, `F004`, `3`) say which plan, not what it is.
        let words = stem.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
            .filter { word in !word.contains(where: \.isNumber) }
        guard let first = words.first, let last = words.last else { return false }
        return planWords.contains(first) || planWords.contains(last)
    }

    /// The claims of the master list and of every document, sorted by file and line (claims on one
    /// line keep the order they were written in), and findings for reports that could not be read.
    /// `texts` holds documents already read (the task folders' Markdown), which are not read again.
    /// With a `cache`, a document whose entry it holds is not extracted again, and the cache is
    /// rewritten with this run's documents when any of them was.
    func documentClaims(
        masterList: MasterList?, tasks: [TaskRecord], workTree: [String], texts: [String: String] = [:],
        cache: DocumentClaimCache? = nil
    ) -> (claims: [Claim], findings: [Finding]) {
        // Sorted once what each document gave (and the cache's entries) is let go of: the three
        // had been in memory together with the sorted claims.
        let (claims, findings) = unorderedDocumentClaims(
            masterList: masterList, tasks: tasks, workTree: workTree, texts: texts, cache: cache)
        return (Self.ordered(consume claims), findings)
    }

    /// What `documentClaims` gives, the claims in the order the documents were read.
    private func unorderedDocumentClaims(
        masterList: MasterList?, tasks: [TaskRecord], workTree: [String], texts: [String: String], cache: DocumentClaimCache?
    ) -> (claims: [Claim], findings: [Finding]) {
        let (paths, reports) = Self.documents(
            masterList: masterList?.file, tasks: tasks, workTree: workTree, configuration: configuration)
        let cached = cache?.load() ?? [:]
        let fingerprint = cache == nil ? "" : extractor.fingerprint
        // Documents are independent: read them on every core, each into its own slot, so the
        // result does not depend on which finished first.
        let slots = ResultSlots<Extracted>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = paths[index]
            let (text, findings): (String?, [Finding]) = texts[path].map { ($0, []) } ?? read(path, isReport: reports.contains(path))
            guard let text else { return slots.set(index, Extracted(findings: findings)) }
            let key = cache?.key(path: path, text: text, fingerprint: fingerprint)
            if let key, let entry = cached[key] { return slots.set(index, Extracted(key: key, entry: entry, findings: findings, fromCache: true)) }
            let (claims, extraction) = extractor.extract(markdown: text, file: path)
            slots.set(index, Extracted(key: key, entry: .init(claims: claims, findings: extraction), findings: findings))
        }
        var (claims, findings) = extractor.extract(texts: masterList?.claimTexts ?? [])
        var entries: [String: DocumentClaimCache.Entry] = [:]
        let results = slots.values()
        claims.reserveCapacity(results.reduce(claims.count) { $0 + $1.entry.claims.count })
        for result in results {
            claims += result.entry.claims
            findings += result.findings + result.entry.findings
            if let key = result.key { entries[key] = result.entry }
        }
        // A cache that cannot be written only costs the next run time: the scan goes on without it.
        if let cache, entries.count != cached.count || results.contains(where: { $0.key != nil && !$0.fromCache }) {
            try? cache.save(entries)
        }
        return (claims, findings)
    }

    /// One document's claims and findings, and the cache key they were found or filed under.
    private struct Extracted: Sendable {
        var key: String?
        var entry = DocumentClaimCache.Entry(claims: [], findings: [])
        /// Findings about reading the file, which are not the extraction's and are not cached.
        var findings: [Finding]
        var fromCache = false
    }

    /// The text of the document at `path` (`nil` when it could not be read) and the findings
    /// reading it raised.
    private func read(_ path: String, isReport: Bool) -> (String?, [Finding]) {
        switch TextFileReader.read(absolutePath: tree.absolute(path), path: path) {
        case let .success(file):
            return (file.text, file.hadInvalidUTF8 && isReport ? [ScanFindings.invalidUTF8(path)] : [])
        case let .failure(problem):
            // A task document that cannot be read already has its finding from the folder scan.
            return (nil, isReport ? [ScanFindings.unreadable(path, problem: problem)] : [])
        }
    }

    /// Document claims, then commit-subject claims in history order, with their facts added; the
    /// findings for subjects whose claims were not all read; and how many claims were found but
    /// not kept (with `needsFacts`).
    ///
    /// With a `factsCache`, the claims and findings kept by an earlier run for the same document
    /// claims, history and extractor are used when every file their facts were read from is
    /// unchanged, and the commit subjects are then not read either; else facts are worked out
    /// anew and kept for the next run. With a `subjectCache`, only the subjects of commits it
    /// does not hold are read. With `needsFacts`, only the claims it accepts get their facts, only
    /// they and those on their lines are kept (`kept(_:where:)`), and the kept facts, which are
    /// every claim's, are neither used nor replaced.
    func allClaims(
        documentClaims: consuming [Claim], history: History?, facts: ClaimFacts, factsCache: ClaimFactsCache? = nil,
        subjectCache: SubjectClaimCache? = nil, writes: BackgroundWrites? = nil,
        subjects: BackgroundValue<(claims: [Claim], findings: [Finding])>? = nil, needsFacts: ((Claim) -> Bool)? = nil
    ) -> (claims: [Claim], findings: [Finding], notKept: Int) {
        if let needsFacts {
            let (commitClaims, commitFindings) =
                subjects?.take() ?? history.map { subjectClaims(of: $0, cache: subjectCache) } ?? (claims: [], findings: [])
            let found = documentClaims.count + commitClaims.count
            let claims = Self.joined(Self.kept(documentClaims, where: needsFacts), Self.kept(commitClaims, where: needsFacts))
            let notKept = found - claims.count
            return (facts.apply(to: claims, where: needsFacts), commitFindings, notKept)
        }
        guard let factsCache, let history else {
            let (commitClaims, commitFindings) =
                subjects?.take() ?? history.map { extractor.extract(subjectsOf: $0.commits) } ?? (claims: [], findings: [])
            return (facts.apply(to: Self.joined(documentClaims, consume commitClaims)), commitFindings, 0)
        }
        let start = Date().timeIntervalSince1970
        let key = factsCache.key(of: documentClaims, subjectFingerprint: extractor.fingerprint, facts: facts)
        if let kept = factsCache.entry(forKey: key, tree: facts.tree) { return (kept.claims, kept.findings, 0) }
        let (commitClaims, commitFindings) = subjects?.take() ?? subjectClaims(of: history, cache: subjectCache)
        let (judged, reads) = facts.applyRecording(to: Self.joined(documentClaims, consume commitClaims))
        // A cache that cannot be written only costs the next run time: the scan goes on without it.
        if let reads {
            let entry = ClaimFactsCache.Entry(key: key, reads: reads, claims: judged, findings: commitFindings)
            let save: @Sendable () -> String? = {
                _ = try? factsCache.save(entry, runStartedAt: start)
                return nil
            }
            if let writes { writes.start(save) } else { _ = save() }
        }
        return (judged, commitFindings, 0)
    }

    /// The claims `owned` accepts, and those written on a line (or in a commit subject) with one of
    /// them, in order. The others are not shown by a report on the phases `owned` stands for, and
    /// are not needed to judge theirs (a completion's `n/m` on the same line is): at 100,000 commits
    /// they were most of `phase-close`'s claims, held through the run for nothing.
    static func kept(_ claims: consuming [Claim], where owned: (Claim) -> Bool) -> [Claim] {
        let claims = consume claims
        var ownedSources = Set<Provenance>()
        for claim in claims where owned(claim) { ownedSources.insert(claim.source) }
        return claims.filter { ownedSources.contains($0.source) }
    }

    /// The documents' claims, then the subjects', in one array, without either part held beside
    /// it once joined: at 100,000 commits the parts were 38 MB of `phase-close`'s peak memory,
    /// kept until the scan ended by the caller and by the subjects' background value.
    static func joined(_ documents: consuming [Claim], _ subjects: consuming [Claim]) -> [Claim] {
        var all = consume documents
        all.reserveCapacity(all.count + subjects.count)
        all.append(contentsOf: consume subjects)
        return all
    }

    /// The claims of the history's commit subjects, in history order, and findings for subjects
    /// whose claims were not all read; with a `cache`, only the subjects of commits it does not
    /// hold are read.
    func subjectClaims(of history: History, cache: SubjectClaimCache?) -> (claims: [Claim], findings: [Finding]) {
        cache?.claims(of: history, extractor: extractor) ?? extractor.extract(subjectsOf: history.commits)
    }

    /// File claims by path (byte order) and line; the sort keeps the original order among equals.
    /// Positions are sorted, not the claims: sorting pairs of position and claim held a third
    /// copy of every claim (24 MB of a 100,000-commit plan's peak memory).
    static func ordered(_ claims: consuming [Claim]) -> [Claim] {
        let claims = consume claims
        let order = claims.indices.sorted { lhs, rhs in
            let left = (claims[lhs].source.file ?? "", claims[lhs].source.line ?? 0)
            let right = (claims[rhs].source.file ?? "", claims[rhs].source.line ?? 0)
            if left.0 != right.0 { return left.0.utf8.lexicographicallyPrecedes(right.0.utf8) }
            if left.1 != right.1 { return left.1 < right.1 }
            return lhs < rhs
        }
        return order.map { claims[$0] }
    }
}
