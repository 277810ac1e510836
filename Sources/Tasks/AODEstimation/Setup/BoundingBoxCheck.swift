import TaskSchema

/// The rules of `bboxes` a schema cannot state: each item is `[min_lon, min_lat, max_lon, max_lat]`
/// with latitudes in -90...90 and each minimum below its maximum (a box never crosses the
/// antimeridian). The schema already bounds every number to -180...180 and each item to 4 numbers.
enum BoundingBoxCheck {
    /// Every broken rule, each pointing at the offending number or item.
    static func violations(in bboxes: [[Double]]) -> [Violation] {
        var violations: [Violation] = []
        for (index, box) in bboxes.enumerated() where box.count == 4 {
            let pointer = "/bboxes/\(index)"
            for position in [1, 3] where !(-90...90).contains(box[position]) {
                violations.append(
                    Violation(
                        pointer: "\(pointer)/\(position)", code: "out_of_range",
                        message: "latitude \(box[position]) is outside -90..90"))
            }
            if box[0] >= box[2] {
                violations.append(
                    Violation(
                        pointer: pointer, code: "invalid_bbox",
                        message:
                            "min_lon \(box[0]) must be less than max_lon \(box[2]) (a box may not cross the antimeridian)"
                    ))
            }
            if box[1] >= box[3] {
                violations.append(
                    Violation(
                        pointer: pointer, code: "invalid_bbox",
                        message: "min_lat \(box[1]) must be less than max_lat \(box[3])"))
            }
        }
        return violations
    }
}
