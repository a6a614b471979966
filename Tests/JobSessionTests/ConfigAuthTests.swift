import Foundation
import JobModel
import JobSession
import Testing

/// A profile asks for the metadata service, or names its section of the SDK credentials file.
@Suite struct ConfigAuthTests {
    @Test func metadataAuthAndCredentialsSection() throws {
        let text = #"{"profiles":{"jump":{"region":"cn-north-4","auth":"metadata"},"prod":{"region":"cn-north-4","credentials_section":"prod"}}}"#
        let config = try JobwatchConfig.parse(Data(text.utf8), fileName: "config.json")
        #expect(config.profiles["jump"]?.auth == .metadata)
        #expect(config.profiles["prod"]?.credentialsSection == "prod")
        #expect(config.profiles["prod"]?.auth == .auto)
    }

    @Test func emptySectionIsRefused() {
        let text = #"{"profiles":{"prod":{"region":"cn-north-4","credentials_section":""}}}"#
        #expect(throws: ConfigError.self) { try JobwatchConfig.parse(Data(text.utf8), fileName: "config.json") }
    }
}
