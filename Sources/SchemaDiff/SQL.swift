import Foundation
import StarRocksDDL

/// Spelling helpers for fix SQL; quoting is StarRocksDDL's `SQLQuoting` (the project's one quoting helper).
enum SQL {
    /// `` `name` `` with backticks doubled.
    static func identifier(_ name: String) -> String { SQLQuoting.backticked(name) }

    /// `` `db`.`name` ``.
    static func qualified(_ database: String, _ name: String) -> String { SQLQuoting.qualified(database, name) }

    /// `` `a`, `b` ``.
    static func identifiers(_ names: [String]) -> String { SQLQuoting.backtickedList(names) }

    /// A double-quoted string literal.
    static func string(_ value: String) -> String { SQLQuoting.doubleQuoted(value) }

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
