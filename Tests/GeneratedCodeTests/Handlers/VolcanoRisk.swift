import TaskRuntime

extension Handlers {
    /// A test handler for the first stage: one sample per coordinate of the region.
    static func volcanoRiskDataProcessing(
        _ input: VolcanoRisk.Input, _ job: JobContext
    ) async throws -> VolcanoRisk.DataProcessingOutput {
        VolcanoRisk.DataProcessingOutput(samples: input.region)
    }

    /// A test handler for the last stage: the mean of the previous stage's samples, clamped to 0...1.
    static func volcanoRiskModelPrediction(
        _ input: VolcanoRisk.Input, _ previous: VolcanoRisk.DataProcessingOutput, _ job: JobContext
    ) async throws -> VolcanoRisk.Output {
        let mean = previous.samples.reduce(0, +) / Double(max(previous.samples.count, 1))
        return VolcanoRisk.Output(risk: min(max(mean, 0), 1))
    }
}
