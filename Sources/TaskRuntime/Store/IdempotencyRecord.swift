import Foundation

/// A submission's claim on an `Idempotency-Key`: the first request with a key (per principal)
/// records the hash of what it asked for and the id its job will get, then the response it gave.
public struct IdempotencyClaim: Sendable, Hashable {
    /// Who sent the request; keys of different principals never meet.
    public var principal: String
    public var key: String
    /// A digest of the request (route, options and canonical body): equal requests, equal hashes.
    public var requestHash: String
    /// The id the new job will be inserted with.
    public var jobID: UUID
    /// When the key may be used for another request again.
    public var expiresAt: Date

    public init(principal: String, key: String, requestHash: String, jobID: UUID, expiresAt: Date) {
        self.principal = principal
        self.key = key
        self.requestHash = requestHash
        self.jobID = jobID
        self.expiresAt = expiresAt
    }
}

/// A key some earlier request holds; see ``JobStore/claimIdempotencyKey(_:abandonedAfter:)``.
public struct IdempotencyRecord: Sendable, Hashable {
    public var principal: String
    public var key: String
    public var requestHash: String
    public var jobID: UUID
    /// The response to replay; `nil` while the first request is still in flight (or died in it).
    public var response: StoredResponse?
    public var createdAt: Date
    public var expiresAt: Date

    public init(
        principal: String, key: String, requestHash: String, jobID: UUID, response: StoredResponse?, createdAt: Date,
        expiresAt: Date
    ) {
        self.principal = principal
        self.key = key
        self.requestHash = requestHash
        self.jobID = jobID
        self.response = response
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// The HTTP response a request with an `Idempotency-Key` got, replayed to its repetitions.
public struct StoredResponse: Sendable, Hashable {
    public var status: Int
    /// The JSON body, as sent.
    public var body: String

    public init(status: Int, body: String) {
        self.status = status
        self.body = body
    }
}

/// The jobs that ran under one dedup key, for "has this been processed, when, and by which job".
public struct DedupHistory: Sendable, Hashable {
    /// The newest job with the key, in any state.
    public var latest: Job?
    /// The newest job with the key that succeeded.
    public var latestSucceeded: Job?

    public init(latest: Job?, latestSucceeded: Job?) {
        self.latest = latest
        self.latestSucceeded = latestSucceeded
    }
}

/// An idempotency key was claimed and released (or expired) by other requests again and again while
/// a claim tried to read who held it.
public struct IdempotencyKeyContention: Error, CustomStringConvertible {
    public var key: String

    public init(key: String) {
        self.key = key
    }

    public var description: String { "the idempotency key '\(key)' kept changing hands; try again" }
}
