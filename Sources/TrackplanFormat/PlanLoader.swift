import TrackplanCore

/// Loads a plan: reads the root file and its includes, decodes the typed model, and checks
/// references. Problems become diagnostics; loading never traps on bad input.
public struct PlanLoader: Sendable {
    /// Where file contents come from.
    public var sources: any SourceProvider
    /// The YAML reader's options.
    public var readerOptions: YAMLReader.Options
    /// The rule ids that `suppress` and `lint.rules` may name; nil when the caller does not
    /// know them (the references are then not checked). The linter sets them to its rules.
    public var knownRuleIDs: [String]?

    /// The directory included files must stay inside (symbolic links resolved); nil means the
    /// directory of the root plan file.
    public var includeRoot: String?

    /// The most files one plan may include in total.
    public static let maxIncludedFiles = 1000

    /// Creates a loader reading from disk with the default limits.
    public init(sources: any SourceProvider = DiskSourceProvider(),
                readerOptions: YAMLReader.Options = YAMLReader.Options(),
                knownRuleIDs: [String]? = nil, includeRoot: String? = nil) {
        self.sources = sources
        self.readerOptions = readerOptions
        self.knownRuleIDs = knownRuleIDs
        self.includeRoot = includeRoot
    }

    /// Loads the plan whose root file is `path`.
    ///
    /// - Throws: ``PlanUnreadableError`` when the root file cannot be read at all.
    public func load(_ path: String) throws(PlanUnreadableError) -> LoadResult {
        if let refused = LoadSession.tooLarge(path, sources: sources, limit: readerOptions.limits.maxFileSize) {
            return LoadResult(plan: nil, diagnostics: [refused], files: [refused.span?.file].compactMap { $0 })
        }
        let bytes: [UInt8]
        do {
            bytes = try sources.contents(of: path)
        } catch {
            throw PlanUnreadableError(path: path, reason: (error as? SourceReadError)?.reason ?? "\(error)")
        }
        var session = LoadSession(loader: self)
        return session.loadRoot(bytes: bytes, path: path)
    }
}

/// The state of one load: files read so far, entities collected, diagnostics.
struct LoadSession {
    let loader: PlanLoader
    var decoder = FieldDecoder()
    var files: [SourceFile] = []
    /// Identity of each file read → the span of the include entry that brought it in.
    var loaded: [String: SourceSpan?] = [:]
    var pageTypes: [PageType] = []
    var events: [Event] = []
    var pageTypeIndex: [String: Int] = [:]
    var eventIndex: [String: Int] = [:]
    /// Nodes read so far, over every file.
    var nodesRead = 0
    /// The anchored nodes aliases used, over every file.
    var anchorUses: [YAMLReader.AnchorUse] = []
    /// Events whose `kind` was written but could not be read: references to them are not
    /// judged (the `kind` error is the cause).
    var undecidedKinds: Set<String> = []

    init(loader: PlanLoader) {
        self.loader = loader
    }

    static let rootKeys = PlanKeys.root
    static let includedKeys = PlanKeys.includedFile

    /// What the root file says besides page types and events.
    struct RootSettings {
        var file: SourceFile
        var formatVersion: Int
        var name: String
        var description: String?
        var measurementID: Located<String>?
        var ga4Span: SourceSpan?
        var hostnames: [Located<String>] = []
        var codegen: [Located<String>] = []
        var consent = ConsentSettings()
        var gtmPublicID: Located<String>?
        var sharedParams: [Param] = []
        var userProperties: [Param] = []
        var conventions: Conventions
        var stages: [Stage]
        var ruleSettings: [RuleSetting]
    }

