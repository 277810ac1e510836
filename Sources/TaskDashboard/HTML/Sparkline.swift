import Foundation
import TaskRuntime

/// The last hour of one queue, minute by minute: jobs that finished well and jobs that failed
/// (failed or quarantined), drawn by the server as a small SVG bar chart (no script, no library).
struct Sparkline {
    /// Per minute, oldest first: (finished well: succeeded or cancelled, failed or quarantined).
    var minutes: [(ok: Int, failed: Int)]
    /// Of the failed, how many were quarantined (their worker process died too often).
    var quarantined = 0

    static let width = 120
    static let height = 28

    /// The 60 minutes up to `now` from `counts` of one queue.
    init(_ counts: [FinishedCount], now: Date) {
        let last = FinishedCount.minute(of: now)
        minutes = Array(repeating: (0, 0), count: 60)
        for count in counts {
            let index = 59 - Int((last.timeIntervalSince(count.minute) / 60).rounded())
            guard (0..<60).contains(index) else { continue }
            if count.state == .failed || count.state == .quarantined {
                minutes[index].failed += count.count
                if count.state == .quarantined { quarantined += count.count }
            } else {
                minutes[index].ok += count.count
            }
        }
    }

    var finished: Int { minutes.reduce(0) { $0 + $1.ok + $1.failed } }
    var failed: Int { minutes.reduce(0) { $0 + $1.failed } }

    var svg: HTML {
        let peak = max(1, minutes.map { $0.ok + $0.failed }.max() ?? 1)
        let barWidth = Double(Self.width) / 60
        var bars: [HTML] = []
        for (index, minute) in minutes.enumerated() where minute.ok + minute.failed > 0 {
            let x = String(format: "%.1f", Double(index) * barWidth)
            let w = String(format: "%.1f", max(barWidth - 0.4, 0.6))
            let okHeight = Double(minute.ok) / Double(peak) * Double(Self.height)
            let failedHeight = Double(minute.failed) / Double(peak) * Double(Self.height)
            if minute.ok > 0 {
                bars.append(rect("ok", x: x, y: Double(Self.height) - okHeight, width: w, height: okHeight))
            }
            if minute.failed > 0 {
                bars.append(
                    rect("bad", x: x, y: Double(Self.height) - okHeight - failedHeight, width: w, height: failedHeight))
            }
        }
        let label =
            "\(Format.count(finished)) finished in the last hour, \(Format.count(failed)) failed; busiest minute \(Format.count(peak))"
        return """
            <svg class="spark" width="\(Self.width)" height="\(Self.height)" viewBox="0 0 \(Self.width) \(Self.height)" role="img" aria-label="\(label)"><title>\(label)</title><line class="axis" x1="0" y1="\(Self.height)" x2="\(Self.width)" y2="\(Self.height)"/>\(bars)</svg>
            """
    }

    private func rect(_ kind: String, x: String, y: Double, width: String, height: Double) -> HTML {
        "<rect class=\"\(kind)\" x=\"\(x)\" y=\"\(String(format: "%.1f", y))\" width=\"\(width)\" height=\"\(String(format: "%.1f", max(height, 0.8)))\"/>"
    }
}
