import ArgumentParser

@main
struct JobWatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobwatch",
        abstract: "Watch Huawei Cloud asynchronous jobs (bare-metal create, power, reinstall, volumes).",
        version: "0.1.0",
        subcommands: [Watch.self, Get.self, Wait.self, Simulator.self],
        defaultSubcommand: Watch.self
    )
}
