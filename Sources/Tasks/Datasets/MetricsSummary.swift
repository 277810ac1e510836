import Datasets
import Foundation

/// summary.html of `dataset_metrics`: one self-contained page (no script, no external resource) with
/// each numeric column's histogram drawn as SVG beside its key statistics, each text column's most
/// frequent values as bars, and the alerts: what a person reads instead of report.json.
enum MetricsSummary {
    static func html(_ metrics: Datasets.DatasetMetrics, datasetName: String) -> String {
        var page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(datasetName)): metrics</title>
            <style>
            body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}
            h1{font-size:20px}h2{font-size:16px;margin:20px 0 4px}
            .column{display:inline-block;vertical-align:top;width:340px;margin:0 16px 16px 0}
            table{border-collapse:collapse}td{padding:1px 8px 1px 0}td:last-child{text-align:right}
            .alert{color:#a40}svg{background:#fafafa;border:1px solid #ddd}
            </style></head><body>
            <h1>\(escape(datasetName))</h1>
            <p>\(metrics.rows) rows, \(metrics.columns) columns, \(metrics.missingCells) missing cells, \
            \(metrics.duplicateRows) duplicate rows\(metrics.duplicateRowsExact ? "" : " (estimated)").</p>

            """
        if !metrics.alerts.isEmpty {
            page += "<h2>Alerts</h2><ul>"
            for alert in metrics.alerts {
                page +=
                    "<li class=\"alert\">\(escape(alert.kind.rawValue))\(alert.column.map { " · " + escape($0) } ?? ""): \(escape(alert.detail))</li>"
            }
            page += "</ul>\n"
        }
        if !metrics.numeric.isEmpty { page += "<h2>Numeric columns</h2>\n" }
        for column in metrics.numeric {
            page += "<div class=\"column\"><h3>\(escape(column.name))</h3>"
            if let histogram = column.histogram { page += histogramSVG(histogram) }
            page += table([
                ("count", "\(column.count)"), ("missing", "\(column.missing)"), ("mean", number(column.mean)),
                ("std", number(column.std)), ("min", number(column.min)), ("median", number(column.quantiles?.p50)),
                ("max", number(column.max)), ("distinct", "\(column.distinct)\(column.distinctExact ? "" : " (est.)")"),
            ])
            page += "</div>\n"
        }
        if !metrics.text.isEmpty { page += "<h2>Text columns</h2>\n" }
        for column in metrics.text {
            page += "<div class=\"column\"><h3>\(escape(column.name))</h3>"
            page += topValuesSVG(column.top, of: column.count)
            page += table([
                ("count", "\(column.count)"), ("missing", "\(column.missing)"),
                ("distinct", "\(column.distinct)\(column.distinctExact ? "" : " (est.)")"),
                ("length", "\(column.minLength ?? 0)…\(column.maxLength ?? 0)"),
            ])
            page += "</div>\n"
        }
        return page + "</body></html>\n"
    }

    /// The histogram's bins as bars, 320 x 120, with its range below.
    private static func histogramSVG(_ histogram: Histogram) -> String {
        let (width, height) = (320.0, 100.0)
        let top = Double(histogram.counts.max() ?? 0)
        let barWidth = width / Double(max(1, histogram.counts.count))
        var svg = "<svg width=\"320\" height=\"120\" role=\"img\" aria-label=\"histogram\">"
        for (index, count) in histogram.counts.enumerated() where count > 0 {
            let barHeight = top > 0 ? height * Double(count) / top : 0
            svg += String(
                format:
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a7bd0\"><title>%d</title></rect>",
                Double(index) * barWidth, height - barHeight, max(0.5, barWidth - 1), barHeight, count)
        }
        let low = number(histogram.edges.first), high = number(histogram.edges.last)
        svg += "<text x=\"0\" y=\"116\" font-size=\"11\">\(low)</text>"
        svg += "<text x=\"320\" y=\"116\" font-size=\"11\" text-anchor=\"end\">\(high)</text></svg>"
        return svg
    }

    /// The most frequent values as horizontal bars, their share of the column's values.
    private static func topValuesSVG(_ values: [ValueCount], of total: Int) -> String {
        guard !values.isEmpty else { return "" }
        var svg = "<svg width=\"320\" height=\"\(values.count * 18)\" role=\"img\" aria-label=\"top values\">"
        let most = Double(values.map(\.count).max() ?? 1)
        for (index, value) in values.enumerated() {
            let y = index * 18
            let length = 150 * Double(value.count) / most
            svg += String(
                format: "<rect x=\"160\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"#4a7bd0\"></rect>", y + 2, length)
            let label = value.value.count > 24 ? String(value.value.prefix(23)) + "…" : value.value
            svg += "<text x=\"0\" y=\"\(y + 13)\" font-size=\"11\">\(escape(label)) (\(value.count))</text>"
        }
        return svg + "</svg>"
    }

    private static func table(_ rows: [(String, String)]) -> String {
        "<table>" + rows.map { "<tr><td>\($0.0)</td><td>\(escape($0.1))</td></tr>" }.joined() + "</table>"
    }

    private static func number(_ value: Double?) -> String {
        guard let value else { return "–" }
        return abs(value) >= 1e6 || (abs(value) < 1e-3 && value != 0)
            ? String(format: "%.4g", value)
            : String(format: "%.4f", value)
                .replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
    }

    private static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
