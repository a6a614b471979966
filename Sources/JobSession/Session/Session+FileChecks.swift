import JobAPI
import JobEngine

extension Session {
    /// Every file a profile reads, checked at start: a directory, a device or an unreadable
    /// file is a configuration error (exit 64), not a network error on every request.
    static func checkFiles(of name: String, config: JobwatchConfig, overrides: SessionFlags?) throws(UsageError) {
        let configured = config.profiles[name]
        do {
            if let caFile = overrides?.caFile {
                try FileOptionCheck.certificates(caFile, option: "--ca-file")
            } else if let caFile = configured?.caFile {
                try FileOptionCheck.certificates(caFile, option: "profiles.\(name).ca_file")
            }
            if let file = configured?.credentialsFile {
                try FileOptionCheck.readable(file, option: "profiles.\(name).credentials_file")
            }
        } catch {
            throw UsageError(error.description)
        }
    }

    /// `--log-file`, `--state-file`: a file jobwatch writes.
    public static func checkWritable(_ path: String, option: String) throws(UsageError) {
        do {
            try FileOptionCheck.writable(path, option: option)
        } catch {
            throw UsageError(error.description)
        }
    }
}
