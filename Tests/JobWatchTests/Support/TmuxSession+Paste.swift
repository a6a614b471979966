extension TmuxSession {
    /// Pastes `text` as a terminal would: `paste-buffer -p` wraps it in the bracketed-paste
    /// markers when the program turned that mode on (and sends it bare otherwise).
    func paste(_ text: String) async throws {
        try await tmux(["set-buffer", "-b", "jw-paste", "--", text])
        try await tmux(["paste-buffer", "-p", "-d", "-b", "jw-paste"])
    }
}
