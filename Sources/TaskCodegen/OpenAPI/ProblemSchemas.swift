import TaskAPIModel
import TaskSchema

/// The component schemas of `application/problem+json` errors (RFC 9457), as `TaskServer`'s
/// `Problem` renders them: `Problem`, and the variants that promise an extension member.
enum ProblemSchemas {
    static let all: [String: JSONValue] = [
        "Problem": problem,
        "Violation": JSONSchema.closedObject([
            "pointer": JSONSchema.scalar(.string).described(
                "The JSON pointer of the failing value (`\"\"` is the whole input)."),
            "code": JSONSchema.scalar(.string).described("The JSON Schema keyword that failed, in snake_case."),
            "message": JSONSchema.scalar(.string),
        ]).described("One way the input breaks the task's schema."),
        "ValidationProblem": JSONValue.object([
            "allOf": [JSONSchema.ref("Problem")],
            "required": ["violations"],
        ]).described("A problem that lists every violation of the input's schema."),
        "SubmitProblem": JSONValue.object([
            "anyOf": [JSONSchema.ref("ValidationProblem"), JSONSchema.ref("Problem")]
        ]).described(
            "`invalid_input` or `task_rejected_invalid_params` with its violations, or `idempotency_key_reused`."),
        "JobStateProblem": JSONValue.object([
            "allOf": [JSONSchema.ref("Problem")],
            "required": ["job"],
        ]).described("A problem about a job whose state forbids the request; `job` holds it."),
        "DatasetProblem": JSONValue.object([
            "allOf": [JSONSchema.ref("Problem")],
            "required": ["dataset_code", "reason"],
            "properties": [
                "dataset_code": JSONSchema.scalar(.string).described(
                    "Why the file cannot be read: `empty_file`, `header_only`, `ragged_row`, `unterminated_quote`, "
                        + "`invalid_utf8`, `line_too_long`, `duplicate_column`, `nested_value`, `invalid_json` or "
                        + "`invalid_compression`."),
                "line": JSONSchema.scalar(.integer).adding(["minimum": 1]).described(
                    "The 1-based line where it starts."),
                "reason": JSONSchema.scalar(.string).described("What is wrong there, for people."),
            ],
        ]).described("A dataset that cannot be read, with where and why."),
    ]

    private static let problem = JSONValue.object([
        "type": "object",
        "required": ["type", "title", "status", "code", "detail"],
        "properties": [
            "type": JSONSchema.scalar(.string).described("`urn:taskforge:error:<code>`."),
            "title": JSONSchema.scalar(.string).described("The HTTP status's reason phrase."),
            "status": JSONSchema.scalar(.integer).adding(["minimum": 400, "maximum": 599]),
            "code": JSONSchema.scalar(.string).adding(["pattern": "^[a-z][a-z0-9_]*$"])
                .described("A stable, snake_case error code (docs/errors.md)."),
            "detail": JSONSchema.scalar(.string).described("What went wrong, for people."),
            "instance": JSONSchema.scalar(.string).described("The request's path."),
            "request_id": JSONSchema.scalar(.string).described(
                "The request's id, as in the `X-Request-Id` header and the log."),
            "violations": JSONSchema.array(of: JSONSchema.ref("Violation")).described("With `invalid_input`."),
            "parameter": JSONSchema.scalar(.string).described(
                "With `invalid_parameter`: the query parameter at fault."),
            "job": JSONSchema.ref("Job").described("With `job_finished`: the job as it is."),
            "job_id": JSONSchema.scalar(.string).adding(["format": "uuid"])
                .described("With `idempotency_key_reused`: the job of the request that used the key first."),
        ],
    ]).described("An error (RFC 9457). More members may be added; clients ignore the ones they do not know.")
}
