import TaskSchema
import Testing

/// `"pointer code: message"` for each violation, for compact expectations.
private func check(_ schema: Schema, _ value: JSONValue) -> [String] {
    schema.validate(value).map { "\($0.pointer) \($0.code): \($0.message)" }
}

@Suite struct ValidatorTypeTests {
    @Test func integerAcceptsIntegralNumbersOnly() {
        let schema = Schema(type: [.integer])
        #expect(check(schema, 3).isEmpty)
        #expect(check(schema, JSONValue(number: 3.0)).isEmpty)
        #expect(check(schema, 3.5) == [" type: expected integer, found number"])
        #expect(check(schema, "3") == [" type: expected integer, found string"])
    }

    @Test func numberAcceptsIntegersAndFractions() {
        let schema = Schema(type: [.number])
        #expect(check(schema, 3).isEmpty)
        #expect(check(schema, 3.5).isEmpty)
        #expect(check(schema, true) == [" type: expected number, found boolean"])
    }

    @Test(arguments: [
        (JSONType.string, JSONValue.string("a")), (.boolean, .bool(false)), (.null, .null),
        (.array, .array([])), (.object, .object([:])),
    ])
    func eachTypeAcceptsItsValues(type: JSONType, value: JSONValue) {
        #expect(check(Schema(type: [type]), value).isEmpty)
        #expect(check(Schema(type: [type]), 1).count == 1)
    }

    @Test func nullableAcceptsNull() {
        let schema = Schema(type: [.string, .null], maxLength: 2)
        #expect(check(schema, nil).isEmpty)
        #expect(check(schema, "ab").isEmpty)
        #expect(check(schema, 1) == [" type: expected string or null, found integer"])
    }

    @Test func wrongTypeSkipsTheOtherKeywords() {
        let schema = Schema(type: [.string], enum: ["a"], minLength: 5)
        #expect(check(schema, 1) == [" type: expected string, found integer"])
    }

    @Test func schemaWithoutTypeAcceptsAnything() {
        for value: JSONValue in [nil, 1, "a", [1], ["a": 1]] {
            #expect(check(Schema(), value).isEmpty)
        }
    }
}

@Suite struct ValidatorKeywordTests {
    @Test func enumAndConst() {
        let colors = Schema(enum: ["red", "green"])
        #expect(check(colors, "red").isEmpty)
        #expect(check(colors, "blue") == [#" enum: must be one of "red", "green", found "blue""#])
        let fast = Schema(const: "fast")
        #expect(check(fast, "fast").isEmpty)
        #expect(check(fast, "slow") == [#" const: must be "fast", found "slow""#])
        #expect(check(Schema(enum: [1]), JSONValue(number: 1.0)).isEmpty)
    }

    @Test func inclusiveBounds() {
        let schema = Schema(type: [.integer], minimum: 1, maximum: 10)
        #expect(check(schema, 1).isEmpty)
        #expect(check(schema, 10).isEmpty)
        #expect(check(schema, 0) == [" minimum: must be at least 1, found 0"])
        #expect(check(schema, 11) == [" maximum: must be at most 10, found 11"])
    }

    @Test func exclusiveBounds() {
        let schema = Schema(type: [.number], exclusiveMinimum: 0, exclusiveMaximum: 1.5)
        #expect(check(schema, 0.001).isEmpty)
        #expect(check(schema, 1.499).isEmpty)
        #expect(check(schema, 0) == [" exclusive_minimum: must be greater than 0, found 0"])
        #expect(check(schema, 1.5) == [" exclusive_maximum: must be less than 1.5, found 1.5"])
    }

    @Test func multipleOfToleratesBinaryFractions() {
        let cents = Schema(type: [.number], multipleOf: 0.01)
        #expect(check(cents, 0.1).isEmpty)
        #expect(check(cents, 19.99).isEmpty)
        #expect(check(cents, 0.105) == [" multiple_of: must be a multiple of 0.01, found 0.105"])
        let threes = Schema(type: [.integer], multipleOf: 3)
        #expect(check(threes, 9).isEmpty)
        #expect(check(threes, -9).isEmpty)
        #expect(check(threes, 10) == [" multiple_of: must be a multiple of 3, found 10"])
        #expect(check(Schema(multipleOf: 0.1), 0.3).isEmpty)
    }

