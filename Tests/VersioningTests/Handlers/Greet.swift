import TaskRuntime

extension Handlers {
    static func greet(_ input: Greet.Input, _ job: JobContext) async throws -> Greet.Output {
        let greeting = "Hello, \(input.firstName) \(input.lastName)!"
        return Greet.Output(greeting: input.shout ? greeting.uppercased() : greeting)
    }
}
