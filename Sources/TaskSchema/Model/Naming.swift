import Foundation

/// Name conversions between `tasks.yaml` (snake_case) and Swift.
public enum Naming {
    /// `aod_estimation` -> `AodEstimation`.
    public static func upperCamelCase(_ snake: String) -> String {
        snake.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// `recency_days` -> `recencyDays`; a Swift keyword is escaped with backticks by the renderer.
    public static func lowerCamelCase(_ snake: String) -> String {
        let upper = upperCamelCase(snake)
        return upper.prefix(1).lowercased() + upper.dropFirst()
    }

    /// `recency_days` -> `recency-days`, the command-line flag spelling.
    public static func kebabCase(_ snake: String) -> String {
        snake.replacingOccurrences(of: "_", with: "-")
    }

    /// Whether `name` is lower snake_case: `[a-z][a-z0-9]*(_[a-z0-9]+)*`.
    public static func isLowerSnakeCase(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        var previousUnderscore = false
        for scalar in name.unicodeScalars {
            if scalar == "_" {
                if previousUnderscore { return false }
                previousUnderscore = true
            } else if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                previousUnderscore = false
            } else {
                return false
            }
        }
        return !previousUnderscore
    }
}
