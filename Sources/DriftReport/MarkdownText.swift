/// Markdown escaping for text that comes from servers and migrations (identifiers, SQL, messages).
enum MarkdownText {
    /// Plain prose: Markdown punctuation backslash-escaped, newlines folded to spaces, so text never turns into markup.
    static func inline(_ text: String) -> String {
        var out = ""
        for character in singleLine(text) {
            if "\\`*_[]<>|#~&".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// A code span whose delimiter is longer than any backtick run inside; padded when the text touches a backtick.
    /// Newlines are folded to spaces (a code span cannot hold them).
    static func code(_ text: String) -> String {
        let flat = singleLine(text)
        if flat.isEmpty { return "` `" }
        let fence = String(repeating: "`", count: longestRun(of: "`", in: flat) + 1)
        let padded = flat.hasPrefix("`") || flat.hasSuffix("`") || (flat.hasPrefix(" ") && flat.hasSuffix(" "))
        return padded ? fence + " " + flat + " " + fence : fence + flat + fence
    }

    /// A code span safe inside a table cell: pipes escaped as `\|` (GitHub applies that escape inside code spans too).
    static func cellCode(_ text: String) -> String {
        code(text).replacingAll("|", with: "\\|")
    }

    /// A fenced code block (info string `language`) whose fence is longer than any backtick run in `text`.
    static func fenced(_ text: String, language: String = "") -> String {
        var body = block(text)
        let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: body) + 1))
        if body.hasSuffix("\n") { body.removeLast() }
        return fence + language + "\n" + body + "\n" + fence
    }

    /// Line breaks (LF, CR, CRLF, U+2028/9) replaced by a space, other control characters by U+FFFD.
    static func singleLine(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\u{2028}", "\u{2029}": out += " "
            case "\t": out += " "
            default: out.unicodeScalars.append(isControl(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }

    /// Block text: line breaks kept (CRLF and CR become LF), other control characters except tab become U+FFFD.
    static func block(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\r": out += "\n"
            case "\n": if !previousWasCR { out += "\n" }
            case "\t": out += "\t"
            default: out.unicodeScalars.append(isControl(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }

    /// C0 and C1 control characters and DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    static func longestRun(of mark: Character, in text: String) -> Int {
        var longest = 0
        var current = 0
        for character in text {
            current = character == mark ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement` (no Foundation in the pure renderers).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
