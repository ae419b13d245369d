import ArgumentParser
import Foundation
import TrackplanCore
import TrackplanFormat

/// `trackplan init [DIR]`
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a small, commented starter plan (and the JSON Schema for editor autocomplete).",
        discussion: "Writes DIR/trackplan.yaml and DIR/trackplan.schema.json; refuses to overwrite either."
    )

    @Argument(help: "The directory to write into (default: the current directory).")
    var directory: String = "."

    func run() throws {
        let dir = URL(fileURLWithPath: directory)
        let files = [("trackplan.yaml", StarterPlan.yaml), ("trackplan.schema.json", EmbeddedSchema.json)]
        for (name, _) in files where FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path) {
            Terminal.writeError("error: \((directory as NSString).appendingPathComponent(name)) already exists; trackplan init does not overwrite files\n")
            try ExitStatus.failure.exit()
        }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw ValidationError("cannot create `\(directory)`: \(error.localizedDescription)")
        }
        for (name, content) in files {
            try OutputFile.write(content, to: dir.appendingPathComponent(name).path)
        }
        let plan = (directory as NSString).appendingPathComponent("trackplan.yaml")
        Terminal.write("wrote \(plan) and \((directory as NSString).appendingPathComponent("trackplan.schema.json"))\nnext: edit the plan, then run `trackplan lint \(plan)`\n")
    }
}
