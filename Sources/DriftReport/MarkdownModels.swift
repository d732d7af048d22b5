/// The Markdown of `check --models`: a status line next to the environments' and a section of its own.
enum MarkdownModels {
    /// `- **DRIFT** models `app.models:Base`: 2 changes without a revision`.
    static func statusLine(_ models: ModelsResult) -> String {
        let marker = "**\(models.status.rawValue.uppercased())**"
        let name = "models \(MarkdownText.code(models.source))"
        if let error = models.error {
            return "- \(marker) \(name): could not compare the models with the head: \(MarkdownText.inline(MarkdownReport.firstLine(error, limit: 160)))"
        }
        if models.findings.isEmpty {
            return "- \(marker) \(name): every change is in a revision (\(MarkdownReport.plural(models.objectsCompared, "object")) compared)"
        }
        return "- \(marker) \(name): \(MarkdownReport.plural(models.findings.count, "change")) without a revision"
    }

    /// `## Models without a revision`, the findings, then what was not compared.
    static func blocks(_ models: ModelsResult) -> [String] {
        var blocks = ["## Models \(MarkdownText.code(models.source)): \(models.status.rawValue)"]
        if let error = models.error {
            blocks.append("The models (or the history) could not be read, so the models were not compared with the head.")
            blocks.append(MarkdownText.fenced(error))
            return blocks
        }
        let versions = models.versions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        blocks.append("The models, compiled by the `starrocks` dialect (\(versions.joined(separator: ", "))), "
            + "compared with the migrations' head. Each difference is a change to the models that no revision makes: "
            + "run `alembic revision --autogenerate`, review the revision and commit it with the model change.")
        if models.findings.isEmpty {
            blocks.append("No differences: the head revision builds exactly the models' schema.")
        } else {
            blocks.append("### Changes without a revision (\(models.findings.count))")
            blocks.append(contentsOf: MarkdownFindingBlock.render(models.findings.map { ($0, nil) }))
        }
        if !models.notCompared.isEmpty {
            blocks.append("### Not compared (\(models.notCompared.count))")
            blocks.append(models.notCompared.map { "- \(MarkdownText.code($0.object)): \(MarkdownText.inline($0.reason))" }
                .joined(separator: "\n"))
        }
        return blocks
    }
}
