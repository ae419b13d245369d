import TrackplanCapture
import TrackplanCore
import TrackplanSpec

/// What the plan expects of an event on one layer: the planned event and the parameters that
/// can be checked there, under the names that layer uses (GA4 parameter names on hits and in
/// exports, data layer key paths in pushes).
public struct Expectation: Sendable {
    /// The planned event.
    public var spec: EventSpec
    /// The parameters checkable on this layer.
    public var params: [ExpectedParam]
    /// Other keys the plan reads from the same pushes (shared parameters, user properties).
    public var otherKeys: Set<String> = []

    /// Whether `key` names one of the expected parameters, or is inside or around one on the
    /// data layer (`ecommerce` around `ecommerce.value`).
    public func expects(_ key: String) -> Bool {
        func related(_ expected: String) -> Bool { expected == key || expected.hasPrefix(key + ".") || key.hasPrefix(expected + ".") }
        return params.contains { related($0.key) } || otherKeys.contains(where: related)
    }
}

/// One parameter as a layer names it.
public struct ExpectedParam: Sendable {
    /// The planned parameter.
    public var spec: ParamSpec
    /// Its name on the layer: the parameter name, or the data layer key path it is read from.
    public var key: String
    /// Whether it is one of the plan's shared parameters.
    public var isShared: Bool

    /// How findings name it: "`value`", or "`ecommerce.value` (parameter `value`)" on the data layer.
    public var label: String {
        key == spec.name ? "`\(key)`" : "`\(key)` (parameter `\(spec.name)`)"
    }
}

/// The expectations of a plan, indexed by the name each layer uses.
struct ExpectationIndex: Sendable {
    /// By GA4 event name, for hits and exports.
    var byName: [String: Expectation] = [:]
    /// By the data layer event a custom trigger listens for.
    var byPush: [String: [Expectation]] = [:]

    init(spec: MeasurementSpec) {
        var otherKeys: Set<String> = []
        for param in spec.sharedParams + spec.userProperties {
            if case .dataLayer(let key) = param.source { otherKeys.insert(key) }
        }
        for event in spec.events {
            let ga4Params = event.params.map { ExpectedParam(spec: $0, key: $0.name, isShared: false) }
                + spec.sharedParams.filter { shared in !event.params.contains { $0.name == shared.name } }
                    .map { ExpectedParam(spec: $0, key: $0.name, isShared: true) }
            byName[event.name] = byName[event.name] ?? Expectation(spec: event, params: ga4Params)
            if case .custom(let pushed) = event.trigger {
                let pushParams = event.params.compactMap { param -> ExpectedParam? in
                    guard case .dataLayer(let key) = param.source else { return nil }
                    return ExpectedParam(spec: param, key: key, isShared: false)
                }
                byPush[pushed, default: []].append(Expectation(spec: event, params: pushParams, otherKeys: otherKeys))
            }
        }
    }

    /// The expectations of an observed event on its layer (a push can feed several events).
    func expectations(for event: ObservedEvent) -> [Expectation] {
        switch event.layer {
        case .dataLayer: byPush[event.name] ?? []
        case .collect, .warehouse: byName[event.name].map { [$0] } ?? []
        }
    }
}
