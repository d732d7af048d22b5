import StarRocksDDL

// Round-trip checks (STYLE.md lesson 2): an object whose canonical text does not parse and lower back to the same
// model cannot be compared faithfully, and the differ reports it as *not compared* instead of clean.

/// Whether `table` survives print → parse → lower unchanged.
public func roundTrips(_ table: Table) -> Bool {
    guard case .createTable(let create)? = singleStatement(CanonicalDDL.table(table)), create.like == nil else {
        return false
    }
    return Table(create) == table
}

/// Whether `view` survives print → parse → lower unchanged.
public func roundTrips(_ view: View) -> Bool {
    guard case .createView(let create)? = singleStatement(CanonicalDDL.view(view)) else { return false }
    return View(create) == view
}

/// Whether `view` survives print → parse → lower unchanged.
public func roundTrips(_ view: MaterializedView) -> Bool {
    guard case .createMaterializedView(let create)? = singleStatement(CanonicalDDL.materializedView(view)) else {
        return false
    }
    return MaterializedView(create) == view
}

/// The only statement of `text`, or `nil` when it does not parse to exactly one statement.
private func singleStatement(_ text: String) -> Statement? {
    guard let statements = try? DDLParser.parse(text, file: "<canonical>"), statements.count == 1 else { return nil }
    return statements[0].statement
}
