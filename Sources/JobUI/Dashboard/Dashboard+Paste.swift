import Foundation
import JobModel

// MARK: - A bracketed paste

extension Dashboard {
    /// A paste is text, never commands: on the tree it opens the add prompt with it (a pasted ID
    /// is what one adds); in a prompt it is inserted whole; a question it cancels like any key.
    static func paste(_ pasted: String, _ state: inout ViewState, snapshot: Snapshot) -> [Effect] {
        let text = promptText(pasted)
        switch state.mode {
        case .normal:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return [.bell] }
            state.mode = .addingJob(text: trimmed, problem: nil)
        case .addingJob(let typed, _):
            state.mode = .addingJob(text: typed + text, problem: nil)
        case .searching(let typed):
            state.mode = .searching(text: typed + text)
        case .confirmingRemove(let jobKey):
            keep(jobKey, &state)
        case .confirmingQuit, .help, .eventLog, .timeline:
            return [.bell]
        }
        return []
    }

    /// Pasted text fit for a one-line prompt: line breaks and tabs become spaces (a list of IDs
    /// one a line becomes IDs separated by spaces); other control characters (an Esc) go.
    static func promptText(_ pasted: String) -> String {
        var out = ""
        for character in pasted {
            if character.isNewline || character == "\t" {
                out.append(" ")
            } else {
                let kept = character.unicodeScalars.filter { $0.properties.generalCategory != .control }
                out.unicodeScalars.append(contentsOf: kept)
            }
        }
        return out
    }
}
