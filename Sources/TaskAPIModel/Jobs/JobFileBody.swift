/// A declared file of a job and how far its upload got.
public struct JobFileBody: APIBody, APIComponent, Hashable {
    public static let componentName = "JobFile"
    public static let componentDescription = "A declared file of a job and how far its upload got."

    /// How far a file got.
    public enum State: String, APIEnum {
        case missing, uploading, complete
    }

    public var name: String
    public var required: Bool
    public var announced: Bool
    public var state: State
    public var maxSize: Int?
    public var mediaTypes: [String]
    public var uploadURL: String?
    public var upload: String?
    public var size: Int?
    public var sha256: String?
    public var artifact: String?

    public init(
        name: String, required: Bool, announced: Bool, state: State, maxSize: Int?, mediaTypes: [String],
        uploadURL: String?, upload: String?, size: Int?, sha256: String?, artifact: String?
    ) {
        self.name = name
        self.required = required
        self.announced = announced
        self.state = state
        self.maxSize = maxSize
        self.mediaTypes = mediaTypes
        self.uploadURL = uploadURL
        self.upload = upload
        self.size = size
        self.sha256 = sha256
        self.artifact = artifact
    }

    public enum CodingKeys: String, APIBodyKey {
        case name, required, announced, state
        case maxSize = "max_size"
        case mediaTypes = "media_types"
        case uploadURL = "upload_url"
        case upload, size, sha256, artifact

        public var documentation: FieldDocumentation {
            switch self {
            case .name, .state: .undescribed
            case .required: "Whether the job waits for it: a required file, or an optional one announced at submit."
            case .announced: "An optional file the client announced at submit (`files=`): the job waits for it too."
            case .maxSize: "The largest upload accepted, in bytes."
            case .mediaTypes: "The media types accepted; empty accepts any."
            case .uploadURL:
                "While the job waits and the file is not complete: the tus creation URL to `POST` the upload to."
            case .upload: "The tus upload under way, if any."
            case .size: "The stored file's size in bytes, once complete."
            case .sha256: "The stored file's hex SHA-256, once complete."
            case .artifact: "`GET` the stored file, once complete."
            }
        }
    }
}
