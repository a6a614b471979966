import ArgumentParser

extension JobWatch {
    struct Watch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "(not built yet)")

        func run() async throws {
            throw ValidationError("not built yet")
        }
    }
}
