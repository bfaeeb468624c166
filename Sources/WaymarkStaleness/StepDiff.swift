import WaymarkModel

/// A step-level diff between two recordings of the same process.
///
/// Steps are matched by fingerprint with a longest-common-subsequence alignment (so inserted or deleted steps do
/// not make every later step look different). Between two matched steps, leftover removed and added steps are
/// paired into "changed" steps when they look like the same step edited: same action and similar label, or the
/// only removal facing the only addition. Each changed step lists the fields that differ.
public struct StepDiff: Sendable, Hashable {
    public var changes: [StepChange]
    public var oldCount: Int
    public var newCount: Int

    public var isEmpty: Bool { changes.isEmpty }
    public var added: Int { changes.filter { if case .added = $0 { true } else { false } }.count }
    public var removed: Int { changes.filter { if case .removed = $0 { true } else { false } }.count }
    public var changed: Int { changes.filter { if case .changed = $0 { true } else { false } }.count }

    public init(changes: [StepChange], oldCount: Int, newCount: Int) {
        self.changes = changes
        self.oldCount = oldCount
        self.newCount = newCount
    }

    /// Diffs two captures.
    public static func between(_ old: Capture, _ new: Capture) -> StepDiff {
        between(old.steps.map(StepSummary.init), new.steps.map(StepSummary.init))
    }

    /// Diffs two step lists (for example the lock's summaries against a re-imported capture).
    public static func between(_ old: [StepSummary], _ new: [StepSummary]) -> StepDiff {
        // Short (lock version 2) and full fingerprints compare by their common prefix.
        let matches = alignment(old.map { LockDigest.short($0.fingerprint) }, new.map { LockDigest.short($0.fingerprint) })
        var changes: [StepChange] = []
        var oldIndex = 0
        var newIndex = 0
        for (matchOld, matchNew) in matches + [(old.count, new.count)] {
            let removed = Array(oldIndex..<matchOld)
            let added = Array(newIndex..<matchNew)
            changes += pair(removed: removed, added: added, old: old, new: new)
            oldIndex = matchOld + 1
            newIndex = matchNew + 1
        }
        return StepDiff(changes: changes, oldCount: old.count, newCount: new.count)
    }

    /// Index pairs of an LCS of `a` and `b`, in order. Common prefix and suffix are taken directly; the middle is
    /// aligned with a dynamic programme (captures have at most a few hundred steps).
    static func alignment(_ a: [String], _ b: [String]) -> [(Int, Int)] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
              a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let midA = Array(a[prefix..<(a.count - suffix)])
        let midB = Array(b[prefix..<(b.count - suffix)])
        var result: [(Int, Int)] = (0..<prefix).map { ($0, $0) }
        if !midA.isEmpty, !midB.isEmpty {
            let n = midA.count, m = midB.count
            // lengths[i][j]: LCS length of midA[i...] and midB[j...]
            var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lengths[i][j] = midA[i] == midB[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < n, j < m {
                if midA[i] == midB[j] {
                    result.append((prefix + i, prefix + j))
                    i += 1
                    j += 1
                } else if lengths[i + 1][j] >= lengths[i][j + 1] {
                    i += 1
                } else {
                    j += 1
                }
            }
        }
        for k in 0..<suffix {
            result.append((a.count - suffix + k, b.count - suffix + k))
        }
        return result
    }

