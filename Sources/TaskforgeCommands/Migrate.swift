import ArgumentParser

/// `taskforge migrate`: brings the store's schema up to date, then exits.
///
/// `serve` and `worker` migrate on start too, unless given `--no-migrate`; migrating is safe
/// while other processes run or start, since each migration is applied once under a lock.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending schema migrations to the job store, then exit.")

    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        let logger = runtime.logging.bootstrap()
        let store = try await runtime.openStore(logger: logger, migrate: true)
        try await store.close()
        logger.info("the job store's schema is up to date")
    }
}
