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

extension PostgresClient {
    /// Runs a prepared statement and collects its rows; a failure is a ``PostgresStoreError``. A call
    /// whose text is not its template's (a statement changed to vary its text) runs unprepared, so a
    /// prepared name never stands for two texts; `PreparedStatementTests` keeps the texts fixed.
    @discardableResult
    func rows<Statement: FixedTextStatement>(_ statement: Statement, logger: Logger) async throws -> [PostgresRow] {
        guard statement.query.sql == Statement.sql else { return try await rows(statement.query, logger: logger) }
        do {
            var rows: [PostgresRow] = []
            for try await row in try await execute(statement, logger: logger) { rows.append(row) }
            return rows
        } catch let error as PSQLError {
            throw PostgresStoreError(error)
        }
    }
}

extension PostgresConnection {
    /// ``PostgresClient/rows(_:logger:)-(FixedTextStatement,_)`` on a connection of a transaction.
    func rows<Statement: FixedTextStatement>(_ statement: Statement, logger: Logger) async throws -> [PostgresRow] {
        guard statement.query.sql == Statement.sql else {
            return try await query(statement.query, logger: logger).collect()
        }
        var rows: [PostgresRow] = []
        for try await row in try await execute(statement, logger: logger) { rows.append(row) }
        return rows
    }
}
