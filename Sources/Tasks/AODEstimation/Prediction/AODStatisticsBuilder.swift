/// Gathers the values of a field over the cells of a bounding box and makes their
/// ``AodStatistics``: mean, median, population standard deviation, extremes and the valid share.
struct AODStatisticsBuilder {
    private(set) var values: [Float] = []
    /// Cells inside the bounding box with scene data, valid or not.
    private(set) var pixels = 0

    /// Adds the cells of `field` for which `counted` is true; finite values are valid.
    mutating func add(_ field: [Float], counted: [Bool]) {
        for (value, isCounted) in zip(field, counted) where isCounted {
            pixels += 1
            if value.isFinite { values.append(value) }
        }
    }

    /// Adds what `other` gathered.
    mutating func merge(_ other: AODStatisticsBuilder) {
        values.append(contentsOf: other.values)
        pixels += other.pixels
    }

    var statistics: AodStatistics {
        var result = AodStatistics(
            validPixels: values.count, pixels: pixels,
            validFraction: pixels == 0 ? 0 : Double(values.count) / Double(pixels))
        guard !values.isEmpty else { return result }
        let numbers = values.map(Double.init).sorted()
        let count = Double(numbers.count)
        let mean = numbers.reduce(0, +) / count
        let middle = numbers.count / 2
        result.mean = mean
        result.median = numbers.count % 2 == 1 ? numbers[middle] : (numbers[middle - 1] + numbers[middle]) / 2
        result.std = (numbers.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count).squareRoot()
        result.min = numbers.first
        result.max = numbers.last
        return result
    }
}
