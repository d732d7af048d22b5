import StarRocksDDL

// Round-trip checks: an object whose canonical text does not parse and lower back to the same model cannot be
// compared faithfully, and the differ reports it as *not compared* instead of clean.

/// Whether `table` survives print → parse → replay unchanged.
public func roundTrips(_ table: Table) -> Bool {
    let scratch = "round_trip"
    guard let catalog = try? Catalog.load(sql: CanonicalDDL.table(table), file: "<canonical>", defaultDatabase: scratch),
          catalog.databases.count == 1, let database = catalog.databases[scratch], database.tables.count == 1,
          database.views.isEmpty, database.materializedViews.isEmpty else {
        return false
    }
    // A table written without a key clause loads with the key the server infers at CREATE TABLE (`fixInferredKey`):
    // the same table.
    var original = table
    original.fixInferredKey()
    return database.tables[table.name] == original
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
