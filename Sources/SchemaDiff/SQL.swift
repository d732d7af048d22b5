import Foundation

/// Spelling helpers for fix SQL.
enum SQL {
    /// `` `name` `` with backticks doubled.
    static func identifier(_ name: String) -> String {
        "`" + name.split(separator: "`", omittingEmptySubsequences: false).joined(separator: "``") + "`"
    }

    /// `` `db`.`name` ``.
    static func qualified(_ database: String, _ name: String) -> String {
        identifier(database) + "." + identifier(name)
    }

    /// `` `a`, `b` ``.
    static func identifiers(_ names: [String]) -> String {
        names.map(identifier).joined(separator: ", ")
    }

    /// A double-quoted string literal.
    static func string(_ value: String) -> String {
        var out = "\""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    /// A canonical `CREATE ... `name`` statement with the name qualified by its database.
    static func qualifyingCreate(_ statement: String, database: String, name: String) -> String {
        let bare = identifier(name)
        guard let range = statement.range(of: bare) else { return statement }
        return statement.replacingCharacters(in: range, with: qualified(database, name))
    }

    /// `ALTER TABLE `db`.`t` <clause>;`.
    static func alterTable(_ database: String, _ table: String, _ clause: String) -> String {
        "ALTER TABLE \(qualified(database, table)) \(clause);"
    }
}
