import Foundation
import JobModel
import JobAPI

/// Checks what a file option names before it is used, so a directory, a device or an
/// unreadable file is a configuration error at start (exit 64, one line naming the option and
/// the fix), not a network error later or a watch of nothing.
public enum FileOptionCheck {
    public struct Problem: UsageProblem, Sendable, Hashable {
        public var description: String
    }

    /// What a path is, as far as these checks care (symlinks followed).
    public enum Kind: Sendable, Hashable {
        case missing, regular, directory, fifo, device, socket, other
    }

    public static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFIFO: return .fifo
        case S_IFCHR, S_IFBLK: return .device
        case S_IFSOCK: return .socket
        default: return .other
        }
    }

    /// A file to read: it must exist and be a readable regular file (or a FIFO when
    /// `allowFIFO`). `option` names it in the message: `--config`, `profiles.prod.ca_file`.
    public static func readable(_ path: String, option: String, allowFIFO: Bool = false) throws(Problem) {
        let expanded = NSString(string: path).expandingTildeInPath
        switch kind(of: expanded) {
        case .missing:
            throw Problem(description: "\(option) \(path): no such file — fix the path")
        case .directory:
            throw Problem(description: "\(option) \(path) is a directory — name a file in it instead")
        case .device, .socket, .other:
            throw Problem(description: "\(option) \(path) is not a regular file — name a regular file\(allowFIFO ? " or a FIFO" : "")")
        case .fifo where !allowFIFO:
            throw Problem(description: "\(option) \(path) is a FIFO — name a regular file")
        case .regular, .fifo:
            guard access(expanded, R_OK) == 0 else {
                throw Problem(description: "\(option) \(path) cannot be read — check its permissions (chmod u+r)")
            }
        }
    }

    /// A file to write (`--log-file`, `--state-file`): absent (it will be created), or a
    /// writable regular file. Its folder may still have to be created.
    public static func writable(_ path: String, option: String) throws(Problem) {
        try fileOrMissing(path, option: option)
        let expanded = NSString(string: path).expandingTildeInPath
        guard kind(of: expanded) == .missing || access(expanded, W_OK) == 0 else {
            throw Problem(description: "\(option) \(path) cannot be written — check its permissions (chmod u+w)")
        }
    }

    /// A regular file, or nothing yet: a folder or a device is never a file to keep.
    public static func fileOrMissing(_ path: String, option: String) throws(Problem) {
        switch kind(of: NSString(string: path).expandingTildeInPath) {
        case .missing, .regular:
            return
        case .directory:
            throw Problem(description: "\(option) \(path) is a directory — name a file in it instead")
        case .device, .socket, .fifo, .other:
            throw Problem(description: "\(option) \(path) is not a regular file — name a regular file (it is created when missing)")
        }
    }

    /// A CA file: readable, and PEM with at least one certificate NIOSSL can load.
    public static func certificates(_ path: String, option: String) throws(Problem) {
        try readable(path, option: option)
        if let problem = CertificateFile.problem(atPath: NSString(string: path).expandingTildeInPath) {
            throw Problem(description: "\(option) \(path) \(problem) — give a PEM file with -----BEGIN CERTIFICATE----- blocks")
        }
    }
}
