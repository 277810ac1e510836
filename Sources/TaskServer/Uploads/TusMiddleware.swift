import Hummingbird
import TaskRuntime

/// The tus 1.0.0 envelope of the upload routes: every request but `OPTIONS` must carry
/// `Tus-Resumable: 1.0.0` (`412 tus_version_unsupported` with `Tus-Version` otherwise), and every
/// response, problems included, carries `Tus-Resumable`. Answers to `HEAD` have no body.
struct TusMiddleware: RouterMiddleware {
    typealias Context = TaskRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            if request.method != .options {
                let version = request.headers[TusHeader.resumable]
                guard version == TusHeader.supportedVersion else {
                    let reason =
                        version.map { "Tus-Resumable '\($0)' is not supported" }
                        ?? "the request has no Tus-Resumable header"
                    throw Problem(
                        .preconditionFailed, .tusVersionUnsupported,
                        "\(reason); this server speaks tus \(TusHeader.supportedVersion)",
                        headers: [TusHeader.version: TusHeader.supportedVersion])
                }
            }
            response = try await next(request, context)
        } catch let problem as Problem {
            response = problem.response(instance: request.uri.path, requestID: context.id)
        }
        response.headers[TusHeader.resumable] = TusHeader.supportedVersion
        if request.method == .head {
            response.body = ResponseBody()
        }
        return response
    }
}
