import Sentinel2
import TaskRuntime

/// A bounding box for which no step has a usable scene: the job fails with `no_scene_found`,
/// listing the days searched and why each had none.
struct NoSceneFound {
    let bboxIndex: Int
    let box: [Double]
    let steps: [StepSelection]

    var taskError: TaskError {
        let days = steps.map { AODRequest.dayString($0.targetDate) }
        let reasons = steps.compactMap(\.reason)
        return .permanent(
            "no_scene_found",
            "no usable scene for bboxes[\(bboxIndex)] \(box) on any of \(days.joined(separator: ", ")): "
                + reasons.joined(separator: "; "),
            details: .object([
                "bbox_index": .integer(bboxIndex),
                "dates_searched": .array(days.map(JSONValue.string)),
                "reasons": .array(reasons.map(JSONValue.string)),
            ]))
    }
}
