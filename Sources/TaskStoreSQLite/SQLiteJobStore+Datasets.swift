import Foundation
import SQLiteNIO
import TaskRuntime

extension SQLiteJobStore {
    public func recordDataset(_ dataset: Dataset) async throws {
        try await transactions.run { connection in
            try await Self.insertArtifact(dataset.artifact, on: connection)
            _ = try await connection.query(
                "INSERT INTO datasets (id, owner, format, row_count, profile, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    .text(dataset.id.lowercasedString), dataset.owner.map { .text($0) } ?? .null, .text(dataset.format),
                    .integer(dataset.rowCount), .text(dataset.profile.canonicalString()),
                    .integer(Int(dataset.artifact.createdAt.microseconds)),
                ])
        }
    }

    public func dataset(id: UUID) async throws -> Dataset? {
        try await connection.query("\(Self.datasetSelect) WHERE d.id = ?", [.text(id.lowercasedString)])
            .first.map(Dataset.init(row:))
    }

    public func datasets(matching query: DatasetQuery) async throws -> DatasetPage {
        var conditions: [String] = []
        var binds: [SQLiteData] = []
        if let owner = query.owner {
            conditions.append("d.owner = ?")
            binds.append(.text(owner))
        }
        if let before = query.before {
            conditions.append("d.seq < ?")
            binds.append(.integer(Int(before)))
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        binds.append(.integer(query.limit + 1))
        let rows = try await connection.query("\(Self.datasetSelect) \(filter) ORDER BY d.seq DESC LIMIT ?", binds)
        let page = Array(rows.prefix(query.limit))
        let next = rows.count > query.limit ? page.last?.column("dataset_seq")?.integer.map(Int64.init) : nil
        return DatasetPage(datasets: try page.map(Dataset.init(row:)), nextBefore: next)
    }

    public func datasets(readBy jobID: UUID) async throws -> [JobDataset] {
        try await connection.query(
            "SELECT * FROM job_datasets WHERE job_id = ? ORDER BY position", [.text(jobID.lowercasedString)]
        ).map { try JobDataset(row: $0) }
    }

    public func deleteDataset(id: UUID) async throws -> DatasetDeletion {
        let key = id.lowercasedString
        return try await transactions.run { connection in
            guard
                let dataset = try await connection.query("\(Self.datasetSelect) WHERE d.id = ?", [.text(key)])
                    .first.map(Dataset.init(row:))
            else { return .notFound }
            let readers = try await connection.query(
                """
                SELECT j.id FROM job_datasets r JOIN jobs j ON j.id = r.job_id
                WHERE r.dataset_id = ? AND j.state IN ('waiting', 'pending', 'running') ORDER BY j.seq LIMIT 10
                """, [.text(key)]
            ).compactMap { $0.column("id")?.string.flatMap(UUID.init(uuidString:)) }
            guard readers.isEmpty else { return .inUse(dataset, jobs: readers) }
            _ = try await connection.query("DELETE FROM datasets WHERE id = ?", [.text(key)])
            _ = try await connection.query("DELETE FROM artifacts WHERE id = ?", [.text(key)])
            return .deleted(dataset)
        }
    }

    /// Inserts the dataset links of `jobs`, in a transaction that also inserts the jobs. Throws
    /// ``DatasetNotFound`` for a dataset that does not exist (the transaction then rolls back).
    static func insertDatasetLinks(of jobs: [NewJob], on connection: SQLiteConnection) async throws {
        let ids = Set(jobs.flatMap(\.datasets))
        guard !ids.isEmpty else { return }
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        let found = try await connection.query(
            "SELECT id, name, sha256, size FROM artifacts WHERE id IN (\(placeholders)) AND id IN (SELECT id FROM datasets)",
            ids.map { .text($0.lowercasedString) })
        var known: [UUID: JobDataset] = [:]
        for row in found {
            let lineage = try JobDataset(row: row, idColumn: "id")
            known[lineage.id] = lineage
        }
        for job in jobs {
            for (position, id) in job.datasets.enumerated() {
                guard let lineage = known[id] else { throw DatasetNotFound(id: id) }
                _ = try await connection.query(
                    """
                    INSERT OR IGNORE INTO job_datasets (job_id, position, dataset_id, name, sha256, size)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .text(job.id.lowercasedString), .integer(position), .text(id.lowercasedString),
                        .text(lineage.name),
                        .text(lineage.sha256), .integer(Int(lineage.size)),
                    ])
            }
        }
    }

    private static let datasetSelect = """
        SELECT a.*, d.seq AS dataset_seq, d.owner AS owner, d.format AS format, d.row_count AS row_count, d.profile AS profile
        FROM datasets d JOIN artifacts a ON a.id = d.id
        """
}

extension Dataset {
    init(row: SQLiteRow) throws {
        self.init(
            artifact: try Artifact(row: row), owner: row.optional("owner", \.string),
            format: try row.required("format", \.string), rowCount: try row.required("row_count", \.integer),
            profile: try row.json("profile") ?? .null)
    }
}

extension JobDataset {
    init(row: SQLiteRow, idColumn: String = "dataset_id") throws {
        guard let id = UUID(uuidString: try row.required(idColumn, \.string)) else {
            throw MalformedRow(column: idColumn)
        }
        self.init(
            id: id, name: try row.required("name", \.string), sha256: try row.required("sha256", \.string),
            size: Int64(try row.required("size", \.integer)))
    }
}
