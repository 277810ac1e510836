import Foundation
import Synchronization

/// The process's resident memory, from `/proc/self/status` (Linux).
enum ResidentMemory {
    /// `VmRSS` in bytes, or nil where `/proc` has no such line (not Linux).
    static func current() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            // "VmRSS:	   23456 kB"
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2, let kilobytes = Int(fields[1]) else { return nil }
            return kilobytes * 1024
        }
        return nil
    }
}

/// Samples ``ResidentMemory/current()`` every `interval` until stopped and keeps the highest value.
final class PeakMemorySampler: Sendable {
    private let peak = Peak()
    private let task: Task<Void, Never>

    init(interval: Duration = .milliseconds(10)) {
        let peak = self.peak
        peak.record(ResidentMemory.current())
        task = Task.detached {
            while !Task.isCancelled {
                peak.record(ResidentMemory.current())
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Stops sampling and returns the highest resident size seen, in bytes.
    func stop() async -> Int {
        task.cancel()
        await task.value
        peak.record(ResidentMemory.current())
        return peak.value
    }

    private final class Peak: Sendable {
        private let storage = Atomic<Int>(0)

        var value: Int { storage.load(ordering: .relaxed) }

        func record(_ sample: Int?) {
            guard let sample else { return }
            var current = storage.load(ordering: .relaxed)
            while sample > current {
                let (exchanged, original) = storage.compareExchange(
                    expected: current, desired: sample, ordering: .relaxed)
                if exchanged { return }
                current = original
            }
        }
    }
}
