/// Brave's error body: `{"type": "ErrorResponse", "error": {"id", "status", "code", "detail", "meta"}, "time"}`,
/// with codes such as `SUBSCRIPTION_TOKEN_INVALID`, `RATE_LIMITED` and `VALIDATION`.
struct BraveErrorResponse: Decodable {
    struct Detail: Decodable {
        var status: Int?
        var code: String?
        var detail: String?
    }

    var error: Detail
}
