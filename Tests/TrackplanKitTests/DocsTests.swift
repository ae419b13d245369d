import Foundation
import Testing
@testable import TrackplanCore
@testable import TrackplanSpec
@testable import TrackplanFormat
@testable import TrackplanLint
@testable import TrackplanReports
@testable import TrackplanGenerators

@Suite struct DocsTests {
    /// Runs `Tests/check_markdown.py` on `markdown`; returns its output lines.
    func render(_ markdown: String, literals: [String] = []) throws -> [String] {
        let dir = try TempDirectory(["doc.md": markdown])
        let (status, text) = try PythonScript.run("check_markdown.py", [dir.url.appendingPathComponent("doc.md").path] + literals)
        #expect(status == 0, "check_markdown.py failed: is cmarkgfm installed (pip install cmarkgfm)?")
        return text.split(separator: "\n").map(String.init)
    }

    @Test(.enabled(if: Requirement.hasCmarkGFM, Requirement.pythonReason(Requirement.cmarkgfm)), arguments: GoldenTests.examples)
    func examplesRenderWithConsistentTablesAndLinks(name: String) throws {
        let files = try GoldenTests.generate(name)
        let markdown = try #require(files.first { $0.name == "TRACKING.md" }).content
        #expect(try render(markdown) == ["ok"])
    }

    @Test(.enabled(if: Requirement.hasCmarkGFM, Requirement.pythonReason(Requirement.cmarkgfm)))
    func hostileTextStaysText() throws {
        let plan = """
        trackplan: 1
        name: "Pipes | and `ticks` <script>alert(1)</script>"
        description: |
          # Not a heading
          Line two with | pipe and *stars* and [link](http://x) & <b>bold</b>
        stages:
          - id: decision
            name: "Buy | now"
        page_types:
          p:
            name: "<i>Product</i> | page"
            match: {path_prefix: /p/}
            macro: purchase
        events:
          a_click:
            stage: decision
            pages: [p]
            description: "Multi\\nline | with `code` and <script>x</script>"
            leads_to: purchase
            trigger: {click: {selector: 'a[data-x="1|2"]'}}
            params:
              choice: {type: string, values: ['a|b', 'c`d'], description: "1. not a list"}
          purchase:
            kind: macro
            stage: decision
            description: Order.
            params:
              transaction_id: {type: string}

        """
        let result = Harness.load(["plan.yaml": plan])
        #expect(!result.hasErrors, "\(Harness.lines(result.diagnostics))")
        let loaded = try #require(result.plan)
        let markdown = TrackingDocument(plan: loaded, spec: MeasurementSpec(plan: loaded), findings: Linter().check(loaded)).render()
        let output = try render(markdown, literals: [
            "Pipes | and `ticks` <script>alert(1)</script>",
            "# Not a heading Line two with | pipe and *stars* and [link](http://x) & <b>bold</b>",
            "Multi line | with `code` and <script>x</script>",
            "a[data-x=\"1|2\"]",
            "a|b",
            "c`d",
            "1. not a list",
            "<i>Product</i> | page",
        ])
        #expect(output == ["ok"])
    }

    @Test func escapingHelpers() {
        #expect(MarkdownText.escape("a|b *c* <d> & e\nf") == #"a\|b \*c\* &lt;d&gt; &amp; e f"#)
        #expect(MarkdownText.escape("# title") == ##"\# title"##)
        #expect(MarkdownText.escape("1. item") == #"1\. item"#)
        #expect(MarkdownText.code("a`b") == "``a`b``")
        #expect(MarkdownText.code("x|y") == #"`x\|y`"#)
        var slugger = Slugger()
        #expect(slugger.slug("Product page (product)") == "product-page-product")
        #expect(slugger.slug("Product page (product)") == "product-page-product-1")
        #expect(slugger.slug("Acme — tracking plan") == "acme--tracking-plan")
        #expect(TriggerWording.describe(.video(percents: [25, 50, 75], start: false, complete: false)) == "watches 25/50/75% of a YouTube video")
        #expect(TriggerWording.describe(.scroll(percents: [50, 90])) == "scrolls past 50%, 90%")
        #expect(TriggerWording.describe(.click(selector: "button.add-to-wishlist")) == "click on `button.add-to-wishlist`")
        #expect(TriggerWording.stars(4) == "★★★★☆")
    }

    @Test func buildWritesChecksAndRefuses() throws {
        let dir = try TempDirectory()
        let out = dir.url.appendingPathComponent("out").path
        let plan = "examples/healthcare-practice.yaml"
        let first = try CLI.run(["build", plan, "--out", out])
        #expect(first.status == 0)
        #expect(first.stdout == "lint: no problems in 1 plan\nwrote \(out)/gtm-container.json\nwrote \(out)/ga4-admin.json\nwrote \(out)/TRACKING.md\n")
        let again = try CLI.run(["build", plan, "--out", out])
        #expect(again.stdout == "lint: no problems in 1 plan\nunchanged \(out)/gtm-container.json\nunchanged \(out)/ga4-admin.json\nunchanged \(out)/TRACKING.md\n")
        let upToDate = try CLI.run(["build", plan, "--out", out, "--check"])
        #expect(upToDate.status == 0)
        #expect(upToDate.stdout == "lint: no problems in 1 plan\ngenerated files are up to date in \(out)\n")
        try "changed".write(toFile: out + "/TRACKING.md", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: out + "/ga4-admin.json")
        let stale = try CLI.run(["build", plan, "--out", out, "--check"])
        #expect(stale.status == 1)
        #expect(stale.stdout == "lint: no problems in 1 plan\nmissing: \(out)/ga4-admin.json\ndiffers: \(out)/TRACKING.md\ngenerated files are out of date: run `trackplan build \(plan) --out \(out)`\n")
        #expect(try String(contentsOfFile: out + "/TRACKING.md", encoding: .utf8) == "changed")  // --check writes nothing
        // A plan with errors: nothing written.
        try dir.write("bad.yaml", Harness.header + "events:\n  AddToCart: {stage: decision}\n")
        let bad = try CLI.run(["build", "bad.yaml", "--out", "bad-out"], in: dir.url)
        #expect(bad.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("bad-out").path))
    }

    @Test func committedBuildOutputsAreUpToDate() throws {
        for name in GoldenTests.examples {
            let result = try CLI.run(["build", "examples/\(name).yaml", "--out", "examples/build/\(name)", "--check"],
                                     environment: ["SOURCE_DATE_EPOCH": ""])
            #expect(result.status == 0, "\(result.stdout)")
        }
    }

    @Test func initWritesAStarterThatLintsWithoutErrorsOrWarnings() throws {
        let dir = try TempDirectory()
        let result = try CLI.run(["init", "site"], in: dir.url)
        #expect(result.status == 0)
        let lint = try CLI.run(["lint", "site/trackplan.yaml"], in: dir.url)
        #expect(lint.status == 0)
        #expect(lint.stdout.hasSuffix("\n1 info in 1 plan\n"))
        #expect(lint.stdout.contains("[ga4-measurement-id]"))
        let schema = try String(contentsOf: dir.url.appendingPathComponent("site/trackplan.schema.json"), encoding: .utf8)
        #expect(schema == (try String(contentsOf: TestPaths.root.appendingPathComponent("Schemas/trackplan.schema.json"), encoding: .utf8)))
        let again = try CLI.run(["init", "site"], in: dir.url)
        #expect(again.status == 1)
        #expect(again.stderr == "error: site/trackplan.yaml already exists; trackplan init does not overwrite files\n")
    }
}
