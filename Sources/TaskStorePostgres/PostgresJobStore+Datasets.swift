import Foundation
import Logging
import PostgresNIO
import TaskRuntime

extension PostgresJobStore {
    public func recordDataset(_ dataset: Dataset) async throws {
        let artifact = dataset.artifact
        let producer = artifact.producer
        try await rows(
            """
            WITH stored AS (
                INSERT INTO artifacts (id, job_id, attempt, task, task_version, stage, name, content_type, size, sha256,
                    storage_key, created_at)
                VALUES (\(artifact.id), \(producer?.jobID), \(producer?.attempt), \(producer?.task),
                    \(producer?.taskVersion), \(producer?.stage), \(artifact.name), \(artifact.contentType),
                    \(artifact.size), \(artifact.sha256), \(artifact.storageKey), \(artifact.createdAt)))
            INSERT INTO datasets (id, owner, format, row_count, profile, created_at)
            VALUES (\(dataset.id), \(dataset.owner), \(dataset.format), \(dataset.rowCount),
                \(dataset.profile.canonicalString())::jsonb, \(artifact.createdAt))
            """)
    }

    public func dataset(id: UUID) async throws -> Dataset? {
        try await rows("\(unescaped: Self.datasetSelect) WHERE d.id = \(id)").first.map(Dataset.init(row:))
    }

    public func datasets(matching query: DatasetQuery) async throws -> DatasetPage {
        let rows = try await rows(
            """
            \(unescaped: Self.datasetSelect)
            WHERE (\(query.owner)::text IS NULL OR d.owner = \(query.owner))
                AND (\(query.before)::int8 IS NULL OR d.seq < \(query.before))
            ORDER BY d.seq DESC LIMIT \(query.limit + 1)
            """)
        let page = Array(rows.prefix(query.limit))
        let next =
            rows.count > query.limit ? try page.last.map { try $0.makeRandomAccess()[16].decode(Int64.self) } : nil
        return DatasetPage(datasets: try page.map(Dataset.init(row:)), nextBefore: next)
    }

    public func datasets(readBy jobID: UUID) async throws -> [JobDataset] {
        try await rows(
            "SELECT dataset_id, name, sha256, size FROM job_datasets WHERE job_id = \(jobID) ORDER BY position"
        ).map { row in
            let (id, name, sha256, size) = try row.decode((UUID, String, String, Int64).self)
            return JobDataset(id: id, name: name, sha256: sha256, size: size)
        }
    }

    public func deleteDataset(id: UUID) async throws -> DatasetDeletion {
        try await transaction { connection, logger in
            // The row lock orders this deletion against submissions holding the dataset (FOR SHARE).
            let locked = try await connection.query(
                "SELECT id FROM datasets WHERE id = \(id) FOR UPDATE", logger: logger
            ).collect()
            guard !locked.isEmpty,
                let dataset = try await connection.query(
                    "\(unescaped: Self.datasetSelect) WHERE d.id = \(id)", logger: logger
                ).collect().first.map(Dataset.init(row:))
            else { return .notFound }
            let readers = try await connection.query(
                """
                SELECT j.id FROM job_datasets r JOIN jobs j ON j.id = r.job_id
                WHERE r.dataset_id = \(id) AND j.state IN ('waiting', 'pending', 'running') ORDER BY j.seq LIMIT 10
                """, logger: logger
            ).collect().map { try $0.decode(UUID.self) }
            guard readers.isEmpty else { return .inUse(dataset, jobs: readers) }
            try await connection.query(
                """
                WITH gone AS (DELETE FROM datasets WHERE id = \(id))
                DELETE FROM artifacts WHERE id = \(id)
                """, logger: logger)
            return .deleted(dataset)
        }
    }

    /// Inserts the dataset links of `jobs` inside the transaction that inserts them, holding each
    /// dataset's row (FOR SHARE) until it commits. Throws ``DatasetNotFound`` for a dataset that
    /// does not exist (the transaction then rolls back).
    static func insertDatasetLinks(of jobs: [NewJob], on connection: PostgresConnection, logger: Logger) async throws {
        let ids = Array(Set(jobs.flatMap(\.datasets)))
        let found = try await connection.query(
            """
            SELECT a.id, a.name, a.sha256, a.size FROM datasets d JOIN artifacts a ON a.id = d.id
            WHERE d.id = ANY(\(ids)::uuid[]) FOR SHARE OF d
            """, logger: logger
        ).collect()
        var known: [UUID: JobDataset] = [:]
        for row in found {
            let (id, name, sha256, size) = try row.decode((UUID, String, String, Int64).self)
            known[id] = JobDataset(id: id, name: name, sha256: sha256, size: size)
        }
        var links: [(job: UUID, position: Int, dataset: JobDataset)] = []
        for job in jobs {
            for (position, id) in job.datasets.enumerated() {
                guard let dataset = known[id] else { throw DatasetNotFound(id: id) }
                links.append((job.id, position, dataset))
            }
        }
        try await connection.query(
            """
            INSERT INTO job_datasets (job_id, position, dataset_id, name, sha256, size)
            SELECT * FROM unnest(
                \(links.map(\.job))::uuid[], \(links.map(\.position))::int4[], \(links.map(\.dataset.id))::uuid[],
                \(links.map(\.dataset.name))::text[], \(links.map(\.dataset.sha256))::text[],
                \(links.map(\.dataset.size))::int8[])
            ON CONFLICT DO NOTHING
            """, logger: logger)
    }

    /// The artifact's columns, then the dataset's, then its position in the order.
    private static let datasetSelect = """
        SELECT \(Artifact.columns.split(separator: ", ").map { "a.\($0)" }.joined(separator: ", ")),
            d.owner, d.format, d.row_count, d.profile::text, d.seq
        FROM datasets d JOIN artifacts a ON a.id = d.id
        """
}

extension Dataset {
    /// A row of `datasetSelect`.
    init(row: PostgresRow) throws {
        let c = row.makeRandomAccess()
        let jobID = try c[1].decode(UUID?.self)
        let attempt = try c[2].decode(Int?.self)
        let task = try c[3].decode(String?.self)
        let taskVersion = try c[4].decode(Int?.self)
        let producer: ArtifactProducer? =
            if let jobID, let attempt, let task, let taskVersion {
                ArtifactProducer(
                    jobID: jobID, attempt: attempt, task: task, taskVersion: taskVersion,
                    stage: try c[5].decode(String?.self))
            } else {
                nil
            }
        let artifact = Artifact(
            id: try c[0].decode(UUID.self), name: try c[6].decode(String.self),
            contentType: try c[7].decode(String.self),
            size: try c[8].decode(Int64.self), sha256: try c[9].decode(String.self),
            storageKey: try c[10].decode(String.self),
            createdAt: try c[11].decode(Date.self), producer: producer)
        self.init(
            artifact: artifact, owner: try c[12].decode(String?.self), format: try c[13].decode(String.self),
            rowCount: Int(try c[14].decode(Int64.self)),
            profile: try JSONValue(json: Data(try c[15].decode(String.self).utf8)))
    }
}
