import Foundation

/// An executable product of this package, found next to the test bundle in the build directory.
public enum BuiltExecutable {
    public static func named(_ name: String) throws -> URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw TestFailure("the \(name) executable was not found near \(Bundle.main.bundleURL.path)")
    }
}
