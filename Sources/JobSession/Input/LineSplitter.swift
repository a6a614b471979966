import Foundation

/// Cuts a byte stream into numbered complete lines, holding at most `maxLineBytes` of an
/// unfinished one: a line over the limit is reported once by its number and its bytes dropped,
/// so a 10 MB line costs neither 10 MB of memory nor a 10 MB message.
struct LineSplitter {
    enum Line: Equatable {
        case text(number: Int, String)
        case tooLong(number: Int)
    }

    let maxLineBytes: Int
    private(set) var lineNumber = 0
    private var pending = Data()
    /// The current line is over the limit: drop bytes up to its end.
    private var skipping = false

    init(maxLineBytes: Int) {
        self.maxLineBytes = maxLineBytes
    }

    mutating func append(_ data: Data) -> [Line] {
        var lines: [Line] = []
        var rest = data[...]
        while let newline = rest.firstIndex(of: UInt8(ascii: "\n")) {
            let piece = rest[rest.startIndex..<newline]
            rest = rest[rest.index(after: newline)...]
            lineNumber += 1
            if skipping || pending.count + piece.count > maxLineBytes {
                if !skipping { lines.append(.tooLong(number: lineNumber)) }
                skipping = false
                pending = Data()
                continue
            }
            pending.append(piece)
            lines.append(.text(number: lineNumber, String(decoding: pending, as: UTF8.self)))
            pending = Data()
        }
        if skipping { return lines }
        if pending.count + rest.count > maxLineBytes {
            // Reported now, while the line is still being written; the rest of it is dropped.
            lines.append(.tooLong(number: lineNumber + 1))
            skipping = true
            pending = Data()
        } else {
            pending.append(rest)
        }
        return lines
    }
}
