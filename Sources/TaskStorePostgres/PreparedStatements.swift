import Logging
import PostgresNIO
import TaskRuntime

/// A statement of the hot path whose text is the same on every call (every value is bound, lists
/// as arrays), run as a named prepared statement: PostgreSQL parses it once per connection and,
/// once its plan no longer depends on the values, plans it once too. Planning the claim's CTEs
/// took about as long as running them for a batch of jobs.
///
/// Rows are returned by explicit column lists (``Job/columns``), never `*`: a prepared statement
/// must keep its result's shape, so a column added by a later migration must not change it.
protocol FixedTextStatement: PostgresPreparedStatement where Row == PostgresRow {
    /// The statement with placeholder values: its text is the text of every call.
    static var template: PostgresQuery { get }
    /// This call's statement.
    var query: PostgresQuery { get }
}

extension FixedTextStatement {
    static var sql: String { template.sql }
    func makeBindings() -> PostgresBindings { query.binds }
    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}

/// ``PostgresJobStore/claimStatement(_:)``.
struct ClaimStatement: FixedTextStatement {
    static let template = PostgresJobStore.claimStatement(
        ClaimRequest(queues: [], limit: 1, worker: "", leaseDuration: .seconds(1)))
    let query: PostgresQuery
}

/// ``PostgresJobStore/finishStatement(_:)``.
struct FinishStatement: FixedTextStatement {
    static let template = PostgresJobStore.finishStatement([])
    let query: PostgresQuery
}

/// ``PostgresJobStore/insertStatement(_:)``.
struct InsertStatement: FixedTextStatement {
    static let template = PostgresJobStore.insertStatement([])
    let query: PostgresQuery
}

extension FixedTextStatement {
    /// Whether this call's text is its template's. One that is not (a statement changed to vary its
    /// text) runs unprepared, so a prepared name never stands for two texts; `PreparedStatementTests`
    /// keeps the texts fixed. The comparison costs a microsecond beside a round trip to the server.
    var hasTemplateText: Bool { query.sql == Self.sql }
}

extension PostgresClient {
    /// Runs a prepared statement and collects its rows; a failure is a ``PostgresStoreError``.
    @discardableResult
    func rows<Statement: FixedTextStatement>(_ statement: Statement, logger: Logger) async throws -> [PostgresRow] {
        guard statement.hasTemplateText else { return try await rows(statement.query, logger: logger) }
        do {
            return try await execute(statement, logger: logger).collected()
        } catch let error as PSQLError {
            throw PostgresStoreError(error)
        }
    }
}

extension PostgresConnection {
    /// ``PostgresClient/rows(_:logger:)-(FixedTextStatement,_)`` on a connection of a transaction,
    /// whose failures ``PostgresJobStore/transaction(_:)`` describes.
    func rows<Statement: FixedTextStatement>(_ statement: Statement, logger: Logger) async throws -> [PostgresRow] {
        guard statement.hasTemplateText else { return try await query(statement.query, logger: logger).collect() }
        return try await execute(statement, logger: logger).collected()
    }
}

extension AsyncSequence where Element == PostgresRow {
    /// Every row, in order.
    fileprivate func collected() async throws -> [PostgresRow] {
        try await reduce(into: []) { $0.append($1) }
    }
}
