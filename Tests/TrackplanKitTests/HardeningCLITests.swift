import Foundation
import Testing
@testable import TrackplanCore
@testable import TrackplanFormat
@testable import TrackplanGenerators

/// The hardening defects that show through the command line: outputs that destroyed what they
/// wrote to, includes that read any file, interrupted builds, the smaller ones.
@Suite struct HardeningCLITests {
    static let plan = Harness.header + "events:\n  add_to_cart:\n    stage: decision\n    description: Adds to cart.\n"

    func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func type(_ path: String) throws -> FileAttributeType? {
        try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
    }

    // MARK: 1. `-o` writes through devices and links, keeps permissions

    @Test func outputToDevNullLeavesTheDevice() throws {
        let dir = try TempDirectory(["p.yaml": Self.plan])
        let result = try CLI.run(["lint", "p.yaml", "-o", "/dev/null"], in: dir.url)
        #expect(result.status == 0)
        #expect(try type("/dev/null") == .typeCharacterSpecial)
    }

    @Test func outputToDevStdoutPrints() throws {
        let dir = try TempDirectory(["p.yaml": Self.plan])
        let result = try CLI.run(["ga4", "p.yaml", "-o", "/dev/stdout"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("{\n  \"version\": 1,\n  \"plan\": \"Test\""))
    }

    @Test func outputToAFIFOIsWrittenThrough() throws {
        let dir = try TempDirectory(["p.yaml": Self.plan])
        let fifo = dir.url.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Task.detached { () -> String in
            let handle = FileHandle(forReadingAtPath: fifo)
            let data = handle?.readDataToEndOfFile() ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
        let result = try CLI.run(["docs", "p.yaml", "-o", fifo], in: dir.url)
        #expect(result.status == 0)
        let received = try awaitResult(reader)
        #expect(received.hasPrefix("# Test — tracking plan\n"))
        #expect(try type(fifo) == .typeUnknown || (try type(fifo)) != .typeRegular)
    }

    func awaitResult(_ task: Task<String, Never>) throws -> String {
        let semaphore = DispatchSemaphore(value: 0)
        let box = ResultBox()
        Task { box.value = await task.value; semaphore.signal() }
        #expect(semaphore.wait(timeout: .now() + 20) == .success)
        return box.value
    }

    final class ResultBox: @unchecked Sendable { var value = "" }

    @Test func outputKeepsPermissionsAndFollowsLinks() throws {
        let dir = try TempDirectory(["p.yaml": Self.plan, "real/out.json": "old\n"])
        let real = dir.url.appendingPathComponent("real/out.json").path
        #expect(chmod(real, 0o640) == 0)
        let link = dir.url.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let result = try CLI.run(["gtm", "p.yaml", "-o", "link.json"], in: dir.url)
        #expect(result.status == 0)
        #expect(try type(link) == .typeSymbolicLink)
        #expect(try mode(real) == 0o640)
        #expect(try String(contentsOfFile: real, encoding: .utf8).hasPrefix("{\n  \"exportFormatVersion\": 2,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.appendingPathComponent("real").path) == ["out.json"])
    }

    @Test func outputToADirectoryIsRefused() throws {
        let dir = try TempDirectory(["p.yaml": Self.plan, "out/keep": "x"])
        let result = try CLI.run(["gtm", "p.yaml", "-o", "out"], in: dir.url)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: cannot write `out`: it is a directory\n"))
    }

    // MARK: 6. Includes stay inside the plan's directory

    @Test func includesOutsideThePlanDirectoryAreRefused() throws {
        let dir = try TempDirectory([
            "secret.yaml": "events:\n  leaked_secret_value: {}\n",
            "plans/plan.yaml": Harness.header + "include:\n  - ../secret.yaml\n  - /etc/passwd\n  - link.yaml\n",
        ])
        try FileManager.default.createSymbolicLink(atPath: dir.url.appendingPathComponent("plans/link.yaml").path,
                                                   withDestinationPath: dir.url.appendingPathComponent("secret.yaml").path)
        let result = try CLI.run(["lint", "plans/plan.yaml"], in: dir.url)
        #expect(result.status == 1)
        let root = try #require(realpath(dir.url.appendingPathComponent("plans").path, nil).map { p in defer { free(p) }; return String(cString: p) })
        let messages = result.stdout.split(separator: "\n").filter { $0.hasPrefix("plans/plan.yaml:") }
        #expect(messages == [
            "plans/plan.yaml:7:5: error: `../secret.yaml` is outside the plan's directory (`\(root)`); included files must stay inside it [include]",
            "plans/plan.yaml:8:5: error: `/etc/passwd` is not a YAML file; included files end in `.yaml` or `.yml` [include]",
            "plans/plan.yaml:9:5: error: `link.yaml` is outside the plan's directory (`\(root)`); included files must stay inside it [include]",
        ])
        #expect(!result.stdout.contains("leaked_secret_value"))
        // Widened explicitly, the same include loads.
        let widened = try CLI.run(["lint", "plans/plan.yaml", "--include-root", "."], in: dir.url)
        #expect(!widened.stdout.contains("../secret.yaml` is outside"))
        #expect(!widened.stdout.contains("link.yaml` is outside"))
    }

