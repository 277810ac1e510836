import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// ``SpawnedProcess``, the `posix_spawn` launcher of handler processes (and of the tests' processes).
@Suite("Spawned processes")
struct SpawnedProcessTests {
    static let shell = URL(fileURLWithPath: "/bin/sh")

    @Test func theChildGetsItsEnvironmentDirectoryAndOutputsAndReportsItsStatus() async throws {
        let result = try await ProcessRunner.run(
            Self.shell, ["-c", "echo \"$GREETING\"; pwd; echo oops >&2; exit 3"], environment: ["GREETING": "hello"],
            directory: URL(fileURLWithPath: "/tmp"))
        #expect(result.status == 3)
        #expect(result.stdout == "hello\n/tmp\n" && result.stderr == "oops\n")
    }

    @Test func aKilledChildReportsTheSignalAndExitHandlersRunOnce() async throws {
        let child = try SpawnedProcess(executable: URL(fileURLWithPath: "/bin/sleep"), arguments: ["30"])
        #expect(child.isRunning)
        let reported = AsyncStream<SpawnedProcess.Termination>.makeStream()
        child.whenExited { reported.continuation.yield($0) }
        child.send(SIGKILL)
        #expect(await child.terminated() == .killed(signal: SIGKILL))
        #expect(await child.terminated().status == 128 + SIGKILL)
        #expect(!child.isRunning)
        var iterator = reported.stream.makeAsyncIterator()
        #expect(await iterator.next() == .killed(signal: SIGKILL))
        // A handler registered after the end runs at once.
        let late = AsyncStream<SpawnedProcess.Termination>.makeStream()
        child.whenExited { late.continuation.yield($0) }
        var lateIterator = late.stream.makeAsyncIterator()
        #expect(await lateIterator.next() == .killed(signal: SIGKILL))
    }

    @Test func theChildInheritsNoDescriptorBeyondItsStandardThree() async throws {
        // Hundreds of descriptors open here (Foundation's Process crashed listing as many).
        let open = try (0..<500).map { _ in try FileHandle(forReadingFrom: URL(fileURLWithPath: "/dev/null")) }
        defer { for handle in open { try? handle.close() } }
        let result = try await ProcessRunner.run(URL(fileURLWithPath: "/bin/ls"), ["/proc/self/fd"])
        let descriptors = result.stdout.split(separator: "\n").compactMap { Int($0) }
        // ls's own: 0, 1, 2 and the directory it lists.
        #expect(descriptors.count == 4 && descriptors.allSatisfy { $0 <= 3 }, "\(descriptors)")
    }

    @Test func aMissingExecutableIsAnError() {
        #expect(throws: SpawnError.self) {
            _ = try SpawnedProcess(executable: URL(fileURLWithPath: "/nonexistent/taskforge"), arguments: [])
        }
    }
}
