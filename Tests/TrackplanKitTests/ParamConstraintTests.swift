import Foundation
import Testing
@testable import TrackplanCore
@testable import TrackplanDiff
@testable import TrackplanFormat
@testable import TrackplanSpec
@testable import TrackplanVerify

/// `pattern`, `min` and `max` on parameters: loaded, refused where they make no sense, carried
/// into the spec, compared by diff and checked by verify.
@Suite struct ParamConstraintTests {
    static func plan(_ params: String) -> String {
        Harness.header + "events:\n  purchase:\n    kind: macro\n    stage: decision\n    params:\n" + params
    }

    @Test func loadsIntoTheSpec() throws {
        let result = Harness.load(["plan.yaml": Self.plan("      transaction_id: {type: string, pattern: '^T-[0-9]+$'}\n      value: {type: number, min: 0, max: 10000}\n      quantity: {type: integer, min: 1}\n")])
        #expect(result.diagnostics.isEmpty, "\(Harness.lines(result.diagnostics))")
        let spec = MeasurementSpec(plan: try #require(result.plan))
        let params = try #require(spec.event("purchase")?.params)
        #expect(params[0].pattern == "^T-[0-9]+$")
        #expect(params[1].range == 0...10000)
        #expect(params[2].range?.lowerBound == 1)
        #expect(params[2].range?.upperBound == Double.greatestFiniteMagnitude)
    }

    @Test func refusesWhatMakesNoSense() {
        let result = Harness.load(["plan.yaml": Self.plan("""
              a: {type: number, pattern: '^x'}
              b: {type: string, pattern: '(unclosed'}
              c: {type: string, min: 1}
              d: {type: integer, min: 5, max: 1}
              e: {type: number, max: lots}

        """)])
        #expect(Harness.lines(result.diagnostics) == [
            "plan.yaml:11:34-11:38: error: `pattern` applies to string parameters, and `a` is a number [plan-schema]",
            "plan.yaml:12:34-12:45: error: `pattern` is not a valid regular expression: `(unclosed` [plan-schema]",
            "plan.yaml:13:30-13:31: error: `min` applies to number and integer parameters, and `c` is a string [plan-schema]",
            "plan.yaml:14:31-14:32: error: `min` (5) is larger than `max` (1) [plan-schema]",
            "plan.yaml:15:30-15:34: error: `max` must be a number, found a string [plan-schema]",
        ])
    }

    @Test func diffReportsATightenedOrLoosenedRule() throws {
        let before = try #require(Harness.load(["old.yaml": Self.plan("      value: {type: number}\n")], root: "old.yaml").plan)
        let after = try #require(Harness.load(["new.yaml": Self.plan("      value: {type: number, min: 0}\n")], root: "new.yaml").plan)
        #expect(PlanDiff(old: before, new: after).changes().map { "\($0.diagnostic.severity.rawValue): \($0.diagnostic.message) [\($0.kind.id)]" } == [
            "error: parameter `value` of `purchase` now allows only values of at least 0 (was: any value) [param-values-removed]",
        ])
        #expect(PlanDiff(old: after, new: before).changes().map { "\($0.diagnostic.message) [\($0.kind.id)]" } == [
            "parameter `value` of `purchase` now allows any value (was: only values of at least 0) [param-values-added]",
        ])
    }

    @Test func verifyReportsValuesOutsideThePatternOrRange() throws {
        let example = VerifyExample(plan: Self.plan("      transaction_id: {type: string, pattern: '^T-[0-9]+$', from: ecommerce.transaction_id}\n      value: {type: number, min: 0, max: 10000, from: ecommerce.value}\n"),
                                    capture: """
                                    {"event": "purchase", "ecommerce": {"transaction_id": "T-100", "value": 25}}
                                    {"event": "purchase", "ecommerce": {"transaction_id": "100", "value": -5}}
                                    {"event": "purchase", "ecommerce": {"transaction_id": "t-7", "value": 20000}}
                                    """, format: .dataLayer)
        let lines = VerifyDocumentation.run(example).report.diagnostics.filter { $0.ruleID == "value-not-allowed" }.map(\.message)
        #expect(lines == [
            "`ecommerce.transaction_id` (parameter `transaction_id`) of `purchase` took values not matching `^T-[0-9]+$` in 2 of 3 pushes (66.7%): `100` ×1, `t-7` ×1",
            "`ecommerce.value` (parameter `value`) of `purchase` took values below the minimum 0 in 1 of 3 pushes (33.3%): `-5` ×1",
            "`ecommerce.value` (parameter `value`) of `purchase` took values above the maximum 10000 in 1 of 3 pushes (33.3%): `20000` ×1",
        ])
    }
}