    @Test func lengthsCountUnicodeScalars() {
        let schema = Schema(type: [.string], minLength: 2, maxLength: 3)
        #expect(check(schema, "ab").isEmpty)
        #expect(check(schema, "abc").isEmpty)
        #expect(check(schema, "a") == [" min_length: must be at least 2 characters long, found 1"])
        #expect(check(schema, "abcd") == [" max_length: must be at most 3 characters long, found 4"])
        #expect(check(schema, "\u{E9}\u{E9}\u{E9}").isEmpty)
        #expect(check(schema, "e\u{301}e\u{301}") == [" max_length: must be at most 3 characters long, found 4"])
        #expect(check(Schema(maxLength: 1), "👍").isEmpty)
        #expect(check(Schema(minLength: 1), "") == [" min_length: must be at least 1 character long, found 0"])
    }

    @Test func patternSearchesUnanchored() {
        #expect(check(Schema(pattern: "b"), "abc").isEmpty)
        #expect(check(Schema(pattern: "^[a-z]+$"), "abc").isEmpty)
        #expect(
            check(Schema(pattern: "^[a-z]+$"), "abc1") == [
                #" pattern: must match the pattern '^[a-z]+$', found "abc1""#
            ])
    }

    @Test func itemCountsAndUniqueness() {
        let schema = Schema(type: [.array], minItems: 1, maxItems: 3, uniqueItems: true)
        #expect(check(schema, [1]).isEmpty)
        #expect(check(schema, [1, 2, 3]).isEmpty)
        #expect(check(schema, []) == [" min_items: must have at least 1 item, found 0"])
        #expect(check(schema, [1, 2, 3, 4]) == [" max_items: must have at most 3 items, found 4"])
        #expect(
            check(schema, [1, 2, JSONValue(number: 1.0)]) == [
                " unique_items: must have unique items, but items 0 and 2 are equal"
            ])
        #expect(check(Schema(uniqueItems: true), [["a": 1], ["a": 1]]).count == 1)
    }

    @Test func objectsAreClosedUnlessOpened() {
        let schema = Schema(
            type: [.object],
            properties: [.init("message", Schema(type: [.string])), .init("count", Schema(type: [.integer]))],
            required: ["message", "count"])
        #expect(check(schema, ["message": "hi", "count": 1]).isEmpty)
        #expect(check(schema, ["count": 1]) == ["/message required: missing required property 'message'"])
        #expect(
            check(schema, ["message": "hi", "count": 1, "mesage": "x", "extra": 1]) == [
                "/extra additional_property: unknown property 'extra'",
                "/mesage additional_property: unknown property 'mesage'; did you mean 'message'?",
            ])
        var open = schema
        open.additionalProperties = true
        #expect(check(open, ["message": "hi", "count": 1, "extra": 1]).isEmpty)
        open.additionalProperties = false
        #expect(check(open, ["message": "hi", "count": 1, "extra": 1]).count == 1)
    }
}

