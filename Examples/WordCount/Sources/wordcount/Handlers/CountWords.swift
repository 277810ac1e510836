import TaskRuntime

extension Handlers {
    /// Counts the words of the text (split at whitespace, compared in lower case) and returns the
    /// most frequent, ties in alphabetical order.
    static func countWords(_ input: CountWords.Input, _ job: JobContext) async throws -> CountWords.Output {
        let words = input.text.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        let counts = Dictionary(words.map { ($0, 1) }, uniquingKeysWith: +)
        let top = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(input.top)
        return CountWords.Output(
            words: words.count, distinct: counts.count,
            top: top.map { CountWords.Output.TopItem(word: $0.key, count: $0.value) })
    }
}
