import Foundation
import Hummingbird
import NIOCore
import TaskServer

/// The dashboard's stylesheet and script, shipped as resources of this target and read once.
enum Assets {
    private static let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"]

    private static let files: [String: ByteBuffer] = {
        var files: [String: ByteBuffer] = [:]
        for name in ["dashboard.css", "dashboard.js"] {
            guard let url = Bundle.module.url(forResource: name, withExtension: nil),
                let data = try? Data(contentsOf: url)
            else { continue }
            files[name] = ByteBuffer(data: data)
        }
        return files
    }()

    static func response(for name: String) throws -> Response {
        guard let body = files[name], let type = types[String(name.split(separator: ".").last ?? "")] else {
            throw Problem(.notFound, .routeNotFound, "no dashboard asset named '\(name)'")
        }
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=300"],
            body: ResponseBody(byteBuffer: body))
    }
}
