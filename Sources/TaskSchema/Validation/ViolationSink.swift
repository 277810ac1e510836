/// Where a generated validator puts the violations it finds: an array collects them all (the
/// messages of ``Schema/validate(_:)``); a ``ValidityCheck`` only notes that there was one, and
/// never builds a message or a pointer.
public protocol ViolationSink {
    /// Records one violation; `violation` is evaluated only by sinks that keep it.
    mutating func add(_ violation: @autoclosure () -> Violation)
    /// Records the violations `violations` evaluates to (evaluated by every sink: it may be empty).
    mutating func add(contentsOf violations: @autoclosure () -> [Violation])
}

extension Array: ViolationSink where Element == Violation {
    public mutating func add(_ violation: @autoclosure () -> Violation) {
        append(violation())
    }

    public mutating func add(contentsOf violations: @autoclosure () -> [Violation]) {
        append(contentsOf: violations())
    }
}

/// Whether a value is valid, without the messages: the `isValid(_:)` of generated validators.
public struct ValidityCheck: ViolationSink {
    public private(set) var isValid = true

    public init() {}

    public mutating func add(_ violation: @autoclosure () -> Violation) {
        isValid = false
    }

    public mutating func add(contentsOf violations: @autoclosure () -> [Violation]) {
        if isValid && !violations().isEmpty { isValid = false }
    }
}
