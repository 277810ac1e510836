import TaskRuntime

/// A web search provider the `search` task can ask (`sources`), such as ``BraveSearchProvider``.
///
/// Implementations throw ``TaskError``: transient for failures a later attempt may not meet (rate
/// limits, server errors, unreachable or slow providers; with ``TaskError/retryAfter`` when the
/// provider says how long to wait), permanent for the rest (refused credentials or parameters, a
/// body that is not what the provider documents).
public protocol SearchProvider: Sendable {
    /// The name a submission's `sources` uses for it: `brave`.
    var source: String { get }

    /// One page of results for `request`, in the provider's order.
    func search(_ request: SearchRequest) async throws -> SearchPage
}
