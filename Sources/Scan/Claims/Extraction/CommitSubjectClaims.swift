import Foundation
import PhaseModel

extension ClaimExtractor {
    /// The claims of commit subjects, in the order of `commits` (history order), each with
    /// `source: .commit(id)`, the first known task the subject names and that task's phase.
    ///
    /// Merge commits are skipped: their subjects name branches, not work. Histories can hold a
    /// hundred thousand commits, so a subject is given to the phrase scanner only when a cheap
    /// look at its bytes finds a figure or a status word in it (`CommitSubjectFilter`).
    public func claims(inSubjectsOf commits: [GitCommit]) -> [Claim] {
        extract(subjectsOf: commits).claims
    }

    /// The claims of commit subjects as `claims(inSubjectsOf:)` gives them, and a
    /// `claim.extraction-capped` finding for each subject whose claims were not all read.
    public func extract(subjectsOf commits: [GitCommit]) -> (claims: [Claim], findings: [Finding]) {
        // Subjects are independent: scan slices on every core, each into its own slot, and join
        // the slots in order, so the result does not depend on which slice finished first.
        let sliceCount = min(max(commits.count / 2_000, 1), 64)
        let slots = ResultSlots<(claims: [Claim], findings: [Finding])>(count: sliceCount)
        DispatchQueue.concurrentPerform(iterations: sliceCount) { slice in
            let start = commits.count * slice / sliceCount
            let end = commits.count * (slice + 1) / sliceCount
            slots.set(slice, extract(subjectsOf: commits[start..<end]))
        }
        let results = slots.values()
        return (results.flatMap(\.claims), results.flatMap(\.findings))
    }

    private func extract(subjectsOf commits: ArraySlice<GitCommit>) -> (claims: [Claim], findings: [Finding]) {
        var scanner = TaskIDScanner(pattern: ids)
        var result: [Claim] = []
        var findings: [Finding] = []
        for index in commits.indices {
            let subject = commits[index].subject
            guard !commits[index].isMerge, CommitSubjectFilter.mayHoldClaims(subject) else { continue }
            let (phrases, isCapped) = ClaimPhraseScanner.claims(in: subject, limit: ClaimExtractionCap.claimsPerItem)
            guard !phrases.isEmpty else { continue }
            let task = scanner.ids(in: subject).first(where: self.index.tasks.contains)
            let scope = task.map { self.index.scope(task: $0, around: ClaimScope()) } ?? ClaimScope()
            let source = Provenance.commit(commits[index].id)
            for phrase in phrases { result.append(phrase.claim(source: source, task: scope.task, phase: scope.phase)) }
            if isCapped { findings.append(ClaimExtractionCap.finding(at: source, task: scope.task, phase: scope.phase)) }
        }
        return (result, findings)
    }
}

/// A quick test of whether a commit subject can hold a claim at all: it has a digit that is not
/// part of an identifier (`TN-099`, `v2`, `#12`), or a status word. One pass over the bytes for
/// ASCII subjects; the Russian words and `✅` are looked for only in subjects with other bytes.
enum CommitSubjectFilter {
    /// Lower-case ASCII status words, matched at the start of a word in any case.
    private static let asciiWords: [[UInt8]] = ["complete", "done", "finish", "ready", "block", "progress", "pass", "fail", "wip"]
        .map { Array($0.utf8) }
    private static let otherWords = ["✅", "заверш", "готов", "выполн", "блок", "в работе"]

    static func mayHoldClaims(_ subject: String) -> Bool {
        var subject = subject
        subject.makeContiguousUTF8()
        let verdict = subject.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            switch scan(bytes) {
            case .yes: return true
            case .no: return false
            case .lookFurther: return otherWords.contains { subject.lowercased().contains($0) }
            }
        }
        return verdict ?? true
    }

    private enum Outcome { case yes, no, lookFurther }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var sawOtherBytes = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let previous: UInt8 = index > 0 ? bytes[index - 1] : 0x20
            if byte >= 0x80 {
                sawOtherBytes = true
            } else if isDigit(byte) {
                // A digit that starts a number of its own: not after a letter, `_`, `#` or a digit,
                // nor after the hyphen of `WORD-`.
                let beforePrevious: UInt8 = index > 1 ? bytes[index - 2] : 0x20
                if !isDigit(previous), !isLetter(previous), previous != 0x5F, previous != 0x23,
                    !(previous == 0x2D && isLetter(beforePrevious))
                {
                    return .yes
                }
            } else if isLetter(byte), !isLetter(previous) {
                for word in asciiWords where startsWith(word, bytes, at: index) { return .yes }
            }
            index += 1
        }
        return sawOtherBytes ? .lookFurther : .no
    }

    private static func startsWith(_ word: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + word.count <= bytes.count else { return false }
        for offset in word.indices where bytes[index + offset] | 0x20 != word[offset] { return false }
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}
