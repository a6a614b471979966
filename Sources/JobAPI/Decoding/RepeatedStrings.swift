import Foundation
import JobModel

/// The few words a big body repeats once per sub-job (`baremetalSingleCreate`, its statuses,
/// its error codes and reasons, entity keys): each made into a `String` once and shared after,
/// so 1,500 sub-jobs do not allocate 1,500 copies of each.
struct RepeatedStrings {
    /// Past this many distinct words a body is not repetitive: the rest are made each time.
    private static let capacity = 16
    private var known: [String] = []
    private var statuses: [(word: String, status: JobStatus)] = []

    /// The string of these bytes (valid UTF-8), shared with earlier ones of the same bytes.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        for word in known where Self.same(word, bytes) { return word }
        let word = String(decoding: bytes, as: UTF8.self)
        if known.count < Self.capacity { known.append(word) }
        return word
    }

    /// `JobStatus(raw:words:)` of these bytes, worked out once per distinct word.
    mutating func status(_ bytes: UnsafeBufferPointer<UInt8>, words: [String: JobStatus.Outcome]) -> JobStatus {
        for entry in statuses where Self.same(entry.word, bytes) { return entry.status }
        let word = String(decoding: bytes, as: UTF8.self)
        let status = JobStatus(raw: word, words: words)
        if statuses.count < Self.capacity { statuses.append((word, status)) }
        return status
    }

    private static func same(_ word: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.utf8.count == bytes.count else { return false }
        guard !bytes.isEmpty else { return true }
        return word.utf8.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
            ?? word.utf8.elementsEqual(bytes)
    }
}
