import Hummingbird
import Logging
import TaskRuntime

/// Turns every error into a problem document: ``Problem``s as they are, the framework's own errors
/// under a stable code (a known path asked with another method is 405 with `Allow`), anything else
/// as a logged 500 that leaks nothing.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteMethods

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let problem: Problem
        do {
            return try await next(request, context)
        } catch let thrown as Problem {
            problem = thrown
        } catch let error as any HTTPResponseError {
            let allowed = error.status == .notFound ? routes.methods(forPath: request.uri.path) : []
            problem =
                allowed.isEmpty
                ? Self.problem(for: error)
                : Problem(
                    .methodNotAllowed, .methodNotAllowed,
                    "\(request.uri.path) does not accept \(request.method.rawValue); it accepts \(allowed.joined(separator: ", "))",
                    headers: [.allow: allowed.joined(separator: ", ")])
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)"])
            problem = Problem(
                .internalServerError, .internalError,
                "an unexpected error occurred; see the server log for request \(context.id)")
        }
        // The access log line of a refused request carries its code (a limit's, for instance).
        (context as? TaskRequestContext)?.record.refusal = problem.code.rawValue
        return problem.response(instance: request.uri.path, requestID: context.id)
    }

    /// Hummingbird's and NIO's own errors (unknown route, too many body bytes) under a stable code.
    private static func problem(for error: any HTTPResponseError) -> Problem {
        let detail = (error as? HTTPError)?.body
        return switch error.status {
        case .notFound:
            Problem(.notFound, .routeNotFound, "no route for this path")
        case .methodNotAllowed:
            Problem(.methodNotAllowed, .methodNotAllowed, "the route does not accept this method")
        case .contentTooLarge:
            Problem(.contentTooLarge, .bodyTooLarge, "the request body is larger than the server accepts")
        case .badRequest:
            Problem(.badRequest, .invalidParameter, detail ?? "the request is malformed")
        default:
            Problem(
                error.status, error.status.code >= 500 ? .internalError : .requestRejected,
                detail ?? error.status.reasonPhrase)
        }
    }
}
