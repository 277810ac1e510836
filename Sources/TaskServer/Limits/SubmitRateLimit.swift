import Foundation
import HTTPTypes
import Logging
import TaskRuntime

/// `TASKS_PER_MINUTE`: how many jobs one principal may submit a minute, as a token bucket in the
/// job store (so every server of a deployment shares it): `burst` = the limit, refilled at
/// limit / 60 a second. A batch spends one token per job. Refusals are `429 rate_limit_exceeded`.
struct SubmitRateLimit: Sendable {
    let tasksPerMinute: Int
    let store: any JobStore

    static let limitHeader = HTTPField.Name("RateLimit-Limit")!
    static let remainingHeader = HTTPField.Name("RateLimit-Remaining")!
    static let resetHeader = HTTPField.Name("RateLimit-Reset")!

    /// Takes `jobs` tokens from the principal's bucket, or throws the 429 (logged with its code).
    func admit(_ principal: Principal, jobs: Int, logger: Logger) async throws {
        let rule = RateLimitRule(
            key: "principal:" + principal.idempotencyScope, tasks: [], perSecond: Double(tasksPerMinute) / 60,
            burst: tasksPerMinute)
        let spend = try await store.spendRateTokens(jobs, of: rule)
        guard !spend.granted else { return }
        var headers: HTTPFields = [
            Self.limitHeader: "\(tasksPerMinute)",
            Self.remainingHeader: "\(Int(spend.remaining.rounded(.down)))",
            Self.resetHeader: "\(Self.wholeSeconds(rule.timeUntil(Double(rule.burst), from: spend.remaining)))",
        ]
        let detail: String
        if jobs > tasksPerMinute {
            detail =
                "\(jobs) jobs at once exceed the limit of \(tasksPerMinute) a minute (TASKS_PER_MINUTE); send fewer"
        } else {
            let retryAfter = Self.wholeSeconds(rule.timeUntil(Double(jobs), from: spend.remaining))
            headers[.retryAfter] = "\(retryAfter)"
            detail =
                "at most \(tasksPerMinute) jobs a minute may be submitted (TASKS_PER_MINUTE); retry in \(retryAfter) s"
        }
        logger.warning(
            "a limit was exceeded",
            metadata: [
                "code": "\(ErrorCode.rateLimitExceeded)", "limit": "TASKS_PER_MINUTE=\(tasksPerMinute)",
                "principal": "\(principal.idempotencyScope)", "jobs": "\(jobs)",
            ])
        throw Problem(
            .tooManyRequests, .rateLimitExceeded, detail, extensions: ["limit": .integer(tasksPerMinute)],
            headers: headers)
    }

    private static func wholeSeconds(_ duration: Duration) -> Int {
        Int(duration.seconds.rounded(.up))
    }
}