    mutating func loadRoot(bytes: [UInt8], path: String) -> LoadResult {
        guard let (root, includes) = loadRootFile(bytes: bytes, path: path) else {
            return LoadResult(plan: nil, diagnostics: Diagnostic.sorted(Self.mergeAnchored(Self.unique(decoder.allDiagnostics), anchorUses), files: files), files: files)
        }
        // The root file's node tree is released by now; included files are read one by one.
        loadIncludes(includes, from: root.file)
        var plan = Plan(
            formatVersion: root.formatVersion, name: root.name, description: root.description,
            measurementID: root.measurementID, conventions: root.conventions, stages: root.stages,
            pageTypes: pageTypes, events: events, ruleSettings: root.ruleSettings,
            files: files, rootFile: root.file)
        plan.ga4Span = root.ga4Span
        plan.hostnames = root.hostnames
        plan.codegen = root.codegen
        plan.consent = root.consent
        plan.gtmPublicID = root.gtmPublicID
        plan.sharedParams = root.sharedParams
        plan.userProperties = root.userProperties
        ReferenceCheck(knownRuleIDs: loader.knownRuleIDs, undecidedKinds: undecidedKinds).run(&plan, into: &decoder)
        return LoadResult(plan: plan, diagnostics: Diagnostic.sorted(Self.mergeAnchored(Self.unique(decoder.allDiagnostics), anchorUses), files: files), files: files)
    }

    /// Reads the root file: its settings and entities, and its `include` list (still to load).
    mutating func loadRootFile(bytes: [UInt8], path: String) -> (RootSettings, [Located<String>])? {
        guard let fields = readFile(bytes: bytes, path: path, includedFrom: nil) else { return nil }
        let rootFile = fields.node.span.file
        decoder.checkKeys(fields, allowed: Self.rootKeys, in: "the plan")

        var formatVersion = 1
        if let node = fields["trackplan"] {
            if case .int(let version)? = node.value {
                if version != 1 {
                    decoder.error("unknown format version \(version); this trackplan reads version 1", at: node.span, path: .key("trackplan"),
                                  hint: "write `trackplan: 1`, or upgrade trackplan")
                }
                formatVersion = version
            } else {
                decoder.error("`trackplan` must be the format version `1`, found \(FieldDecoder.found(node))", at: node.span,
                              path: .key("trackplan"), hint: "write `trackplan: 1`")
            }
        } else {
            decoder.missing("trackplan", in: fields, what: "the plan", hint: "start the plan with `trackplan: 1` (the format version)")
        }
        let name = decoder.name(fields["name"], "name", path: .key("name"))
        if name == nil, fields["name"]?.isNull == true || fields["name"] == nil {
            decoder.missing("name", in: fields, what: "the plan", hint: "add `name: Your Site` (the plan's name)")
        }
        let description = decoder.string(fields["description"], "description", path: .key("description"))?.value
        let measurementID = loadGA4(fields["ga4"])
        let conventions = loadConventions(fields["conventions"])
        let stages = loadStages(fields["stages"], in: fields)
        let ruleSettings = loadLintSettings(fields["lint"])

        let includes = loadEntities(fields)
        var settings = RootSettings(file: rootFile, formatVersion: formatVersion, name: name?.value ?? "", description: description,
                                    measurementID: measurementID, conventions: conventions, stages: stages, ruleSettings: ruleSettings)
        settings.ga4Span = fields.position(of: "ga4").map { fields.key($0).span }
        settings.hostnames = loadHostnames(fields["hostnames"])
        settings.codegen = loadCodegen(fields["codegen"])
        settings.consent = loadConsent(fields["consent"])
        settings.gtmPublicID = loadGTM(fields["gtm"])
        settings.sharedParams = loadParamMap(fields["shared_params"], key: "shared_params", what: "shared parameter")
        settings.userProperties = loadParamMap(fields["user_properties"], key: "user_properties", what: "user property")
        return (settings, includeEntries(includes))
    }

    /// The outputs `codegen` may name.
    static let codegenTargets = ["typescript"]

    /// `codegen:`: the optional outputs `build` also writes.
    mutating func loadCodegen(_ node: YAMLNode?) -> [Located<String>] {
        guard let names = decoder.stringList(node, "codegen", of: "outputs like `typescript`", path: .key("codegen")) else { return [] }
        return names.filter { name in
            guard Self.codegenTargets.contains(name.value) else {
                decoder.error("`\(name.value)` is not an output `codegen` can name; it names \(Self.codegenTargets.map { "`\($0)`" }.joined(separator: ", "))",
                              at: name.span, path: .key("codegen"))
                return false
            }
            return true
        }
    }

