/// A dataset a job reads, as it was when the job was submitted: the job's input lineage.
public struct JobDatasetBody: APIBody, APIComponent, Hashable {
    public static let componentName = "JobDataset"
    public static let componentDescription = "A dataset a job reads, as it was when the job was submitted."

    public var id: String
    public var name: String
    public var size: Int
    public var sha256: String
    public var link: String

    public init(id: String, name: String, size: Int, sha256: String, link: String) {
        self.id = id
        self.name = name
        self.size = size
        self.sha256 = sha256
        self.link = link
    }

    public enum CodingKeys: String, APIBodyKey {
        case id, name, size, sha256, link

        public var documentation: FieldDocumentation {
            switch self {
            case .id: FieldDocumentation("The dataset's id.", keywords: ["format": "uuid"])
            case .name: .undescribed
            case .size: FieldDocumentation(keywords: ["minimum": 0])
            case .sha256: FieldDocumentation(keywords: ["pattern": "^[0-9a-f]{64}$"])
            case .link: "`GET` the dataset (`404` once deleted)."
            }
        }
    }
}
