import Hummingbird
import Logging
import TaskRuntime
import TaskServer

/// A refusal as a page: the status, the API's stable code and its message; anything unexpected is
/// logged and shown as `500 internal_error` without its details.
struct ErrorPage {
    let error: any Error
    let paths: Paths
    let requestID: String
    let logger: Logger

    func response() -> Response {
        let (status, code, detail) = describe()
        let page: HTML = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>\(status.reasonPhrase) · Taskforge</title>
            <link rel="stylesheet" href="\(paths.asset("dashboard.css"))"></head>
            <body><main id="main" class="error">
            <h1>\(String(status.code)) \(status.reasonPhrase)</h1>
            <p class="problem"><code>\(code.rawValue)</code> \(detail)</p>
            <p><a href="\(paths.root)">Back to the overview</a> · request <code>\(requestID)</code></p>
            </main></body></html>

            """
        var response = Response.html(page, status: status)
        if status == .unauthorized { response.headers[.cacheControl] = "no-store" }
        return response
    }

    private func describe() -> (HTTPResponse.Status, ErrorCode, String) {
        switch error {
        case let problem as Problem:
            return (problem.status, problem.code, problem.detail)
        case let error as any HTTPResponseError where error.status == .notFound:
            return (.notFound, .routeNotFound, "no page here")
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            return (.contentTooLarge, .bodyTooLarge, "the form is larger than the dashboard accepts")
        case let error as any HTTPResponseError where error.status.code < 500:
            return (error.status, .requestRejected, error.status.reasonPhrase)
        default:
            logger.error("dashboard request failed", metadata: ["error": "\(error)"])
            return (.internalServerError, .internalError, "an unexpected error occurred; see the server log")
        }
    }
}
