/// A Google consent mode type a tag can require.
public enum ConsentType: String, Sendable, Hashable, CaseIterable {
    case analyticsStorage = "analytics_storage"
    case adStorage = "ad_storage"
    case adUserData = "ad_user_data"
    case adPersonalization = "ad_personalization"
}

/// The plan's consent settings (`consent:` at the root).
public struct ConsentSettings: Sendable, Hashable {
    /// The consent types every event's tag requires.
    public var required: [Located<ConsentType>] = []
    /// The regions the site serves where consent is required by law (`eea`, `uk`, …); when
    /// given, every event must require some consent.
    public var regions: [Located<String>] = []
    /// Where `consent` was written.
    @NotCompared public var span: SourceSpan?

    /// No consent settings.
    public init() {}
}
