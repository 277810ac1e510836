import Foundation
import SQLiteNIO
import TaskRuntime

/// Searchable input fields: the catalog's `search:` lists in `search_fields`, and the index the
/// insert trigger keeps of them in `job_search` (migration 17).
extension SQLiteJobStore {
    /// One transaction: the tasks' old fields that are no longer declared go, the new ones come.
    public func declareSearchFields(_ fieldsByTask: [String: [String]]) async throws {
        guard !fieldsByTask.isEmpty else { return }
        try await transactions.run { connection in
            for (task, fields) in fieldsByTask.sorted(by: { $0.key < $1.key }) {
                _ = try await connection.query("DELETE FROM search_fields WHERE task = ?", [.text(task)])
                for field in fields {
                    _ = try await connection.query(
                        "INSERT INTO search_fields (task, field) VALUES (?, ?)", [.text(task), .text(field)])
                }
            }
        }
    }

    /// The condition on `jobs` that `filter` matches, as a lookup in `job_search`; a text longer than
    /// the index holds is also compared whole with the input.
    static func searchCondition(_ filter: JobInputFilter, binds: inout [SQLiteData]) -> String {
        var lookup = "field = ?"
        var lookupBinds: [SQLiteData] = [.text(filter.field)]
        var whole = ""
        var wholeBinds: [SQLiteData] = []
        switch filter.match {
        case .present:
            break
        case .range(let lower, let upper):
            if let lower {
                lookup += " AND number_value >= ?"
                lookupBinds.append(.float(lower))
            }
            if let upper {
                lookup += " AND number_value <= ?"
                lookupBinds.append(.float(upper))
            }
        case .equals(let text, let number):
            lookup += " AND text_value = ?"
            lookupBinds.append(.text(JobInputFilter.indexedText(text)))
            if JobInputFilter.isTruncated(text) {
                whole = " AND json_extract(input, '$.\"' || ? || '\"') = ?"
                wholeBinds = [.text(filter.field), .text(text)]
            } else if let number {
                lookup = "field = ? AND (text_value = ? OR number_value = ?)"
                lookupBinds.append(.float(number))
            }
        }
        binds += lookupBinds + wholeBinds
        return "seq IN (SELECT job_seq FROM job_search WHERE \(lookup))\(whole)"
    }
}
