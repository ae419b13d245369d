/// "Did you mean" suggestions: the nearest known word by edit distance.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    ///
    /// Close enough means an edit distance of at most a third of the word's length (at least 1),
    /// or a case-insensitive match.
    public static func nearest<S: Sequence>(to word: String, in candidates: S) -> String?
    where S.Element == String {
        // A name of several words whose words all appear, in order, in a candidate is a
        // shortened name (`page-type-count` for `page-type-event-count`): prefer that candidate
        // over one that is closer letter by letter but means something else.
        let words = Self.words(word)
        if words.count >= 2 {
            let containing = candidates.filter { candidate in
                candidate != word && Self.containsInOrder(Self.words(candidate), words)
            }
            if let best = containing.min(by: { ($0.count, $0) < ($1.count, $1) }) { return best }
        }
        let lowered = word.lowercased()
        let length = word.unicodeScalars.count
        var best: (String, Int)?
        for candidate in candidates {
            if candidate == word { continue }
            // The distance is at least the difference in length: skip candidates that could not
            // be close enough (or closer than the best so far) without computing it.
            let candidateLength = candidate.unicodeScalars.count
            let gap = abs(candidateLength - length)
            if gap > max(1, max(length, candidateLength) / 3) { continue }
            if let current = best, gap > current.1 { continue }
            let distance = candidate.lowercased() == lowered ? 0 : editDistance(lowered, candidate.lowercased())
            if let current = best, distance > current.1 || (distance == current.1 && candidate >= current.0) {
                continue
            }
            best = (candidate, distance)
        }
        guard let (candidate, distance) = best else { return nil }
        let limit = max(1, max(word.count, candidate.count) / 3)
        return distance <= limit ? candidate : nil
    }

    /// The lowercased words of a kebab-case, snake_case or dotted name.
    static func words(_ name: String) -> [Substring] {
        name.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." || $0 == " " })
    }

    /// Whether `words` appear in `candidate` in the same order (not necessarily adjacent).
    static func containsInOrder(_ candidate: [Substring], _ words: [Substring]) -> Bool {
        var index = candidate.startIndex
        for word in words {
            guard let found = candidate[index...].firstIndex(of: word) else { return false }
            index = candidate.index(after: found)
        }
        return true
    }

    /// "; did you mean `x`?" when a suggestion exists, otherwise "".
    public static func didYouMean<S: Sequence>(_ word: String, in candidates: S) -> String
    where S.Element == String {
        guard let near = nearest(to: word, in: candidates) else { return "" }
        return "; did you mean `\(near)`?"
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
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
}
