/// Gathers retrieved minus L2A AOT over the cells of a bounding box where both exist.
struct AODDifferenceBuilder {
    private(set) var differences: [Float] = []

    mutating func add(retrieved: [Float], reference: [Float], counted: [Bool]) {
        for index in retrieved.indices where counted[index] && retrieved[index].isFinite && reference[index].isFinite {
            differences.append(retrieved[index] - reference[index])
        }
    }

    mutating func merge(_ other: AODDifferenceBuilder) {
        differences.append(contentsOf: other.differences)
    }

    var difference: AodStepResult.Difference {
        var result = AodStepResult.Difference(pixels: differences.count)
        guard !differences.isEmpty else { return result }
        var builder = AODStatisticsBuilder()
        builder.add(differences, counted: Array(repeating: true, count: differences.count))
        let statistics = builder.statistics
        result.mean = statistics.mean
        result.median = statistics.median
        result.rmse = (differences.reduce(0) { $0 + Double($1) * Double($1) } / Double(differences.count)).squareRoot()
        return result
    }
}
