import ArgumentParser
import Foundation
import TaskRuntime

/// `taskforge token create|list|revoke`: manages API tokens directly in the job store (no server
/// needed, so the first token can be made before any exists).
struct TokenCommand<App: TaskApplication>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "token", abstract: "Create, list and revoke API tokens.",
            subcommands: [TokenCreate<App>.self, TokenList.self, TokenRevoke.self])
    }
}

/// `taskforge token create --name ci --scopes submit,read [--tasks echo,search] [--expires 90d]`.
struct TokenCreate<App: TaskApplication>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "create",
            abstract: "Create an API token and print its secret (to stdout, once; only a hash is kept).")
    }

    @Option(help: "A unique name for the token (letters, digits, '.', '_' and '-').")
    var name: String

    @Option(help: "Comma-separated scopes: submit, read, cancel, admin.")
    var scopes: String

    @Option(help: "Comma-separated tasks the submit scope is limited to (default: every task).")
    var tasks: String?

    @Option(help: "How long the token is valid, such as 90d or 12h (default: until revoked).")
    var expires: String?

    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
        guard (1...64).contains(name.count),
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        else { throw ValidationError("--name must be 1 to 64 letters, digits, '.', '_' or '-'") }
        _ = try parsedScopes()
        _ = try parsedTasks()
        _ = try expiry(from: Date())
    }

    func run() async throws {
        let logger = runtime.logging.bootstrap()
        let store = try await runtime.openStore(logger: logger, migrate: true)
        let secret = TokenSecret.generate()
        let now = Date()
        let token = APIToken(
            id: secret.id, name: name, secretHash: secret.hash, scopes: try parsedScopes(), tasks: try parsedTasks(),
            createdAt: now, expiresAt: try expiry(from: now))
        let created = try await store.createToken(token)
        try await store.close()
        guard created else {
            throw ValidationError("a token named '\(name)' already exists; revoke it or pick another name")
        }
        print(secret.text)
        FileHandle.standardError.write(
            Data(
                """
                created token '\(name)' (id \(secret.id)). The secret above is shown once: keep it now.
                Clients send it as 'Authorization: Bearer <token>' (the CLI reads TASKFORGE_TOKEN).
                A server started while no token existed runs without authentication until it is restarted.

                """.utf8))
    }

    private func parsedScopes() throws -> Set<TokenScope> {
        let names = scopes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty else { throw ValidationError("--scopes needs at least one scope") }
        return Set(
            try names.map { name in
                guard let scope = TokenScope(rawValue: name) else {
                    throw ValidationError(
                        "unknown scope '\(name)' in --scopes; the scopes are \(TokenScope.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                return scope
            })
    }

    private func parsedTasks() throws -> [String]? {
        guard let tasks else { return nil }
        let names = tasks.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let known = App.catalog.entries.map(\.definition.name)
        for name in names where !known.contains(name) {
            throw ValidationError("unknown task '\(name)' in --tasks; the tasks are \(known.joined(separator: ", "))")
        }
        guard !names.isEmpty else { throw ValidationError("--tasks needs at least one task") }
        return names
    }

    private func expiry(from now: Date) throws -> Date? {
        guard let expires else { return nil }
        guard let duration = DurationSyntax.parse(expires), duration > .zero else {
            throw ValidationError("--expires must be a duration such as 90d, 12h or 30m, found '\(expires)'")
        }
        return now.addingTimeInterval(duration.seconds)
    }
}

/// `taskforge token list`: every token, without secrets.
struct TokenList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List API tokens (never their secrets).")

    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        let logger = runtime.logging.bootstrap()
        let store = try await runtime.openStore(logger: logger, migrate: true)
        let tokens = try await store.tokens()
        try await store.close()
        print(TokenListing.render(tokens, now: Date()), terminator: "")
    }
}

/// `taskforge token revoke <name-or-id>`: effective on the next request to any server.
struct TokenRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke an API token at once.")

    @Argument(help: "The token's name or id.")
    var token: String

    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        let logger = runtime.logging.bootstrap()
        let store = try await runtime.openStore(logger: logger, migrate: true)
        let revoked = try await store.revokeToken(token, at: Date())
        try await store.close()
        guard let revoked else { throw ValidationError("no token with name or id '\(token)'") }
        print("revoked token '\(revoked.name)' (id \(revoked.id))")
    }
}
