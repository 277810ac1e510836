import Testing
import TaskSchema

@Test func jsonValueNormalisesIntegralNumbers() {
    #expect(JSONValue(number: 2.0) == .integer(2))
}
