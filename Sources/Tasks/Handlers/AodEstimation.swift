import TaskRuntime

extension Handlers {
    /// Stage `data_processing` of `aod_estimation`: the chip creator (``DataProcessing``). Picks a
    /// Sentinel-2 scene per bounding box and step from the catalog in `DATA_FOLDER` and stores its chips.
    static func aodEstimationDataProcessing(
        _ input: AodEstimation.Input, _ job: JobContext
    ) async throws
        -> AodEstimation.DataProcessingOutput
    {
        try await DataProcessing.run(input, job: job)
    }

    /// Stage `model_prediction` of `aod_estimation` (``ModelPrediction``): the dark-dense-vegetation
    /// retrieval on every chip, with the statistics per bounding box and step.
    static func aodEstimationModelPrediction(
        _ input: AodEstimation.Input, _ previous: AodEstimation.DataProcessingOutput, _ job: JobContext
    ) async throws -> AodEstimation.Output {
        try await ModelPrediction.run(input, previous, job: job)
    }
}
