import ArgumentParser
import Foundation
import TrackplanCore
import TrackplanFormat
import TrackplanImport
import TrackplanLint
import TrackplanReports

extension ImportFormat: ExpressibleByArgument {}
extension PlanWriter.Split: ExpressibleByArgument {}

/// `trackplan import SOURCE [-o plan.yaml] [--format …] [--merge-into EXISTING] [--report FILE] [--split …]`
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Start a plan from what a site already has: a GTM container, a Segment, RudderStack or Amplitude plan.",
        discussion: """
        Reads a GTM container export, a Segment tracking plan (Public API rules or Typewriter plan.json), \
        a RudderStack tracking plan or an Amplitude Data CSV export (the format is recognized from the \
        content) and writes a plan in trackplan's YAML. What the source cannot say (stages, micro or \
        macro) is proposed and marked `# proposed:`; what has no place in a plan is a comment and a \
        line of the report. The written plan always loads; `trackplan lint` then says what is left to \
        decide. Exit status: 0 written, 2 the source or the existing plan cannot be read, 64 usage.
        """
    )

    @Argument(help: "The file to import (`-` for standard input).")
    var source: String

    @Option(name: [.short, .long], help: "Where to write the plan (default: standard output).")
    var output: String?

    @Option(name: .long, help: "The source's format: gtm, segment, rudderstack or amplitude-csv (default: recognized from the content).")
    var format: ImportFormat?

    @Option(name: .long, help: ArgumentHelp("Add what the source has and this plan lacks (new events, parameters, page types); what the plan says is kept and conflicts are reported.", valueName: "plan.yaml"))
    var mergeInto: String?

    @Option(name: .long, help: ArgumentHelp("Write the import report here: Markdown, or JSON when the name ends in .json.", valueName: "file"))
    var report: String?

    @Option(name: .long, help: "Split the plan into included files: none, page-type (one file of events per page type) or stage (default: none).")
    var split: PlanWriter.Split = .none

    @Option(name: .long, help: ArgumentHelp("The JSON Schema the plan's first line names for editors (default: ./trackplan.schema.json, written beside the plan when missing; `none` for no line).", valueName: "path-or-url"))
    var schema: String?

    func validate() throws {
        if split != .none, output == nil || output == "-" {
            throw ValidationError("--split writes several files: give the root file with -o")
        }
        if let mergeInto, let output, output != "-",
           URL(fileURLWithPath: mergeInto).standardizedFileURL.path == URL(fileURLWithPath: output).standardizedFileURL.path {
            throw ValidationError("--merge-into never rewrites the existing plan: write the merged plan elsewhere with -o and review it with `trackplan diff \(mergeInto) MERGED.yaml`")
        }
    }

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = source == "-" ? Array(FileHandle.standardInput.readDataToEndOfFile()) : Array(try Data(contentsOf: URL(fileURLWithPath: source)))
        } catch {
            Terminal.writeError("error: cannot read `\(SafeText.escapingControls(source))`: \((error as NSError).localizedDescription)\n")
            try ExitStatus.unreadable.exit()
            return
        }
        var result: ImportResult
        do {
            result = try Importer.importSource(bytes, source: source == "-" ? "standard input" : source, format: format)
        } catch {
            Terminal.writeError("error: \(error.description)\n")
            try ExitStatus.unreadable.exit()
            return
        }
        if let mergeInto {
            let loaded: LoadResult
            do {
                loaded = try PlanLoader(knownRuleIDs: RuleCatalog.ids).load(mergeInto)
            } catch {
                Terminal.writeError("error: \(error.description)\n")
                try ExitStatus.unreadable.exit()
                return
            }
            guard let existing = loaded.plan, !loaded.hasErrors else {
                let report = FindingReport(subjects: [.init(path: mergeInto, files: loaded.files, diagnostics: loaded.diagnostics)], rules: [])
                Terminal.writeError(TextReporter(color: false).format(report) + "error: `\(mergeInto)` does not load; fix it before merging into it\n")
                try ExitStatus.unreadable.exit()
                return
            }
            result = PlanMerger.merge(result, into: existing, existingPath: mergeInto, outputPath: output == "-" ? nil : output)
        }

        let output = self.output == "-" ? nil : self.output
        let schemaReference = schema == "none" ? nil : (schema ?? "./trackplan.schema.json")
        let files = PlanWriter(schema: schemaReference).write(result.plan, comments: result.comments, split: split)
        // What is written must load: check it in memory first.
        let rootName = output.map { PathUtil.fileName(of: $0) } ?? "plan.yaml"
        var memory: [String: String] = [:]
        for file in files { memory[file.path.isEmpty ? rootName : file.path] = file.text }
        let linted = try? Linter().lint(rootName, loader: PlanLoader(sources: MemorySourceProvider(memory), knownRuleIDs: RuleCatalog.ids))
        let reloaded = try? PlanLoader(sources: MemorySourceProvider(memory), knownRuleIDs: RuleCatalog.ids).load(rootName)
        if reloaded?.hasErrors ?? true {
            let errors = (reloaded?.diagnostics ?? []).filter { $0.severity == .error }.prefix(5)
            Terminal.writeError(errors.map { "\($0.message)\n" }.joined()
                                + "internal error: the imported plan does not load; please report this with the source file\n")
            try ExitStatus.software.exit()
        }

        if let output {
            let directory = PathUtil.directory(of: output)
            for file in files {
                let path = file.path.isEmpty ? output : (directory as NSString).appendingPathComponent(file.path)
                try? FileManager.default.createDirectory(atPath: PathUtil.directory(of: path), withIntermediateDirectories: true)
                try OutputFile.write(file.text, to: path)
            }
            if schema == nil {
                let schemaPath = (directory as NSString).appendingPathComponent("trackplan.schema.json")
                if !FileManager.default.fileExists(atPath: schemaPath) { try OutputFile.write(EmbeddedSchema.json, to: schemaPath) }
            }
        } else {
            Terminal.write(files[0].text)
        }
        if let report {
            try? FileManager.default.createDirectory(atPath: PathUtil.directory(of: report), withIntermediateDirectories: true)
            try OutputFile.write(report.hasSuffix(".json") ? ImportReportText.json(result.report) : ImportReportText.markdown(result.report), to: report)
        }
        var summary = ImportReportText.summary(result, output: output ?? "standard output")
        if split != .none { summary += "wrote \(files.count) files: \(output ?? "") and " + files.dropFirst().map(\.path).joined(separator: ", ") + "\n" }
        if let linted {
            let lintReport = FindingReport(subjects: [.init(path: rootName, files: linted.files, diagnostics: linted.diagnostics)], rules: [])
            summary += "lint: " + lintReport.summary + (output.map { " (run `trackplan lint \($0)` for the findings: what is left to decide)" } ?? "") + "\n"
        }
        Terminal.writeError(summary)
    }
}
