import ArgumentParser

extension JobWatch {
    struct Simulator: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "(not built yet)")

        func run() async throws {
            throw ValidationError("not built yet")
        }
    }
}