    @Test func includesOfDevicesAndPipesAndControlCharactersAreRefused() throws {
        let dir = try TempDirectory(["plan.yaml": Harness.header + "include: [pipe.yaml, \"a\\u0000b.yaml\"]\n"])
        #expect(mkfifo(dir.url.appendingPathComponent("pipe.yaml").path, 0o600) == 0)
        let result = try CLI.run(["lint", "plan.yaml"], in: dir.url)
        let messages = result.stdout.split(separator: "\n").filter { $0.hasPrefix("plan.yaml:") }
        #expect(messages == [
            "plan.yaml:6:11: error: cannot include `pipe.yaml`: it is a named pipe, not a regular file [include]",
            #"plan.yaml:6:22: error: include paths must not contain control characters, found `a\u{0}b.yaml` [include]"#,
        ])
    }

    @Test func aDeviceAsThePlanIsRefusedForWhatItIs() throws {
        let result = try CLI.run(["lint", "/dev/zero"])
        #expect(result.status == 2)
        #expect(result.stdout == "error: cannot read plan `/dev/zero`: it is a character device, not a regular file\n1 plan could not be read\n")
    }

    // MARK: 7. An interrupted build is noticed and cleaned up

    @Test func leftoversOfAnInterruptedBuildAreReportedAndCleared() throws {
        let dir = try TempDirectory(["p.yaml": Self.plan])
        #expect(try CLI.run(["build", "p.yaml", "--out", "out"], in: dir.url).status == 0)
        // What a build killed between its renames leaves: a marker and a temporary file.
        try dir.write("out/\(OutputDirectory.pendingMarker)", "TRACKING.md\n")
        try dir.write("out/.TRACKING.md\(OutputDirectory.temporarySuffix)", "half")
        let check = try CLI.run(["build", "p.yaml", "--out", "out", "--check"], in: dir.url)
        #expect(check.status == 1)
        #expect(check.stdout == """
        lint: 3 warnings, 1 info in 1 plan
        leftover: out/.TRACKING.md.trackplan-tmp
        leftover: out/.trackplan-build-pending
        generated files are out of date: run `trackplan build p.yaml --out out`

        """)
        #expect(try CLI.run(["build", "p.yaml", "--out", "out"], in: dir.url).status == 0)
        #expect(try CLI.run(["build", "p.yaml", "--out", "out", "--check"], in: dir.url).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.appendingPathComponent("out").path).sorted()
                == ["TRACKING.md", "ga4-admin.json", "gtm-container.json"])
    }

    @Test func aBuildWritesTheSetWithoutLeavingTemporaryFiles() throws {
        let dir = try TempDirectory()
        let out = OutputDirectory(dir.url.path)
        let files = [GeneratedFile(name: "a.json", content: "{}\n"), GeneratedFile(name: "b.md", content: "# B\n")]
        _ = try out.sync(files)
        let changed = [GeneratedFile(name: "a.json", content: "{\"x\": 1}\n"), GeneratedFile(name: "b.md", content: "# B2\n")]
        #expect(try out.sync(changed).map(\.status) == [.wrote, .wrote])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted() == ["a.json", "b.md"])
        #expect(try out.check(changed).map(\.status) == [.unchanged, .unchanged])
    }

    // MARK: 8. Smaller defects

    @Test func unknownTagsAreRefused() {
        let lines = Harness.lines(Harness.load(["plan.yaml": Harness.header + "description: !!binary aGVsbG8=\n"]).diagnostics)
        #expect(lines == ["plan.yaml:6:14-6:14: error: tag `!!binary` is not supported; a plan holds plain strings, numbers, booleans, lists and mappings [yaml-syntax]"])
        let local = Harness.lines(Harness.load(["plan.yaml": Harness.header + "description: !custom x\n"]).diagnostics)
        #expect(local == ["plan.yaml:6:14-6:14: error: tag `!custom` is not supported; a plan holds plain strings, numbers, booleans, lists and mappings [yaml-syntax]"])
        #expect(Harness.load(["plan.yaml": Harness.header + "description: !!str 12\n"]).diagnostics.isEmpty)
    }

    @Test func utf32IsNamedAsSuch() {
        let result = YAMLReader().read([0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00], path: "t.yaml")
        #expect(result.diagnostics.map(\.message) == ["file is UTF-32 encoded; plans must be UTF-8"])
        let sixteen = YAMLReader().read([0xFF, 0xFE, 0x61, 0x00], path: "t.yaml")
        #expect(sixteen.diagnostics.map(\.message) == ["file is UTF-16 encoded; plans must be UTF-8"])
    }

    @Test(arguments: ["abc", "-1", "99999999999999", "1.5"])
    func invalidSourceDateEpochIsRefused(value: String) throws {
        let dir = try TempDirectory(["p.yaml": Self.plan])
        let result = try CLI.run(["gtm", "p.yaml", "-o", "c.json"], in: dir.url, environment: ["SOURCE_DATE_EPOCH": value])
        #expect(result.status == 64)
        #expect(result.stderr.hasSuffix("error: SOURCE_DATE_EPOCH is `\(value)`; it must be a whole number of seconds since 1970-01-01 UTC, from 0 to 253402300799 (unset it to use 2000-01-01 00:00:00)\n"))
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("c.json").path))
    }

    @Test func brokenFlowValuesGetAHintToQuote() {
        let lines = Harness.load(["plan.yaml": Harness.header + "description: {Buy now, save 20%\n"]).diagnostics.map { "\($0.message) | \($0.hint ?? "")" }
        #expect(lines == ["did not find expected ',' or '}' while parsing a flow mapping that starts at plan.yaml:6:14 | a value that starts with `{` is read as a mapping: close it with `}`, or quote the whole value (`'{…}'`) if it is text"])
    }

    @Test func baselinesMatchHoweverThePlanPathIsSpelled() throws {
        let plan = Harness.header + "events:\n  AddToCart:\n    stage: decision\n    description: Adds.\n"
        let dir = try TempDirectory(["sub/plan.yaml": plan, "other.yaml": plan])
        let sub = dir.url.appendingPathComponent("sub")
        #expect(try CLI.run(["lint", "plan.yaml", "--write-baseline", "baseline.json"], in: sub).status == 0)
        #expect(try String(contentsOf: sub.appendingPathComponent("baseline.json"), encoding: .utf8).contains("\"plan\": \"plan.yaml\""))
        // From the parent directory, and spelled with ./ from the same one: everything is known.
        let parent = try CLI.run(["lint", "sub/plan.yaml", "--baseline", "sub/baseline.json"], in: dir.url)
        #expect(parent.status == 0)
        #expect(parent.stdout == "no problems in 1 plan (6 known findings hidden by the baseline)\n")
        #expect(try CLI.run(["lint", "./plan.yaml", "--baseline", "./baseline.json"], in: sub).status == 0)
        // A baseline that matches none of the plans says so instead of silently hiding nothing.
        let other = try CLI.run(["lint", "other.yaml", "--baseline", "sub/baseline.json"], in: dir.url)
        #expect(other.status == 1)
        #expect(other.stdout.contains("note: the baseline has no entry for the plans linted (`../other.yaml`); it records `plan.yaml`. Plan paths in a baseline are relative to its directory: record it again with --write-baseline\n"))
        #expect(PathUtil.relative("sub/plan.yaml", to: "sub", workingDirectory: "/r") == "plan.yaml")
        #expect(PathUtil.relative("plan.yaml", to: "/r/a/b", workingDirectory: "/r") == "../../plan.yaml")
        #expect(PathUtil.relative("/r/x.yaml", to: ".", workingDirectory: "/r") == "x.yaml")
    }

    /// What a pre-commit hook passes: the changed files, fragments and unrelated YAML included.
    @Test func fragmentsAreLintedAsPartOfThePlanThatIncludesThem() throws {
        let dir = try TempDirectory([
            "tracking/plan.yaml": Harness.header + "include: [events/cart.yaml]\n",
            "tracking/events/cart.yaml": "events:\n  add_to_cart:\n    stage: decision\n    description: Adds.\n",
            "tracking/events/loose.yaml": "events:\n  loose_view:\n    stage: awareness\n",
            ".github/workflows/ci.yml": "on: [push]\njobs: {}\n",
        ])
        try dir.write(".git/HEAD", "ref: refs/heads/main\n")
        let result = try CLI.run(["lint", "--plans-only", "tracking/events/cart.yaml", ".github/workflows/ci.yml"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("""
        note: `tracking/events/cart.yaml` is a fragment included by `tracking/plan.yaml`; it is linted as part of that plan
        note: skipped 1 YAML file that is not a trackplan file: `.github/workflows/ci.yml`

        """))
        #expect(result.stdout.hasSuffix(" in 1 plan\n"))
        #expect(!result.stdout.contains("error"))
        let orphan = try CLI.run(["lint", "tracking/events/loose.yaml"], in: dir.url)
        #expect(orphan.status == 1)
        #expect(orphan.stdout.hasPrefix("tracking/events/loose.yaml:1:1: error: `tracking/events/loose.yaml` holds only `page_types`, `events` or `include`, and no plan in its folder or above includes it [include]\n"))
    }
}
