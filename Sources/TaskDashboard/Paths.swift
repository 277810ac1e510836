import Foundation
import Hummingbird

/// The dashboard's URLs as the browser reaches them, under the configured base path. Every link,
/// form action and asset reference is made here, so `--ui-base-path` cannot be missed anywhere.
struct Paths: Sendable {
    /// `/ui`, or `<base>/ui` behind a proxy.
    let root: String

    init(basePath: String) {
        root = basePath + "/ui"
    }

    func asset(_ name: String) -> String { "\(root)/assets/\(name)" }
    var signIn: String { "\(root)/sign-in" }
    var signOut: String { "\(root)/sign-out" }
    var jobsRoot: String { "\(root)/jobs" }
    func job(_ id: UUID) -> String { "\(root)/jobs/\(id.lowercasedString)" }
    func artifact(_ id: UUID) -> String { "\(root)/artifacts/\(id.lowercasedString)" }
    var workers: String { "\(root)/workers" }
    var schedules: String { "\(root)/schedules" }
    var tasks: String { "\(root)/tasks" }
    func task(_ name: String) -> String { "\(root)/tasks#task-\(name)" }
    func action(_ name: String) -> String { "\(root)/actions/\(name)" }
    /// The live stream of the page at `view` (a path and query under ``root``).
    func live(_ view: String) -> String { "\(root)/live?view=\(Self.encode(view))" }

    /// The page `request` asked for, as the browser reached it (under the base path).
    func browserPath(of request: Request) -> String {
        root + request.uri.path.dropFirst("/ui".count) + (request.uri.query.map { "?" + $0 } ?? "")
    }

    /// `target` if it is a dashboard page, else the overview: a form's `next` or `back` field can
    /// never send the browser to another site.
    func pageOrOverview(_ target: String?) -> String {
        guard let target, target == root || target.hasPrefix(root + "/") || target.hasPrefix(root + "?"),
            !target.contains("//"), !target.contains("\\")
        else { return root }
        return target
    }

    /// `path` with `parameters` as its query (empty values left out), percent-encoded.
    static func with(_ path: String, _ parameters: [(String, String?)]) -> String {
        let pairs = parameters.compactMap { name, value in value.flatMap { $0.isEmpty ? nil : "\(name)=\(encode($0))" }
        }
        return pairs.isEmpty ? path : path + "?" + pairs.joined(separator: "&")
    }

    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? ""
    }
}

extension CharacterSet {
    /// Unreserved characters (RFC 3986): everything else in a query value is percent-encoded.
    static let urlQueryValueAllowed = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
