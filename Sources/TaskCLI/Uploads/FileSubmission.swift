import Foundation
import TaskRuntime

/// What `taskforge submit` remembers of a submission with files until its uploads complete: the
/// job and each file's upload URL, under a fingerprint of the command (server, task, input and the
/// files' paths, sizes and modification times). Running the same command again resumes the uploads
/// of that job instead of submitting a new one.
struct FileSubmission: Codable {
    var jobID: String
    /// Upload URLs by declared file name, recorded as each upload is created.
    var uploads: [String: String] = [:]

    /// Where the record of the command with `fingerprint` is kept: `$XDG_CACHE_HOME/taskforge/uploads/`
    /// (`~/.cache/taskforge/uploads/` by default).
    static func recordURL(fingerprint: String) -> URL {
        let environment = ProcessInfo.processInfo.environment
        let cache =
            environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return cache.appendingPathComponent("taskforge/uploads/\(fingerprint).json")
    }

    /// The fingerprint of submitting `input` to `task` on `server` with `files` (name: local path).
    static func fingerprint(server: String, task: String, input: String, files: [String: URL]) throws -> String {
        var text = "\(server)\n\(task)\n\(input)\n"
        for (name, url) in files.sorted(by: { $0.key < $1.key }) {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            let size = attributes[.size] as? Int64 ?? Int64(attributes[.size] as? Int ?? 0)
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            text += "\(name)\t\(url.standardizedFileURL.path)\t\(size)\t\(modified)\n"
        }
        return ContentHash.sha256Hex(text)
    }

    static func load(from url: URL) -> FileSubmission? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(FileSubmission.self, from: data)
    }

    func save(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try JSONEncoder().encode(self).write(to: url, options: .atomic)
    }
}
