import Foundation

/// A file a job needs before it may start: `files: {pre: {required: true, max_size: 2GiB, media_types: [image/tiff]}}`.
///
/// A job of a task with file inputs is created `waiting`; each file is uploaded with tus to the job's
/// upload URL for it, and the job becomes `pending` once every required file is complete. The handler
/// reads each file as a local URL (`job.files.pre`). Files are part of the task's contract: adding a
/// required file, or narrowing `max_size` or `media_types`, breaks old clients.
public struct FileInput: Sendable, Hashable {
    /// Lower snake_case, unique within the task: the `job.files` property, the CLI flag and the upload's `file` metadata.
    public var name: String
    /// Whether the job waits for it; an optional file that was not uploaded is `nil` in the handler.
    public var required: Bool
    /// The largest upload accepted, in bytes; `nil` leaves only the server's artifact size limit.
    public var maxSize: Int64?
    /// The media types accepted, as declared (`image/tiff`); empty accepts any. Checked against the
    /// upload's `filetype` (or `content_type`) metadata when the client sends one.
    public var mediaTypes: [String]
    public var description: String?
    /// Where the file's name was written.
    public var location: SourceLocation

    public init(
        name: String, required: Bool = true, maxSize: Int64? = nil, mediaTypes: [String] = [],
        description: String? = nil,
        location: SourceLocation
    ) {
        self.name = name
        self.required = required
        self.maxSize = maxSize
        self.mediaTypes = mediaTypes
        self.description = description
        self.location = location
    }

    /// The Swift property name in the generated `Files` type: `dem_pre` -> `demPre`.
    public var propertyName: String { Naming.lowerCamelCase(name) }

    /// Whether an upload declaring `mediaType` (parameters ignored, case-insensitive) is accepted.
    public func accepts(mediaType: String) -> Bool {
        guard !mediaTypes.isEmpty else { return true }
        let bare =
            mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return mediaTypes.contains { $0.lowercased() == bare }
    }
}
