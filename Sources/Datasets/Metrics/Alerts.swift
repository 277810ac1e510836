/// Alerts after ydata-profiling's (`ydata_profiling.model.alerts`), with its default thresholds where it
/// has one: skewed when |skewness| > 20, high cardinality when a text column has more than 50 distinct
/// values (and is not unique). Ours: high missing at >= 20% missing, zeros at > 10% zeros.
public enum Alerts {
    public static let skewnessThreshold = 20.0
    public static let cardinalityThreshold = 50
    public static let missingShare = 0.2
    public static let zerosShare = 0.1

    public static func of(_ m: DatasetMetrics) -> [Alert] {
        var alerts: [Alert] = []
        let rows = Double(max(1, m.rows))
        func common(_ name: String, count: Int, missing: Int, distinct: Int) {
            if count > 0 && distinct == 1 {
                alerts.append(Alert(kind: .constant, column: name, detail: "has one distinct value"))
            }
            if Double(missing) / rows >= missingShare {
                alerts.append(Alert(kind: .highMissing, column: name, detail: "\(missing) of \(m.rows) values missing"))
            }
            if count == m.rows && distinct == count && count > 1 {
                alerts.append(Alert(kind: .unique, column: name, detail: "every value is distinct"))
            }
        }
        for c in m.numeric {
            common(c.name, count: c.count, missing: c.missing, distinct: c.distinct)
            if let s = c.skewness, abs(s) > skewnessThreshold {
                alerts.append(Alert(kind: .skewed, column: c.name, detail: "skewness \(s)"))
            }
            if c.count > 0 && Double(c.zeros) / Double(c.count) > zerosShare {
                alerts.append(Alert(kind: .zeros, column: c.name, detail: "\(c.zeros) zeros"))
            }
        }
        for c in m.text {
            common(c.name, count: c.count, missing: c.missing, distinct: c.distinct)
            if c.distinct > cardinalityThreshold && !(c.count == m.rows && c.distinct == c.count) {
                alerts.append(Alert(kind: .highCardinality, column: c.name, detail: "\(c.distinct) distinct values"))
            }
        }
        if m.duplicateRows > 0 {
            alerts.append(Alert(kind: .duplicates, column: nil, detail: "\(m.duplicateRows) duplicate rows"))
        }
        return alerts
    }
}
