import Foundation
import StarRocksDDL

/// Spelling helpers for fix SQL; quoting is StarRocksDDL's `SQLQuoting` (the project's one quoting helper).
enum SQL {
    /// A canonical `CREATE ... `name`` statement with the name qualified by its database.
    static func qualifyingCreate(_ statement: String, database: String, name: String) -> String {
        let bare = SQLQuoting.backticked(name)
        guard let range = statement.range(of: bare) else { return statement }
        return statement.replacingCharacters(in: range, with: SQLQuoting.qualified(database, name))
    }

    /// `ALTER TABLE `db`.`t` <clause>;`.
    static func alterTable(_ database: String, _ table: String, _ clause: String) -> String {
        "ALTER TABLE \(SQLQuoting.qualified(database, table)) \(clause);"
    }
}
