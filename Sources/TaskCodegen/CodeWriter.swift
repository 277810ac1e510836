import Foundation

/// Builds indented source text line by line.
struct CodeWriter {
    /// The widest line the generator writes, in columns.
    static let maximumWidth = 120

    private(set) var text = ""
    private var depth = 0

    /// The columns left on a line at the current depth.
    var width: Int { Self.maximumWidth - 4 * depth }

    /// The spaces a line at the current depth starts with.
    var indentation: String { String(repeating: "    ", count: depth) }

    mutating func line(_ content: String = "") {
        text += content.isEmpty ? "\n" : String(repeating: "    ", count: depth) + content + "\n"
    }

    /// Writes `opening`, the body one level deeper, then `closing`.
    mutating func block(_ opening: String, closing: String = "}", _ body: (inout CodeWriter) -> Void) {
        line(opening)
        depth += 1
        body(&self)
        depth -= 1
        line(closing)
    }

    /// Writes a `///` comment, one line per line of `text`.
    mutating func docComment(_ text: String?) {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return }
        for part in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard !part.isEmpty else {
                line("///")
                continue
            }
            for wrapped in Self.wrap(String(part), width: width - 4) { line("/// " + wrapped) }
        }
    }

    /// Writes `label: "value"` and `trailing`, the string as a multi-line literal when it would not fit.
    mutating func stringArgument(_ label: String, _ value: String, trailing: String = ",") {
        let prefix = "\(label): "
        line(
            prefix + SwiftSyntax.stringLiteral(value, indent: indentation, used: indentation.count + prefix.count)
                + trailing)
    }

    /// The string literal for an item of ``list(_:_:_:)`` that begins with `prefix`.
    func listItemLiteral(_ value: String, after prefix: String, before suffix: String = "") -> String {
        let inner = indentation + "    "
        return SwiftSyntax.stringLiteral(value, indent: inner, used: inner.count + prefix.count + suffix.count)
    }

    /// Writes `body` one level deeper.
    mutating func indented(_ body: (inout CodeWriter) -> Void) {
        depth += 1
        body(&self)
        depth -= 1
    }

    /// `text` broken at spaces into lines of at most `width` columns (a longer word keeps its own line).
    /// Joining the lines with single spaces gives `text` back.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var started = false
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if started, current.count + 1 + word.count > width {
                lines.append(current)
                current = String(word)
            } else {
                current = started ? current + " " + word : String(word)
            }
            started = true
        }
        return lines + [current]
    }

    /// `head` + `items` + `tail` (`static func f(` + parameters + `) -> T`) on one line when it fits,
    /// else the items one level deeper: together on one line, or one per line.
    mutating func list(_ head: String, _ items: [String], _ tail: String) {
        let joined = items.joined(separator: ", ")
        guard head.count + joined.count + tail.count > width else { return line(head + joined + tail) }
        line(head)
        depth += 1
        if joined.count <= width {
            line(joined)
        } else {
            for (index, item) in items.enumerated() { line(item + (index == items.count - 1 ? "" : ",")) }
        }
        depth -= 1
        line(tail)
    }
}
