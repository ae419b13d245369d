import Foundation

/// Serves files as they are at a git revision (`git cat-file`), so a plan and its includes can be
/// read at `main` or `HEAD~1` without checking them out.
///
/// Paths may carry the revision as a prefix (`main:tracking/plan.yaml`, as diagnostics show
/// them) or not; either way they are read at ``revision``, relative to ``directory`` (the
/// working directory by default), as `git cat-file blob REV:./PATH` does.
public struct GitSourceProvider: SourceProvider {
    /// The revision read (`main`, `HEAD~1`, a commit id).
    public var revision: String
    /// The directory git runs in; paths are relative to it.
    public var directory: String

    /// A provider of the files at `revision`, relative to `directory`.
    public init(revision: String, directory: String = FileManager.default.currentDirectoryPath) {
        self.revision = revision
        self.directory = directory
    }

    /// `path` as shown: `REV:path` (with `./` when it has no directory, so includes keep the prefix).
    public func displayPath(_ path: String) -> String {
        let plain = PathUtil.normalize(path)
        return "\(revision):" + (plain.contains("/") ? plain : "./" + plain)
    }

    /// The object name git resolves: `REV:./path`.
    func object(_ path: String) -> String {
        var plain = path
        if plain.hasPrefix(revision + ":") { plain.removeFirst(revision.count + 1) }
        plain = PathUtil.normalize(plain)
        return "\(revision):./" + (plain == "." ? "" : plain)
    }

    /// Runs git; its standard output, or nil when it failed.
    func git(_ arguments: [String]) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }

    public func contents(of path: String) throws -> [UInt8] {
        guard let kind = kind(of: path) else {
            throw SourceReadError(git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"]) == nil
                                  ? "`\(revision)` is not a git revision here" : "no such file at `\(revision)`")
        }
        guard kind == .regular else { throw SourceReadError(kind.refusal) }
        guard let data = git(["cat-file", "blob", object(path)]) else { throw SourceReadError("git could not read it") }
        return [UInt8](data)
    }

    public func kind(of path: String) -> FileKind? {
        guard let type = git(["cat-file", "-t", object(path)]).map({ String(decoding: $0, as: UTF8.self) }) else { return nil }
        switch type.trimmingCharacters(in: .whitespacesAndNewlines) {
        case "blob": return .regular
        case "tree": return .directory
        default: return .other
        }
    }

    public func canonicalPath(of path: String) -> String? {
        kind(of: path) == nil ? nil : object(path)
    }

    public func identity(of path: String) -> String { object(path) }

    public func siblings(in directory: String) -> [String] {
        guard let data = git(["ls-tree", "--name-only", object(directory)]) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
