import Foundation

/// A fresh folder under the system temporary directory, removed by `remove()`.
struct CatalogTestFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("catalog-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `relativePath` (creating subfolders) and returns the file URL.
    @discardableResult
    func write(_ text: String, to relativePath: String) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    /// Creates empty files standing in for band rasters.
    func touch(_ relativePaths: [String]) throws {
        for path in relativePaths { try write("", to: path) }
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Runs `body` with a fresh temporary folder and removes the folder afterwards.
func withCatalogTestFolder<T>(_ body: (CatalogTestFolder) async throws -> T) async throws -> T {
    let folder = try CatalogTestFolder()
    defer { folder.remove() }
    return try await body(folder)
}
