import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TaskRuntime

/// Submissions carrying an `Idempotency-Key` header (draft-ietf-httpapi-idempotency-key-header):
/// the first request with a key enqueues and its answer is stored; a repetition with the same request
/// gets that answer again (with `Idempotent-Replayed: true`) and enqueues nothing; a different request
/// with the key is refused with `422 idempotency_key_reused`; a repetition while the first is still
/// being processed gets `409 idempotency_key_in_progress` with `Retry-After`.
///
/// Keys are scoped to the submitting principal and live for ``lifetime``. Requests refused before
/// anything was stored (invalid input, say) do not use up their key.
struct IdempotentSubmission {
    static let header = HTTPField.Name("Idempotency-Key")!
    static let replayedHeader = HTTPField.Name("Idempotent-Replayed")!
    /// How long a key is remembered.
    static let lifetime: Duration = .seconds(24 * 3600)
    /// A claimed key whose request never inserted its job is free again after this long.
    static let abandonedAfter: Duration = .seconds(30)
    /// Keys are opaque strings of at most this many printable ASCII characters.
    static let maxKeyLength = 255

    let store: any JobStore
    let catalog: TaskCatalog

    /// The request's key, `nil` without the header; `400 invalid_idempotency_key` when malformed.
    static func key(in headers: HTTPFields) throws -> String? {
        guard let key = headers[header] else { return nil }
        guard !key.isEmpty, key.count <= maxKeyLength,
            key.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) })
        else {
            throw Problem(
                .badRequest, .invalidIdempotencyKey,
                "the Idempotency-Key header must be 1 to \(maxKeyLength) printable ASCII characters without spaces")
        }
        return key
    }

    /// Answers `job`'s submission once per `key`: enqueues it with `enqueue` when the key is new,
    /// replays the stored answer when the same request comes again.
    func respond(
        key: String, principal: String, requestHash: String, job: NewJob,
        enqueue: (NewJob) async throws -> SubmitAnswer
    ) async throws -> Response {
        let claim = IdempotencyClaim(
            principal: principal, key: key, requestHash: requestHash, jobID: job.id,
            expiresAt: Date().addingTimeInterval(Self.lifetime.seconds))
        if let held = try await store.claimIdempotencyKey(claim, abandonedAfter: Self.abandonedAfter) {
            return try await replay(held, requestHash: requestHash)
        }
        let answer: SubmitAnswer
        do {
            answer = try await enqueue(job)
        } catch {
            try? await store.releaseIdempotencyKey(principal: principal, key: key, jobID: job.id)
            throw error
        }
        // Should this write fail, the job exists: repetitions find it by the claimed id and replay it.
        try await store.recordIdempotentResponse(
            principal: principal, key: key,
            response: StoredResponse(status: answer.status.code, body: answer.body.canonicalString()))
        return answer.response
    }

    private func replay(_ held: IdempotencyRecord, requestHash: String) async throws -> Response {
        guard held.requestHash == requestHash else {
            throw Problem(
                .unprocessableContent, .idempotencyKeyReused,
                "this Idempotency-Key was used for a different request; use a new key for a new request",
                extensions: ["job_id": .string(held.jobID.lowercasedString)])
        }
        var headers = SubmitAnswer.location(of: held.jobID)
        headers[Self.replayedHeader] = "true"
        if let stored = held.response {
            headers[.contentType] = "application/json"
            return Response(
                status: HTTPResponse.Status(code: stored.status), headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(string: stored.body)))
        }
        // The first request inserted its job but died before storing its answer.
        if let job = try await store.job(id: held.jobID) {
            return Response.json(JobResource.json(job, catalog), status: .accepted, headers: headers)
        }
        throw Problem(
            .conflict, .idempotencyKeyInProgress,
            "a request with this Idempotency-Key is still being processed; retry shortly",
            headers: [.retryAfter: "1"])
    }
}
