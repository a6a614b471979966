import Foundation

/// `/proc/self/io`: `wchar` counts every byte this process passed to write(2) and pwrite(2),
/// whatever the file system; `syscw` counts those calls. Read around a save, it is what the
/// save wrote (nothing else in this process writes meanwhile).
struct ProcessIO {
    var bytes: Int
    var calls: Int

    static func now() -> ProcessIO {
        let text = (try? String(contentsOfFile: "/proc/self/io", encoding: .utf8)) ?? ""
        var fields: [Substring: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":")
            if parts.count == 2 { fields[parts[0]] = Int(parts[1].trimmingCharacters(in: .whitespaces)) }
        }
        return ProcessIO(bytes: fields["wchar"] ?? -1, calls: fields["syscw"] ?? -1)
    }
}
