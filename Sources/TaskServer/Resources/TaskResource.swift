import Foundation
import TaskRuntime

/// The JSON form of a task in the registry (`GET /v1/tasks`).
enum TaskResource {
    /// The task; each schedule's `next_run` is its first tick after `now`.
    static func json(_ definition: TaskDefinition, now: Date = Date()) -> JSONValue {
        [
            "name": .string(definition.name),
            "version": .integer(definition.version),
            "summary": .string(definition.summary),
            "description": definition.description.map(JSONValue.string) ?? .null,
            "queue": .string(definition.queue),
            "priority": .integer(definition.priority),
            "timeout_seconds": JSONValue(number: definition.timeout.seconds),
            "retry": [
                "max_attempts": .integer(definition.retry.maxAttempts),
                "backoff": .string(definition.retry.backoff.rawValue),
                "initial_seconds": JSONValue(number: definition.retry.initial.seconds),
                "max_seconds": JSONValue(number: definition.retry.max.seconds),
            ],
            "dedup": definition.dedup.map(dedup) ?? .null,
            "rate_limit": definition.rateLimit.map(rateLimit) ?? .null,
            "schedules": .array(definition.schedules.map { schedule($0, task: definition.name, now: now) }),
            "http": definition.alias.map { ["path": .string($0.path), "method": .string($0.method)] } ?? .null,
            "stages": definition.stages.isEmpty ? .null : .array(definition.stages.map(stage)),
            "files": .array(definition.files.map(file)),
            "input_schema": definition.input.jsonSchema(),
            "output_schema": definition.output.jsonSchema(),
            "links": ["submit": .string("/v1/tasks/\(definition.name)")],
        ]
    }

    private static func rateLimit(_ policy: RateLimitPolicy) -> JSONValue {
        [
            "key": .string(policy.key), "per_second": JSONValue(number: policy.perSecond),
            "burst": .integer(policy.burst),
        ]
    }

    private static func file(_ file: FileInput) -> JSONValue {
        [
            "name": .string(file.name),
            "required": .bool(file.required),
            "max_size": file.maxSize.map { .integer(Int($0)) } ?? .null,
            "media_types": .array(file.mediaTypes.map(JSONValue.string)),
            "description": file.description.map(JSONValue.string) ?? .null,
        ]
    }

    private static func stage(_ stage: Stage) -> JSONValue {
        [
            "name": .string(stage.name),
            "queue": .string(stage.queue),
            "weight": .integer(stage.weight),
            "timeout_seconds": JSONValue(number: stage.timeout.seconds),
        ]
    }

    private static func dedup(_ policy: DedupPolicy) -> JSONValue {
        [
            "key": .array(policy.keyFields.map(JSONValue.string)),
            "reuse_result_for_seconds": JSONValue(number: policy.reuseResultFor.seconds),
        ]
    }

    private static func schedule(_ schedule: Schedule, task: String, now: Date) -> JSONValue {
        [
            "id": .string(schedule.id(task: task)),
            "cron": .string(schedule.cron.source),
            "timezone": .string(schedule.timeZone),
            "catch_up": .string(schedule.catchUp.rawValue),
            "input": schedule.input,
            "next_run": schedule.nextFire(after: now).map(JobResource.timestamp) ?? .null,
        ]
    }
}
