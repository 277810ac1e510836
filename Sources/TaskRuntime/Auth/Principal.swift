/// Who makes a request: the holder of an API token, or everyone when authentication is off.
public struct Principal: Sendable, Hashable {
    /// The token's id, recorded as the owner of the jobs it submits; `nil` when authentication is off.
    public let tokenID: String?
    public let scopes: Set<TokenScope>
    /// The tasks its `submit` scope is limited to; `nil` for every task.
    public let tasks: [String]?

    /// Every request when authentication is off (no tokens, loopback bind): may do everything.
    public static let local = Principal(tokenID: nil, scopes: [.admin], tasks: nil)

    public init(token: APIToken) {
        self.init(tokenID: token.id, scopes: token.scopes, tasks: token.tasks)
    }

    private init(tokenID: String?, scopes: Set<TokenScope>, tasks: [String]?) {
        self.tokenID = tokenID
        self.scopes = scopes
        self.tasks = tasks
    }

    /// Whether it holds `scope`, directly or through `admin`.
    public func has(_ scope: TokenScope) -> Bool {
        scopes.contains(.admin) || scopes.contains(scope)
    }

    /// Whether it may submit jobs of `task`.
    public func maySubmit(task: String) -> Bool {
        scopes.contains(.admin) || (scopes.contains(.submit) && (tasks?.contains(task) ?? true))
    }

    /// Whether `job` is visible to it: its own, or any job for `admin`.
    public func owns(_ job: Job) -> Bool {
        scopes.contains(.admin) || job.owner == tokenID
    }

    /// The owner to filter job listings by; `nil` (every job) for `admin`.
    public var ownerFilter: String? {
        scopes.contains(.admin) ? nil : tokenID
    }

    /// The scope of its `Idempotency-Key`s: a key is one principal's.
    public var idempotencyScope: String { tokenID ?? "anonymous" }
}
