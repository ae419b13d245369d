import TrackplanCore

/// The standard header of rule examples: a plan with three stages, to which an example adds
/// page types and events.
extension RuleExample {
    /// An example made of the standard header followed by `body`.
    public static func plan(_ body: String) -> RuleExample {
        RuleExample("""
        trackplan: 1
        name: Example
        stages:
          - id: awareness
          - id: consideration
          - id: decision

        """ + body)
    }
}
