/// "Did you mean" suggestions and naming-convention fixes for diagnostics.
enum NameSuggestions {
    /// The candidate closest to `name`: case-insensitively equal, or within an edit distance of 2.
    static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance = candidate.lowercased() == name.lowercased() ? 0 : editDistance(name, candidate)
            if distance <= 2, distance < best?.distance ?? .max {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// `"; did you mean 'X'?"` when a candidate is close to `name`, otherwise empty.
    static func didYouMean(_ name: String, in candidates: some Sequence<String>) -> String {
        closest(to: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The Levenshtein distance between two strings, counted in Unicode scalars.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let source = Array(lhs.unicodeScalars)
        let target = Array(rhs.unicodeScalars)
        guard !source.isEmpty else { return target.count }
        guard !target.isEmpty else { return source.count }
        var previous = Array(0...target.count)
        var current = previous
        for (i, sourceScalar) in source.enumerated() {
            current[0] = i + 1
            for (j, targetScalar) in target.enumerated() {
                let substitution = previous[j] + (sourceScalar == targetScalar ? 0 : 1)
                current[j + 1] = min(substitution, previous[j + 1] + 1, current[j] + 1)
            }
            swap(&previous, &current)
        }
        return previous[target.count]
    }

    /// `EchoTask`, `echo-task` or `Echo Task` -> `echo_task`; `nil` when no lower snake_case spelling exists.
    static func lowerSnakeCase(_ name: String) -> String? {
        let scalars = Array(name.unicodeScalars)
        var result = ""
        for (index, scalar) in scalars.enumerated() {
            if isUpper(scalar) {
                let previous = index > 0 ? scalars[index - 1] : nil
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                let startsWord = previous.map { isLower($0) || isDigit($0) } ?? false
                let endsAcronym = previous.map(isUpper) == true && next.map(isLower) == true
                if startsWord || endsAcronym { result += "_" }
                result += String(scalar).lowercased()
            } else if isLower(scalar) || isDigit(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "_"
            }
        }
        let words = result.split(separator: "_")
        let snake = words.joined(separator: "_")
        return Naming.isLowerSnakeCase(snake) ? snake : nil
    }

    /// `bbox` -> `Bbox`, `b_box` or `b-box` -> `BBox`; `nil` when no UpperCamelCase spelling exists.
    static func upperCamelCase(_ name: String) -> String? {
        let words = name.unicodeScalars.split { !(isUpper($0) || isLower($0) || isDigit($0)) }
        let camel = words.map { word in
            String(word.prefix(1)).uppercased() + String(String.UnicodeScalarView(word.dropFirst()))
        }
        .joined()
        return isUpperCamelCase(camel) ? camel : nil
    }

    /// Whether `name` matches `[A-Z][A-Za-z0-9]*`.
    static func isUpperCamelCase(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isUpper(first) else { return false }
        return name.unicodeScalars.allSatisfy { isUpper($0) || isLower($0) || isDigit($0) }
    }

    private static func isUpper(_ scalar: Unicode.Scalar) -> Bool { ("A"..."Z").contains(scalar) }
    private static func isLower(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) }
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
