import TrackplanCore

/// Every check `verify` runs, in the order the documentation lists them.
public enum VerifyChecks {
    /// The check types.
    public static let all: [any VerifyCheck.Type] = [
        CaptureProblemCheck.self,
        CaptureEmptyCheck.self,
        UnplannedEventCheck.self,
        DeprecatedEventSeenCheck.self,
        EventNotSeenCheck.self,
        RequiredParamMissingCheck.self,
        ParamTypeMismatchCheck.self,
        ValueNotAllowedCheck.self,
        UnexpectedParamCheck.self,
        WrongPageTypeCheck.self,
        DuplicateEventCheck.self,
        GA4LimitsCheck.self,
        PersonalDataCheck.self,
        PushedNotSentCheck.self,
        ParamLostInContainerCheck.self,
        MeasurementIDCheck.self,
    ]

    /// Their descriptions, in order.
    public static var descriptions: [RuleDescription] { all.map { $0.description } }
    /// Their ids, in order.
    public static var ids: [String] { all.map { $0.description.id } }
    /// The description of the check `id`.
    public static func description(of id: String) -> RuleDescription? { all.first { $0.description.id == id }?.description }
}
