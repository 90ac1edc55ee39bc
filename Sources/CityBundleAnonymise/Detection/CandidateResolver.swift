/// Chooses non-overlapping matches: the longest wins, and between equally long ones the most specific kind.
enum CandidateResolver {
    /// How specific each kind's rule is; a checksum-verified identity number beats a Luhn-valid card of the same
    /// length, and anything beats a bare phone number.
    static func specificity(_ kind: PIIKind) -> Int {
        switch kind {
        case .residentID: 8
        case .passport: 7
        case .email: 6
        case .bankCard: 5
        case .legacyResidentID: 4
        case .licencePlate: 3
        case .mobile: 2
        case .landline: 1
        }
    }

    /// The chosen candidates, sorted by position.
    static func resolve(_ candidates: [Candidate]) -> [Candidate] {
        guard candidates.count > 1 else { return candidates }
        let start = candidates.map(\.lower).min() ?? 0
        let end = candidates.map(\.upper).max() ?? 0
        let ordered = candidates.sorted { a, b in
            if a.length != b.length { return a.length > b.length }
            let sa = specificity(a.kind)
            let sb = specificity(b.kind)
            if sa != sb { return sa > sb }
            return a.lower < b.lower
        }
        var taken = [Bool](repeating: false, count: end - start)
        var chosen: [Candidate] = []
        for candidate in ordered where !(candidate.lower..<candidate.upper).contains(where: { taken[$0 - start] }) {
            for i in candidate.lower..<candidate.upper { taken[i - start] = true }
            chosen.append(candidate)
        }
        return chosen.sorted { $0.lower < $1.lower }
    }
}
