import Foundation
import TaskRuntime

extension Handlers {
    /// Never returns and never checks cancellation: only killing its process stops it.
    static func spin(_ input: Spin.Input, _ job: JobContext) async throws -> Spin.Output {
        while getpid() > 0 {}  // always true: a busy loop that never yields
        return Spin.Output()
    }
}