    /// A `yaml-syntax` error when `path` is over the size limit, found without reading it.
    static func tooLarge(_ path: String, sources: any SourceProvider, limit: Int) -> Diagnostic? {
        guard let size = sources.size(of: path), size > limit else { return nil }
        let file = SourceFile(path: path, text: "")
        return Diagnostic(rule: RuleID.yamlSyntax,
                          message: "file is \(YAMLReader.megabytes(size)), over the \(YAMLReader.megabytes(limit)) limit for one plan file",
                          span: .startOf(file), hint: "split the plan into several files with `include`")
    }

    /// One diagnostic per problem inside an anchored node: a node reused through aliases is
    /// decoded once per use, and each use finds the same mistake (with another entity in the
    /// message). The first is kept, with every use as a related location.
    static func mergeAnchored(_ diagnostics: [Diagnostic], _ anchors: [YAMLReader.AnchorUse]) -> [Diagnostic] {
        guard !anchors.isEmpty else { return diagnostics }
        struct Key: Hashable { var rule: String; var file: String; var start: SourcePosition; var end: SourcePosition }
        var seen: Set<Key> = []
        var result: [Diagnostic] = []
        for diagnostic in diagnostics {
            guard let span = diagnostic.span,
                  let anchor = anchors.filter({ $0.span.file === span.file && $0.span.start <= span.start && span.end <= $0.span.end })
                    .min(by: { ($0.span.end.line - $0.span.start.line) < ($1.span.end.line - $1.span.start.line) }) else {
                result.append(diagnostic)
                continue
            }
            let key = Key(rule: diagnostic.ruleID, file: span.file.path, start: span.start, end: span.end)
            guard seen.insert(key).inserted else { continue }
            var merged = diagnostic
            merged.related += anchor.uses.map { .init("the anchor is used here", at: $0) }
            result.append(merged)
        }
        return result
    }

