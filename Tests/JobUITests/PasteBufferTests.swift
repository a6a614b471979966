import JobUI
import Testing

/// A bracketed paste read across several reads becomes one text; its end marker may arrive as
/// raw characters; a paste whose end never comes gives the keyboard back.
struct PasteBufferTests {
    static func feed(_ text: String, into buffer: inout PasteBuffer) -> String? {
        var result: String?
        for scalar in text.unicodeScalars {
            if let pasted = buffer.append(scalar) { result = pasted }
        }
        return result
    }

    @Test func aPasteEndsAtTheRawEndMarkerAndKeepsAnEscThatIsNotOne() {
        let start = ContinuousClock.now
        var buffer = PasteBuffer()
        #expect(Self.feed("ignored", into: &buffer) == nil, "nothing is kept before a paste begins")
        buffer.begin(at: start)
        #expect(buffer.isOpen)
        #expect(Self.feed("abc\u{1B}[2x", into: &buffer) == nil)
        #expect(Self.feed("def" + PasteBuffer.endMarker, into: &buffer) == "abc\u{1B}[2xdef")
        #expect(!buffer.isOpen)
    }

    @Test func theEndMarkerCursesMatchedEndsItToo() {
        var buffer = PasteBuffer()
        buffer.begin(at: .now)
        _ = Self.feed("ecs/ff80", into: &buffer)
        #expect(buffer.end() == "ecs/ff80")
        #expect(buffer.end() == nil, "ended once")
    }

    @Test func aHugePasteIsCutAtTheLimit() {
        var buffer = PasteBuffer()
        buffer.begin(at: .now)
        _ = Self.feed(String(repeating: "x", count: PasteBuffer.limit + 10), into: &buffer)
        #expect(buffer.end()?.unicodeScalars.count == PasteBuffer.limit)
    }

    @Test func aPasteWithoutItsEndIsOverdueAfterItsPatience() {
        let start = ContinuousClock.now
        var buffer = PasteBuffer()
        #expect(!buffer.isOverdue(at: start + .seconds(60)), "no paste, nothing overdue")
        buffer.begin(at: start)
        #expect(!buffer.isOverdue(at: start + PasteBuffer.patience))
        #expect(buffer.isOverdue(at: start + PasteBuffer.patience + .milliseconds(1)))
    }
}
