import PhaseModel

extension CertificationCheck {
    /// A claim whose verdict is not what the record says: judged otherwise, or a claim that
    /// appeared or disappeared.
    public struct ClaimChange: Sendable, Equatable {
        /// The claim as it is now, or as recorded when it is gone.
        public var claim: Claim
        public var before: ClaimState
        public var after: ClaimState

        public init(claim: Claim, before: ClaimState, after: ClaimState) {
            self.claim = claim
            self.before = before
            self.after = after
        }

        /// Claims are the same claim when kind, text, subject, scope and source file (or commit)
        /// agree, wherever the line moved; repeats of one claim are matched in order. Current
        /// claims first, in their order, then those gone.
        static func changes(before: [Claim], after: [Claim]) -> [ClaimChange] {
            var waiting: [String: [Claim]] = [:]
            for claim in before { waiting[EvidenceTree.component(of: claim, in: "claims"), default: []].append(claim) }
            var changes: [ClaimChange] = []
            for claim in after {
                let key = EvidenceTree.component(of: claim, in: "claims")
                let old = waiting[key]?.first
                if old != nil { waiting[key]?.removeFirst() }
                let then = old.map(ClaimState.init) ?? .absent
                let now = ClaimState(claim)
                if then != now { changes.append(ClaimChange(claim: claim, before: then, after: now)) }
            }
            let gone = before.filter { claim in
                let key = EvidenceTree.component(of: claim, in: "claims")
                guard let index = waiting[key]?.firstIndex(of: claim) else { return false }
                waiting[key]?.remove(at: index)
                return true
            }
            return changes + gone.map { ClaimChange(claim: $0, before: ClaimState($0), after: .absent) }
        }
    }

    /// Where a claim stands on one side of the comparison.
    public enum ClaimState: Sendable, Equatable, CustomStringConvertible {
        /// No such claim on this side.
        case absent
        /// Present but not judged: a figure of another scoring model.
        case unjudged
        case judged(Verdict)

        init(_ claim: Claim) {
            self = claim.verdict.map(ClaimState.judged) ?? .unjudged
        }

        public var description: String {
            switch self {
            case .absent: "absent"
            case .unjudged: "not judged"
            case let .judged(verdict): verdict.rawValue
            }
        }
    }
}