@Suite struct ValidatorFormatTests {
    @Test(arguments: [
        (StringFormat.date, "2026-01-31"), (.date, "2024-02-29"), (.date, "2000-02-29"),
        (.dateTime, "2026-01-31T09:30:00Z"), (.dateTime, "2026-01-31t09:30:00.123456+05:30"),
        (.dateTime, "1998-12-31T23:59:60Z"), (.dateTime, "1998-12-31T15:59:60.123-08:00"),
        (.dateTime, "2016-12-31T23:59:60+00:00"), (.dateTime, "2017-01-01T01:29:60+01:30"),
        (.uuid, "123e4567-e89b-12d3-a456-426614174000"), (.uuid, "123E4567-E89B-12D3-A456-426614174000"),
        (.uri, "https://example.com/a/b?q=1#top"), (.uri, "mailto:someone@example.com"), (.uri, "urn:isbn:0451450523"),
        (.uri, "http://example.com/%20x"), (.uri, "http://user:pw@[::1]:8080/a;b=c?x=/y?#f/?"),
        (.uri, "http://[v7.fe:80]/"), (.uri, "http://[2001:db8:0:0:1:0:0:1]"), (.uri, "http://[1:2:3:4:5:6:7::]"),
        (.uri, "http://[::ffff:192.0.2.1]"), (.uri, "file:///etc/hosts"), (.uri, "news:comp.lang"), (.uri, "about:"),
        (.email, "name@example.com"), (.email, "first.last+tag@mail.example.co.uk"), (.email, "te~st@example.com"),
        (.email, #""joe bloggs"@example.com"#), (.email, #""joe..bloggs"@example.com"#),
        (.email, #""joe@bloggs"@example.com"#),
        (.email, #""a\"b"@example.com"#), (.email, "joe.bloggs@[127.0.0.1]"), (.email, "joe@[IPv6:::1]"),
        (.email, "joe@[IPv6:2001:db8::1]"), (.email, "joe@[IPv6:2001:db8:0:0:0:0:2:1]"),
        (.email, "joe@[IPv6:::ffff:192.0.2.1]"),
    ])
    func acceptsValidValues(format: StringFormat, value: String) {
        #expect(check(Schema(type: [.string], format: format), .string(value)).isEmpty)
    }

    @Test(arguments: [
        (StringFormat.date, "2026-02-30"), (.date, "2023-02-29"), (.date, "1900-02-29"), (.date, "2026-13-01"),
        (.date, "2026-1-01"), (.date, "2026-01-31T00:00:00Z"), (.date, "２０２６-01-31"),
        (.dateTime, "2026-01-31T09:30:00"), (.dateTime, "2026-01-31 09:30:00Z"), (.dateTime, "2026-01-31T24:00:00Z"),
        (.dateTime, "2026-01-31T09:30:00.Z"), (.dateTime, "2026-01-31T09:30:00+0530"),
        (.dateTime, "2026-02-30T09:30:00Z"),
        (.uuid, "123e4567e89b12d3a456426614174000"), (.uuid, "123e4567-e89b-12d3-a456-42661417400g"),
        (.uri, "example.com/path"), (.uri, "/relative"), (.uri, "https://exa mple.com"), (.uri, "http://x/%2"),
        (.uri, "1http://x"), (.uri, "http://example.com:8o/"), (.uri, "http://[::1"), (.uri, "http://[::1]x/"),
        (.uri, "http://[v.fe]"), (.uri, "http://[1:2:3:4:5:6:7:8:9]"), (.uri, "http://[::ffff:192.0.2.01]"),
        (.uri, "http://a@b@c/"), (.uri, "http://x/a[b]"), (.uri, "http://x/?q#a#b"), (.uri, "http://ex\u{E9}.com"),
        (.email, "name.example.com"), (.email, "name@localhost"), (.email, "a@b@example.com"),
        (.email, ".a@example.com"),
        (.email, "a..b@example.com"), (.email, "name@-example.com"), (.email, "name@example.c0m"),
        (.email, "test.@example.com"), (.email, "joe.bloggs@invalid=domain.com"), (.email, #""unclosed@example.com"#),
        (.email, #""a"b"@example.com"#), (.email, #""é"@example.com"#), (.email, "joe@[127.0.0.300]"),
        (.email, "joe@[1.2.3]"),
        (.email, "joe@[IPv6:12345::]"), (.email, "joe@[IPv6:1::2::3]"), (.email, "joe@[IPv6:1:2:3:4:5:6:7]"),
        (.email, "joe@[IPv6:1:2:3:4:5:6::7]"), (.email, "joe@[example.com]"),
        (.email, String(repeating: "a", count: 65) + "@example.com"),
        (.dateTime, "1998-12-31T22:59:60Z"), (.dateTime, "1998-12-31T23:58:60Z"),
        (.dateTime, "1998-12-31T23:59:60+01:00"),
        (.dateTime, "2026-12-31T23:59:60-08:00"), (.dateTime, "1998-12-31T23:59:61Z"),
    ])
    func rejectsInvalidValues(format: StringFormat, value: String) {
        let violations = Schema(type: [.string], format: format).validate(.string(value))
        #expect(violations.map(\.code) == ["format"])
    }

    @Test func formatMessagesShowAnExample() {
        #expect(
            check(Schema(format: .date), "2026-02-30") == [
                #" format: must be a date like 2026-01-31 (RFC 3339 full-date), found "2026-02-30""#
            ])
    }
}

@Suite struct ValidatorReportingTests {
    private let detection = Schema(
        type: [.object],
        properties: [
            .init(
                "bboxes",
                Schema(
                    type: [.array],
                    items: Schema(
                        type: [.array], items: Schema(type: [.number], minimum: -180, maximum: 180), minItems: 4))),
            .init("a/b", Schema(type: [.string])),
            .init("m~n", Schema(type: [.string])),
            .init("label", Schema(type: [.string], maxLength: 3)),
        ],
        required: ["label"])

    @Test func pointsAtNestedValues() {
        #expect(
            check(detection, ["label": "car", "bboxes": [[1, 2, 3, 4], [1, 2, 200, 4]]]) == [
                "/bboxes/1/2 maximum: must be at most 180, found 200"
            ])
    }

    @Test func escapesPointerTokens() {
        #expect(
            check(detection, ["label": "car", "a/b": 1, "m~n": 2]) == [
                "/a~1b type: expected string, found integer",
                "/m~0n type: expected string, found integer",
            ])
    }

    @Test func reportsEveryViolationAtOnce() {
        let value: JSONValue = ["bboxes": [[1, 2, 3], "x"], "label": "truck", "extra": true]
        #expect(
            check(detection, value) == [
                "/bboxes/0 min_items: must have at least 4 items, found 3",
                "/bboxes/1 type: expected array, found string",
                "/label max_length: must be at most 3 characters long, found 5",
                "/extra additional_property: unknown property 'extra'",
            ])
    }

    @Test func violationsAreCodable() throws {
        let violation = Violation(pointer: "/a", code: "type", message: "expected string, found integer")
        let json = try JSONValue(encoding: violation)
        #expect(json == ["pointer": "/a", "code": "type", "message": "expected string, found integer"])
        #expect(try json.decode(as: Violation.self) == violation)
    }

    @Test func validatesConcurrently() async {
        let schema = Schema(type: [.array], items: Schema(type: [.string], pattern: "^v[0-9]+$"))
        let counts = await withTaskGroup(of: Int.self) { group in
            for index in 0..<64 {
                group.addTask { schema.validate(.array([.string("v\(index)"), .string("x\(index)")])).count }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 1, count: 64))
    }
}

@Suite struct DefaultsTests {
    private let schema = Schema(
        type: [.object],
        properties: [
            .init("times", Schema(type: [.integer], default: 1)),
            .init("message", Schema(type: [.string])),
            .init(
                "options",
                Schema(
                    type: [.object],
                    properties: [
                        .init("threshold", Schema(type: [.number], default: 0.5)),
                        .init("mode", Schema(type: [.string], default: "fast")),
                    ],
                    default: [:])),
            .init(
                "regions",
                Schema(
                    type: [.array],
                    items: Schema(type: [.object], properties: [.init("weight", Schema(type: [.number], default: 1))]))),
        ])

    @Test func fillsAbsentPropertiesRecursively() {
        let filled = schema.applyingDefaults(to: ["message": "hi", "regions": [["weight": 2], [:]]])
        #expect(
            filled == [
                "message": "hi",
                "times": 1,
                "options": ["threshold": 0.5, "mode": "fast"],
                "regions": [["weight": 2], ["weight": 1]],
            ])
    }

    @Test func keepsPresentValues() {
        let value: JSONValue = ["times": 3, "options": ["mode": "slow"]]
        #expect(schema.applyingDefaults(to: value) == ["times": 3, "options": ["mode": "slow", "threshold": 0.5]])
    }

    @Test func leavesValuesOfOtherShapesAlone() {
        #expect(schema.applyingDefaults(to: "text") == "text")
        #expect(
            schema.applyingDefaults(to: ["regions": "none"]) == [
                "regions": "none", "times": 1, "options": ["threshold": 0.5, "mode": "fast"],
            ])
    }
}
