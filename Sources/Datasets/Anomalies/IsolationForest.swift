#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Isolation forest (Liu, Ting and Zhou, 2008), as scikit-learn's `IsolationForest`: each tree is grown
/// on `sampleSize` rows drawn without replacement, splitting on a random feature (one that varies in the
/// node) at a uniform threshold between its node minimum and maximum, to depth ceil(log2(sampleSize)).
/// A row's score is 2^(-E[h(x)] / c(sampleSize)), h the depth reached plus c(size of the leaf): the
/// negation of sklearn's `score_samples`. Reproducible for a seed.
struct IsolationForest {
    struct Node {
        var feature: Int32  // -1: a leaf
        var threshold: Double
        var left: Int32
        var right: Int32
        var size: Int32
    }

    var trees: [[Node]] = []
    let sampleSize: Int
    let features: Int

    /// Grows `trees` trees on rows of `sample` (row-major, `features` values a row).
    init(sample: [Double], features: Int, trees count: Int, sampleSize: Int, seed: UInt64) {
        self.features = features
        let rows = features > 0 ? sample.count / features : 0
        self.sampleSize = min(sampleSize, rows)
        var random = SeededGenerator(seed: seed)
        let depthLimit = Int(ceil(log2(Double(max(2, self.sampleSize)))))
        var order = Array(0..<rows)
        for _ in 0..<count {
            // A partial Fisher-Yates shuffle: the first sampleSize rows are the tree's sample.
            for i in 0..<self.sampleSize {
                let j = i + Int(random.next() % UInt64(rows - i))
                order.swapAt(i, j)
            }
            var nodes: [Node] = []
            var indices = Array(order.prefix(self.sampleSize))
            Self.grow(&nodes, &indices, 0, indices.count, 0, depthLimit, sample, features, &random)
            trees.append(nodes)
        }
    }

    @discardableResult
    private static func grow(
        _ nodes: inout [Node], _ indices: inout [Int], _ lo: Int, _ hi: Int, _ depth: Int, _ limit: Int,
        _ data: [Double], _ features: Int, _ random: inout SeededGenerator
    ) -> Int32 {
        let id = Int32(nodes.count)
        nodes.append(Node(feature: -1, threshold: 0, left: -1, right: -1, size: Int32(hi - lo)))
        guard hi - lo > 1, depth < limit else { return id }
        // Features that vary in this node, tried in random order.
        var candidates = Array(0..<features)
        while !candidates.isEmpty {
            let pick = Int(random.next() % UInt64(candidates.count))
            let f = candidates.remove(at: pick)
            var minimum = Double.infinity
            var maximum = -Double.infinity
            for i in lo..<hi {
                let v = data[indices[i] * features + f]
                minimum = min(minimum, v)
                maximum = max(maximum, v)
            }
            guard maximum > minimum else { continue }
            var threshold = minimum + random.unit() * (maximum - minimum)
            if threshold <= minimum { threshold = minimum.nextUp }
            var mid = lo
            for i in lo..<hi where data[indices[i] * features + f] < threshold {
                indices.swapAt(i, mid)
                mid += 1
            }
            nodes[Int(id)].feature = Int32(f)
            nodes[Int(id)].threshold = threshold
            let left = grow(&nodes, &indices, lo, mid, depth + 1, limit, data, features, &random)
            let right = grow(&nodes, &indices, mid, hi, depth + 1, limit, data, features, &random)
            nodes[Int(id)].left = left
            nodes[Int(id)].right = right
            return id
        }
        return id
    }

    /// c(n): the average path length of an unsuccessful search in a binary search tree of n points.
    static func averagePathLength(_ n: Int) -> Double {
        if n <= 1 { return 0 }
        if n == 2 { return 1 }
        let m = Double(n)
        return 2 * (log(m - 1) + 0.5772156649015329) - 2 * (m - 1) / m
    }

    /// The anomaly score in (0, 1] (above 0.5: an outlier by sklearn's `contamination="auto"`), and the
    /// feature of the last split on the shortest path (the one that isolated the row).
    func score(_ x: UnsafeBufferPointer<Double>) -> (score: Double, feature: Int) {
        var total = 0.0
        var shortest = Double.infinity
        var isolating = 0
        for nodes in trees {
            var i = 0
            var depth = 0.0
            var lastFeature = 0
            while nodes[i].feature >= 0 {
                let node = nodes[i]
                lastFeature = Int(node.feature)
                i = Int(x[Int(node.feature)] < node.threshold ? node.left : node.right)
                depth += 1
            }
            let h = depth + Self.averagePathLength(Int(nodes[i].size))
            total += h
            if h < shortest {
                shortest = h
                isolating = lastFeature
            }
        }
        let mean = total / Double(max(1, trees.count))
        let c = Self.averagePathLength(sampleSize)
        return (c > 0 ? pow(2, -mean / c) : 0.5, isolating)
    }
}
