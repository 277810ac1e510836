import Foundation
import PostgresNIO
import TaskRuntime

/// Searchable input fields: the catalog's `search:` lists in `search_fields`, and the index the
/// insert trigger keeps of them in `job_search` (migration 17).
extension PostgresJobStore {
    /// One statement: the tasks' old fields that are no longer declared go, the new ones come.
    public func declareSearchFields(_ fieldsByTask: [String: [String]]) async throws {
        guard !fieldsByTask.isEmpty else { return }
        let pairs = fieldsByTask.sorted { $0.key < $1.key }.flatMap { task, fields in fields.map { (task, $0) } }
        _ = try await rows(
            """
            WITH declared (task, field) AS (SELECT * FROM unnest(\(pairs.map(\.0))::text[], \(pairs.map(\.1))::text[])),
            dropped AS (
                DELETE FROM search_fields
                WHERE task = ANY(\(Array(fieldsByTask.keys))::text[]) AND (task, field) NOT IN (SELECT task, field FROM declared)
            )
            INSERT INTO search_fields (task, field) SELECT task, field FROM declared ON CONFLICT DO NOTHING
            """)
    }

    /// The condition on `jobs` that `filter` matches, as a lookup in `job_search`; a text longer than
    /// the index holds is also compared whole with the input.
    static func searchCondition(_ filter: JobInputFilter, binds: inout PostgresBindings) -> String {
        binds.append(filter.field)
        let field = "$\(binds.count)"
        var lookup = "field = \(field)"
        var whole = ""
        switch filter.match {
        case .present:
            break
        case .range(let lower, let upper):
            if let lower {
                binds.append(lower)
                lookup += " AND number_value >= $\(binds.count)"
            }
            if let upper {
                binds.append(upper)
                lookup += " AND number_value <= $\(binds.count)"
            }
        case .equals(let text, let number):
            binds.append(JobInputFilter.indexedText(text))
            let indexed = "text_value = $\(binds.count)"
            if JobInputFilter.isTruncated(text) {
                lookup += " AND \(indexed)"
                binds.append(text)
                whole = " AND input ->> \(field) = $\(binds.count)"
            } else if let number {
                binds.append(number)
                lookup += " AND (\(indexed) OR number_value = $\(binds.count))"
            } else {
                lookup += " AND \(indexed)"
            }
        }
        return "seq IN (SELECT job_seq FROM job_search WHERE \(lookup))\(whole)"
    }
}
