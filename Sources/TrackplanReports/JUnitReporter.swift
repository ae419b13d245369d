import TrackplanCore

/// Formats a report as JUnit XML: one test suite per plan, one test case per rule, a failure
/// per diagnostic at or above the fail level (lower ones go to `system-out`).
public struct JUnitReporter: Reporter {
    /// The lowest severity that is a failure.
    public var failOn: Severity

    /// Creates a reporter.
    public init(failOn: Severity = .error) {
        self.failOn = failOn
    }

    /// The XML document.
    public func format(_ report: FindingReport) -> String {
        let ruleIDs = report.rules.map(\.id)
        var suites = ""
        var totalTests = 0, totalFailures = 0
        for plan in report.subjects {
            var cases = ""
            var failures = 0
            for id in ruleIDs {
                let found = plan.diagnostics.filter { $0.ruleID == id }
                let failing = found.filter { $0.severity >= failOn }
                let other = found.filter { $0.severity < failOn }
                cases += "    <testcase classname=\"\(Self.escape(plan.path))\" name=\"\(Self.escape(id))\""
                if failing.isEmpty && other.isEmpty {
                    cases += "/>\n"
                    continue
                }
                cases += ">\n"
                for d in failing {
                    cases += "      <failure type=\"\(d.severity.rawValue)\" message=\"\(Self.escape(d.message))\">\(Self.escape(Self.text(d)))</failure>\n"
                }
                if !other.isEmpty {
                    cases += "      <system-out>\(Self.escape(other.map(Self.text).joined(separator: "\n")))</system-out>\n"
                }
                cases += "    </testcase>\n"
                failures += failing.count
            }
            totalTests += ruleIDs.count
            totalFailures += failures
            suites += "  <testsuite name=\"\(Self.escape(plan.path))\" tests=\"\(ruleIDs.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
            suites += cases
            suites += "  </testsuite>\n"
        }
        for error in report.unreadable {
            totalTests += 1
            suites += "  <testsuite name=\"\(Self.escape(error.path))\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
            suites += "    <testcase classname=\"\(Self.escape(error.path))\" name=\"read\">\n"
            suites += "      <error type=\"unreadable\" message=\"\(Self.escape(error.description))\"/>\n"
            suites += "    </testcase>\n  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"trackplan\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"\(report.unreadable.count)\">\n"
            + suites + "</testsuites>\n"
    }

    static func text(_ d: Diagnostic) -> String {
        var s = (d.span.map { "\($0): " } ?? "") + "\(d.severity.rawValue): \(d.message)"
        if let hint = d.hint { s += "\nhelp: \(hint)" }
        return s
    }

    /// Escapes XML text and attribute values; drops characters XML 1.0 cannot hold.
    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension JUnitReporter {
    public static let id = "junit"
    public static let summary = "JUnit XML for CI test dashboards: one test case per rule."

    /// Creates the reporter from the shared options.
    public init(options: ReporterOptions) {
        self.init(failOn: options.failOn)
    }
}
