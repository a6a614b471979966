import Foundation

/// What an error code looks like (`Ecs.0005`, `CCE.01400001`, `APIGW.0301`, `403`), to undo
/// bodies with code and message swapped: an ECS doc shows `"code": "request body is
/// illegal.", "message": "Ecs.0005"`, and a server built from it may send the same.
enum ErrorCodeShape {
    /// Letters, digits, `.`, `_` or `-`, with a digit, and no spaces.
    static func looksLikeCode(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 40
            && text.unicodeScalars.allSatisfy { isDigit($0) || isCodeLetter($0) }
            && text.unicodeScalars.contains(where: isDigit)
    }

    /// Words with a space between them: a sentence, never a code.
    static func looksLikeSentence(_ text: String) -> Bool {
        text.trimmingCharacters(in: .whitespaces).contains(" ")
    }

    /// The pair as found, or swapped when the code reads as a sentence and the message as a code.
    static func unswapped(_ found: ErrorFields.Found) -> ErrorFields.Found {
        guard let code = found.code, let message = found.message,
              looksLikeSentence(code), looksLikeCode(message)
        else { return found }
        return ErrorFields.Found(code: message, message: code)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isCodeLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "." || scalar == "_" || scalar == "-"
    }
}
