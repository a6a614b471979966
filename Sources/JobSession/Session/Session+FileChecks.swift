extension Session {
    /// Every file a profile reads, checked at start: a directory, a device or an unreadable
    /// file is a configuration error (exit 64), not a network error on every request.
    static func checkFiles(of name: String, config: JobwatchConfig, overrides: SessionFlags?) throws(FileOptionCheck.Problem) {
        let configured = config.profiles[name]
        if let caFile = overrides?.caFile {
            try FileOptionCheck.certificates(caFile, option: "--ca-file")
        } else if let caFile = configured?.caFile {
            try FileOptionCheck.certificates(caFile, option: "profiles.\(name).ca_file")
        }
        if let file = configured?.credentialsFile {
            try FileOptionCheck.readable(file, option: "profiles.\(name).credentials_file")
        }
    }

    /// `--log-file`, `--state-file`: a file jobwatch writes.
    public static func checkWritable(_ path: String, option: String) throws(FileOptionCheck.Problem) {
        try FileOptionCheck.writable(path, option: option)
    }

    /// A file to keep state in: a read-only one is not refused (it is read, and saving is
    /// retried), a folder or a device is.
    public static func checkStateFile(_ path: String, option: String) throws(FileOptionCheck.Problem) {
        try FileOptionCheck.fileOrMissing(path, option: option)
    }
}