    /// The diagnostics without repeats: a node reused through aliases is decoded once per use,
    /// but its problems are reported once.
    static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }
    }

    /// Reads one file and returns its root mapping, or nil after recording why it cannot be used.
    mutating func readFile(bytes: [UInt8], path: String, includedFrom: SourceSpan?) -> Fields? {
        // The node limit holds for the whole plan: each file gets what the earlier ones left.
        var options = loader.readerOptions
        options.limits.maxNodes = max(0, options.limits.maxNodes - nodesRead)
        let result = YAMLReader(options: options).read(bytes, path: path)
        nodesRead += result.nodeCount
        anchorUses += result.anchorUses
        decoder.diagnostics += result.diagnostics
        guard let file = result.file else { return nil }
        files.append(file)
        if result.diagnostics.contains(where: { $0.ruleID == RuleID.yamlSyntax }) { return nil }
        guard let root = result.documents.first else {
            decoder.error(RuleID.yamlSyntax, "file is empty; a plan file holds one YAML mapping", at: .startOf(file), path: nil,
                          hint: includedFrom == nil ? "start with `trackplan: 1` and `name:`" : "add `events:` or `page_types:`")
            return nil
        }
        if result.documents.count > 1 {
            let second = result.documents[1].span
            decoder.error(RuleID.yamlSyntax, "a plan file holds exactly one YAML document; found another one here",
                          at: SourceSpan(file: file, start: second.start, end: second.start), path: nil,
                          hint: "remove the `---` line, or move the second document to its own file and `include` it")
        }
        guard let fields = decoder.mapping(root, "the root of a plan file", path: .root, nullIsEmpty: false) else { return nil }
        return fields
    }

    // MARK: Includes, page types and events (the parts that included files may hold)

    /// Loads the page types and events of a file; returns its `include` list, to be decoded with
    /// ``includeEntries(_:)`` before the file's node tree is released.
    mutating func loadEntities(_ fields: Fields) -> YAMLNode? {
        if let node = fields["page_types"], let map = decoder.mapping(node, "`page_types`", path: .key("page_types")) {
            for (i, id) in map.keys.enumerated() {
                guard let id else { continue }
                let pair = YAMLPair(key: map.key(i), value: map.value(i))
                guard let pageType = loadPageType(id: id, key: pair.key, node: pair.value) else { continue }
                if let existing = pageTypeIndex[id] {
                    let first = pageTypes[existing].span ?? pair.key.span
                    decoder.error(RuleID.duplicateKey, "duplicate page type `\(id)`; first defined at \(first)", at: pair.key.span,
                                  path: .pageType(id), hint: "give one of them another id", related: [.init("first defined here", at: first)])
                    continue
                }
                pageTypeIndex[id] = pageTypes.count
                pageTypes.append(pageType)
            }
        }
        if let node = fields["events"], let map = decoder.mapping(node, "`events`", path: .key("events")) {
            for (i, name) in map.keys.enumerated() {
                guard let name else { continue }
                let pair = YAMLPair(key: map.key(i), value: map.value(i))
                guard let event = loadEvent(name: name, key: pair.key, node: pair.value) else { continue }
                if let existing = eventIndex[name] {
                    let first = events[existing].span ?? pair.key.span
                    decoder.error(RuleID.duplicateKey, "duplicate event `\(name)`; first defined at \(first)", at: pair.key.span,
                                  path: .event(name), hint: "merge the two definitions or rename one",
                                  related: [.init("first defined here", at: first)])
                    continue
                }
                eventIndex[name] = events.count
                events.append(event)
            }
        }
        return fields["include"]
    }

    /// The paths of an `include` list, decoded (so that the file's node tree, which any node
    /// keeps alive, is released before the included files are read).
    mutating func includeEntries(_ node: YAMLNode?) -> [Located<String>] {
        guard let items = decoder.list(node, "include", of: "file paths", path: .key("include")) else { return [] }
        return items.compactMap { decoder.name($0, "include", path: .key("include")) }
    }

    mutating func loadIncludes(_ entries: [Located<String>], from file: SourceFile) {
        guard !entries.isEmpty else { return }
        if loaded.isEmpty { loaded[loader.sources.identity(of: files[0].path)] = .some(nil) }
        for entry in entries {
            guard let path = checkedIncludePath(entry, from: file) else { continue }
            let identity = loader.sources.identity(of: path)
            if let previous = loaded[identity] {
                let chain = includeChain(endingAt: file) + [path]
                if chain.dropLast().contains(where: { loader.sources.identity(of: $0) == identity }) {
                    decoder.error(RuleID.include, "include cycle: " + chain.joined(separator: " → "), at: entry.span, path: .key("include"),
                                  hint: "remove this include; a file cannot include itself, directly or through others")
                } else {
                    let where_ = previous.map { " from \($0)" } ?? ""
                    decoder.error(RuleID.include, "`\(path)` is already included\(where_); each file is included once",
                                  at: entry.span, path: .key("include"), hint: "remove this include",
                                  related: previous.map { [.init("first included here", at: $0)] } ?? [])
                }
                continue
            }
            guard loaded.count <= PlanLoader.maxIncludedFiles else {
                decoder.error(RuleID.include, "too many included files (more than \(PlanLoader.maxIncludedFiles))", at: entry.span, path: .key("include"))
                return
            }
            if let refused = Self.tooLarge(path, sources: loader.sources, limit: loader.readerOptions.limits.maxFileSize) {
                if let file = refused.span?.file { files.append(file) }
                decoder.diagnostics.append(refused)
                continue
            }
            let bytes: [UInt8]
            do {
                bytes = try loader.sources.contents(of: path)
            } catch {
                let reason = (error as? SourceReadError)?.reason ?? "\(error)"
                let directory = PathUtil.directory(of: path)
                let near = Suggestion.nearest(to: PathUtil.fileName(of: path), in: loader.sources.siblings(in: directory))
                decoder.error(RuleID.include, "cannot read included file `\(path)`: \(reason)", at: entry.span, path: .key("include"),
                              hint: near.map { "did you mean `\(PathUtil.resolve($0, from: entry.value))`?" }
                                  ?? "paths are relative to the file that includes them (\(file.path))")
                continue
            }
            loaded[identity] = .some(entry.span)
            includeParents[path] = file.path
            guard let (includedFile, nested) = loadIncludedFile(bytes: bytes, path: path, entry: entry) else { continue }
            loadIncludes(nested, from: includedFile)
        }
    }

    /// Reads one included file and loads its entities; returns it and its own `include` list.
    mutating func loadIncludedFile(bytes: [UInt8], path: String, entry: Located<String>) -> (SourceFile, [Located<String>])? {
        do {
            guard let fields = readFile(bytes: bytes, path: path, includedFrom: entry.span) else { return nil }
            for pair in fields.pairs {
                guard let key = pair.key.text, !Self.includedKeys.contains(key) else { continue }
                if Self.rootKeys.contains(key) {
                    decoder.error("`\(key)` is not allowed in an included file; included files hold only `page_types`, `events` and `include`",
                                  at: pair.key.span, path: .key(key), hint: "move `\(key)` to the root plan file")
                }
            }
            decoder.checkKeys(Fields(fields, path: .root) { key in !(key.map(Self.rootKeys.contains) ?? false) },
                              allowed: Self.includedKeys, in: "an included file")
            let includes = loadEntities(fields)
            return (fields.node.span.file, includeEntries(includes))
        }
    }

    /// The directory includes must stay inside, canonical; nil when it does not exist.
    lazy var includeRootPath: String? = {
        let root = loader.includeRoot ?? {
            let directory = PathUtil.directory(of: files.first?.path ?? "")
            return directory.isEmpty ? "." : directory
        }()
        return loader.sources.canonicalPath(of: root)
    }()

    /// The path of the file `entry` includes, or nil after reporting why it may not be read:
    /// control characters in the path, not a YAML file, outside the include root (symbolic
    /// links resolved), or not a regular file. Nothing of a refused file is read or shown.
    mutating func checkedIncludePath(_ entry: Located<String>, from file: SourceFile) -> String? {
        if entry.value.unicodeScalars.contains(where: SafeText.isControl) {
            decoder.error(RuleID.include, "include paths must not contain control characters, found `\(entry.value)`",
                          at: entry.span, path: .key("include"), hint: "write the file's path as plain text")
            return nil
        }
        let path = PathUtil.resolve(entry.value, from: file.path)
        let name = PathUtil.fileName(of: path).lowercased()
        guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else {
            decoder.error(RuleID.include, "`\(entry.value)` is not a YAML file; included files end in `.yaml` or `.yml`",
                          at: entry.span, path: .key("include"), hint: "include the plan's own YAML files only")
            return nil
        }
        guard let canonical = loader.sources.canonicalPath(of: path) else { return path }  // reported as missing when read
        let root = includeRootPath
        guard let root, isPath(canonical, inside: root) else {
            let shown = loader.includeRoot == nil ? "the plan's directory" : "the include root"
            decoder.error(RuleID.include,
                          "`\(entry.value)` is outside \(shown) (`\(root ?? "?")`); included files must stay inside it",
                          at: entry.span, path: .key("include"),
                          hint: "move the file into the plan's directory, or widen the root with `--include-root DIR`")
            return nil
        }
        if let kind = loader.sources.kind(of: path), kind != .regular {
            decoder.error(RuleID.include, "cannot include `\(entry.value)`: \(kind.refusal)", at: entry.span, path: .key("include"),
                          hint: "include the plan's own YAML files only")
            return nil
        }
        return path
    }

    /// Included file path → the path of the file that included it.
    var includeParents: [String: String] = [:]

    func includeChain(endingAt file: SourceFile) -> [String] {
        var chain = [file.path]
        var current = file.path
        while let parent = includeParents[current], chain.count <= PlanLoader.maxIncludedFiles {
            chain.insert(parent, at: 0)
            current = parent
        }
        return chain
    }
}
