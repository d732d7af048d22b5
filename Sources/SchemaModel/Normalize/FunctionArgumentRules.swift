/// Default arguments the analyzer adds to a function call and the printer then shows.
///
/// StarRocks stores analyzed expressions (generated columns, expression partitions, 3.x view and MV queries) and
/// prints them back through `AstToStringBuilder.visitFunctionCall` / `ExprToSql`, which print the argument list the
/// analyzer completed, not the one the user wrote:
/// - `dictionary_get('dict', k)` prints `dictionary_get('dict', k, false)`: the analyzer records `null_if_not_exist`
///   (default false) and the printer always appends it after the keys (FE test `ExprToSqlDictionaryGetTest`:
///   "dictionary name + keySize keys + exactly one null_if_not_exist flag"; 3.4+);
/// - `time_slice(dt, INTERVAL 1 DAY)` prints `time_slice(dt, INTERVAL 1 day, floor)` and `date_slice` likewise:
///   the boundary argument defaults to `floor` and is printed bare (`visitFunctionCall`, 3.0+).
/// Both sides fold to the completed form: a trailing `false` is dropped from `dictionary_get`, and a `time_slice` /
/// `date_slice` call with two arguments gets the `floor` boundary, a quoted boundary (`'floor'`) losing its quotes.
extension Normalize {
    /// Folds the class above over a token list; `text` reads a token's lower-cased text, `isString` whether it was a
    /// string literal, and `word` makes an identifier token.
    static func foldingDefaultArguments<Token>(_ tokens: [Token], text: (Token) -> String,
                                               isString: (Token) -> Bool, word: (String) -> Token,
                                               comma: Token) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            let name = text(tokens[index])
            guard functionsWithDefaultArguments.contains(name), !isString(tokens[index]), index + 1 < tokens.count,
                  text(tokens[index + 1]) == "(", let close = matchingClose(tokens, from: index + 1, text: text) else {
                out.append(tokens[index])
                index += 1
                continue
            }
            var arguments = splitArguments(Array(tokens[(index + 2)..<close]), text: text).map {
                foldingDefaultArguments($0, text: text, isString: isString, word: word, comma: comma)
            }
            switch name {
            case "dictionary_get":
                if arguments.count >= 3, let last = arguments.last, last.count == 1, !isString(last[0]),
                   text(last[0]) == "false" {
                    arguments.removeLast()
                }
            default:
                if arguments.count == 2 { arguments.append([word("floor")]) }
                if arguments.count == 3, arguments[2].count == 1, isString(arguments[2][0]) {
                    let boundary = String(text(arguments[2][0]).lowercased().filter { $0 != "'" })
                    if boundary == "floor" || boundary == "ceil" { arguments[2] = [word(boundary)] }
                }
            }
            out.append(tokens[index])
            out.append(tokens[index + 1])
            for (position, argument) in arguments.enumerated() {
                if position > 0 { out.append(comma) }
                out.append(contentsOf: argument)
            }
            out.append(tokens[close])
            index = close + 1
        }
        return out
    }

    /// The functions whose printed argument list gains a default argument (see the extension's comment).
    static let functionsWithDefaultArguments: Set<String> = ["dictionary_get", "time_slice", "date_slice"]

    /// The index of the `)` matching the `(` at `open`.
    private static func matchingClose<Token>(_ tokens: [Token], from open: Int, text: (Token) -> String) -> Int? {
        var depth = 0
        for index in open..<tokens.count {
            switch text(tokens[index]) {
            case "(", "[": depth += 1
            case ")", "]":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }

    /// The top-level, comma-separated arguments of an argument list (empty list: no arguments).
    private static func splitArguments<Token>(_ tokens: [Token], text: (Token) -> String) -> [[Token]] {
        guard !tokens.isEmpty else { return [] }
        var arguments: [[Token]] = [[]]
        var depth = 0
        for token in tokens {
            let value = text(token)
            if value == "(" || value == "[" { depth += 1 }
            if value == ")" || value == "]" { depth -= 1 }
            if value == "," && depth == 0 {
                arguments.append([])
            } else {
                arguments[arguments.count - 1].append(token)
            }
        }
        return arguments
    }
}
