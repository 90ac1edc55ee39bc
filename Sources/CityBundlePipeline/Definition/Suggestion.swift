/// "Did you mean …?" suggestions for misspelt keys and values.
enum Suggestion {
    /// The candidate closest to `word`, when it is close enough to be a likely typo.
    ///
    /// Case is ignored. A candidate is close when its edit distance (insertions, deletions, substitutions and
    /// swaps of neighbours) is at most a third of the longer word (at least 1, at most 3), or when one word is a
    /// prefix of the other and the shorter has at least 3 characters. Ties go to the earlier candidate.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            let limit = min(3, max(1, max(lowered.count, candidate.count) / 3))
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        if let best { return best.candidate }
        for candidate in candidates {
            let other = candidate.lowercased()
            let shorter = min(lowered.count, other.count)
            if shorter >= 3, lowered.hasPrefix(other) || other.hasPrefix(lowered) { return candidate }
        }
        return nil
    }

    /// The optimal-string-alignment distance between two strings, counted in characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// `did you mean 'x'?` for the closest candidate, if any.
    static func didYouMean(_ word: String, among candidates: [String]) -> String? {
        closest(to: word, among: candidates).map { "did you mean '\($0)'?" }
    }
}
