import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`, in place of Foundation's `Process`.
///
/// On Linux, `Process.run()` reads past the end of a buffer while it lists `/proc/self/fd` (it copies
/// each entry's whole 256-byte name), which crashes a process that holds many open file descriptors:
/// a busy worker or server, or a test run. This spawns with `posix_spawn`, closes every descriptor
/// above 2 in the child (`closefrom`), and reaps the child on a thread of its own.
public final class SpawnedProcess: Sendable {
    /// How a process ended.
    public enum Termination: Sendable, Hashable, CustomStringConvertible {
        case exited(Int32)
        case killed(signal: Int32)

        /// The exit status, or 128 + the signal (as a shell reports it).
        public var status: Int32 {
            switch self {
            case .exited(let status): status
            case .killed(let signal): 128 + signal
            }
        }

        public var description: String {
            switch self {
            case .exited(let status): "exited with status \(status)"
            case .killed(let signal): "killed by signal \(signal)"
            }
        }
    }

    /// The child's process id.
    public let processIdentifier: pid_t
    private let exit = ExitRecord()

    /// The child's end once it is reaped, and who waits for it.
    private final class ExitRecord: Sendable {
        struct State {
            var termination: Termination?
            var onExit: (@Sendable (Termination) -> Void)?
        }

        let state = Mutex<State>(State())
        let reaped = DispatchSemaphore(value: 0)
    }

    /// Starts `executable` with `arguments`, in its own process group.
    ///
    /// - Parameters:
    ///   - environment: the child's whole environment; `nil` passes this process's on.
    ///   - directory: its working directory; `nil` keeps this process's.
    ///   - standardInput, standardOutput, standardError: descriptors that become the child's 0, 1 and
    ///     2 (`nil`: `/dev/null`); the caller keeps and closes its own.
    public init(
        executable: URL, arguments: [String], environment: [String: String]? = nil, directory: URL? = nil,
        standardInput: Int32? = nil, standardOutput: Int32? = nil, standardError: Int32? = nil
    ) throws {
        let devNull = open("/dev/null", O_RDWR | O_CLOEXEC)
        guard devNull >= 0 else { throw SpawnError(operation: "open /dev/null", code: errno) }
        defer { close(devNull) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (target, source) in [(0, standardInput), (1, standardOutput), (2, standardError)] {
            posix_spawn_file_actions_adddup2(&actions, source ?? devNull, Int32(target))
        }
        guard let closeFrom = GlibcSpawnExtensions.closeFrom, let changeDirectory = GlibcSpawnExtensions.changeDirectory
        else {
            throw SpawnError(
                operation: "spawn \(executable.path) (this C library lacks posix_spawn_file_actions_addclosefrom_np)",
                code: ENOSYS)
        }
        _ = closeFrom(&actions, 3)
        if let directory { _ = changeDirectory(&actions, directory.path) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))

        let argv = CStringArray([executable.path] + arguments)
        let envp = environment.map { CStringArray($0.map { "\($0.key)=\($0.value)" }) }
        var pid = pid_t()
        let result = posix_spawn(&pid, executable.path, &actions, &attributes, argv.pointers, envp?.pointers ?? environ)
        guard result == 0 else { throw SpawnError(operation: "spawn \(executable.path)", code: result) }
        processIdentifier = pid

        let reaper = Thread { [exit, pid] in
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            let ended: Termination = status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .killed(signal: status & 0x7f)
            let onExit = exit.state.withLock { state in
                state.termination = ended
                return state.onExit
            }
            exit.reaped.signal()
            onExit?(ended)
        }
        reaper.name = "reap-\(pid)"
        reaper.start()
    }

    /// Whether the child has not ended yet.
    public var isRunning: Bool { exit.state.withLock { $0.termination == nil } }

    /// Calls `handler` once the child has ended (at once if it has), on the thread that reaped it.
    public func whenExited(_ handler: @escaping @Sendable (Termination) -> Void) {
        let ended = exit.state.withLock { state in
            if state.termination == nil { state.onExit = handler }
            return state.termination
        }
        if let ended { handler(ended) }
    }

    /// Sends `signal` to the child.
    public func send(_ signal: Int32) {
        if isRunning { kill(processIdentifier, signal) }
    }

    /// Blocks until the child has ended; call it off the threads that run Swift tasks.
    public func waitUntilExit() -> Termination {
        exit.reaped.wait()
        exit.reaped.signal()
        return exit.state.withLock { $0.termination! }
    }

    /// Waits, on a thread of its own, until the child has ended.
    public func terminated() async -> Termination {
        (try? await onOwnThread(named: "wait-\(processIdentifier)") { self.waitUntilExit() })
            ?? .killed(signal: SIGKILL)
    }
}

/// glibc's `posix_spawn` extensions (2.29 and 2.34), which Swift's `Glibc` module does not declare.
private enum GlibcSpawnExtensions {
    typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    typealias ChangeDirectory =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    static let closeFrom = symbol("posix_spawn_file_actions_addclosefrom_np", as: CloseFrom.self)
    static let changeDirectory = symbol("posix_spawn_file_actions_addchdir_np", as: ChangeDirectory.self)

    private static func symbol<T>(_ name: String, as type: T.Type) -> T? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: type) }
    }
}

/// Why a process could not be started.
public struct SpawnError: Error, CustomStringConvertible {
    public var operation: String
    public var code: Int32

    public var description: String { "\(operation): \(String(cString: strerror(code)))" }
}

/// A `NULL`-terminated array of C strings, freed with it.
private final class CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

    init(_ strings: [String]) {
        pointers = .allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { pointers[index] = strdup(string) }
        pointers[strings.count] = nil
    }

    deinit {
        var index = 0
        while let string = pointers[index] {
            free(string)
            index += 1
        }
        pointers.deallocate()
    }
}