    /// Pairs removed and added steps of one gap into changes, keeping order on both sides.
    private static func pair(removed: [Int], added: [Int], old: [StepSummary], new: [StepSummary]) -> [StepChange] {
        var pairs: [(Int, Int)] = []
        var nextAdded = 0
        for r in removed {
            var best: (index: Int, score: Double)?
            for k in nextAdded..<added.count {
                let score = similarity(old[r], new[added[k]])
                if score >= 0.5, score > (best?.score ?? 0) { best = (k, score) }
            }
            if let best {
                pairs.append((r, added[best.index]))
                nextAdded = best.index + 1
            }
        }
        if pairs.isEmpty, removed.count == 1, added.count == 1, old[removed[0]].action == new[added[0]].action {
            pairs = [(removed[0], added[0])]
        }
        var changes: [StepChange] = []
        var r = 0, a = 0
        for (pr, pa) in pairs + [(Int.max, Int.max)] {
            while r < removed.count, removed[r] < pr {
                changes.append(.removed(oldIndex: removed[r], step: old[removed[r]]))
                r += 1
            }
            while a < added.count, added[a] < pa {
                changes.append(.added(newIndex: added[a], step: new[added[a]]))
                a += 1
            }
            guard pr != Int.max else { break }
            let fields = zip(old[pr].fields, new[pa].fields).compactMap { o, n in
                o.value == n.value ? nil : FieldChange(field: o.name, old: o.value, new: n.value)
            }
            changes.append(.changed(oldIndex: pr, newIndex: pa, old: old[pr], new: new[pa], fields: fields))
            r += 1
            a += 1
        }
        return changes
    }

    /// 0…1: how much two steps look like the same step. Needs the same action; then label similarity (Dice
    /// coefficient over character bigrams, case-insensitive), or 0.6 when neither has a label but another field agrees.
    static func similarity(_ a: StepSummary, _ b: StepSummary) -> Double {
        guard a.action == b.action else { return 0 }
        if let la = a.label, let lb = b.label { return dice(la.lowercased(), lb.lowercased()) }
        if a.label == nil, b.label == nil {
            let shared = zip(a.fields, b.fields).contains { $0.name != "action" && $0.value != nil && $0.value == $1.value }
            return shared ? 0.6 : 0.5
        }
        return 0.3
    }

    static func dice(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        let ca = Array(a), cb = Array(b)
        guard ca.count > 1, cb.count > 1 else { return 0 }
        var bigrams: [String: Int] = [:]
        for i in 0..<(ca.count - 1) { bigrams[String([ca[i], ca[i + 1]]), default: 0] += 1 }
        var overlap = 0
        for i in 0..<(cb.count - 1) {
            let key = String([cb[i], cb[i + 1]])
            if let n = bigrams[key], n > 0 {
                overlap += 1
                bigrams[key] = n - 1
            }
        }
        return 2 * Double(overlap) / Double(ca.count - 1 + cb.count - 1)
    }

    /// One line per change, for people: `step 4 changed: label 'Submit' → 'Send'`. Step numbers are 1-based.
    public var lines: [String] { changes.map(\.description) }
}

/// One difference between two recordings' steps. Indexes are 0-based; descriptions use 1-based step numbers.
public enum StepChange: Sendable, Hashable, CustomStringConvertible {
    case added(newIndex: Int, step: StepSummary)
    case removed(oldIndex: Int, step: StepSummary)
    case changed(oldIndex: Int, newIndex: Int, old: StepSummary, new: StepSummary, fields: [FieldChange])

    public var kind: String {
        switch self {
        case .added: "added"
        case .removed: "removed"
        case .changed: "changed"
        }
    }

    public var description: String {
        switch self {
        case .added(let index, let step):
            return "step \(index + 1) added: \(step.headline)"
        case .removed(let index, let step):
            return "step \(index + 1) removed: \(step.headline)"
        case .changed(let oldIndex, let newIndex, _, _, let fields):
            let number = oldIndex == newIndex ? "step \(newIndex + 1)" : "step \(newIndex + 1) (was \(oldIndex + 1))"
            let parts = fields.map(\.description)
            return parts.isEmpty ? "\(number) changed" : "\(number) changed: " + parts.joined(separator: "; ")
        }
    }
}

/// One field that differs between an old and a new version of a step.
public struct FieldChange: Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var old: String?
    public var new: String?

    public init(field: String, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }

    /// `'Submit' → 'Send'` for labels (the field people care most about), `url 'a' → 'b'` for the rest.
    public var description: String {
        let o = old.map { "'\($0)'" } ?? "(none)"
        let n = new.map { "'\($0)'" } ?? "(none)"
        return field == "label" ? "\(o) → \(n)" : "\(field) \(o) → \(n)"
    }
}
