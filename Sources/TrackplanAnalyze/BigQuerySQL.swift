import Foundation
import TrackplanCore
import TrackplanSpec

/// The analysis as one BigQuery Standard SQL query over the GA4 export tables, so it runs where
/// the data lives: the same lift table and funnel as the local engine (tests run it through
/// sqlglot on DuckDB and compare row by row).
public enum BigQuerySQL {
    /// A table name is `PROJECT.DATASET.TABLE`, the table part ending in `*` for the daily
    /// tables (`events_*`); nothing else reaches the query.
    public static func validTable(_ name: String) -> Bool {
        name.range(of: #"^[A-Za-z0-9_-]+\.[A-Za-z0-9_]+\.[A-Za-z0-9_]+\*?$"#, options: .regularExpression) != nil
    }

    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd"
        return formatter.string(from: date)
    }

    /// The query for `spec`, `table` and `options` (the same options as the local engine).
    public static func query(spec: MeasurementSpec, table: String, options: AnalysisOptions) -> String {
        let (steps, macro) = AnalysisPipeline.funnel(spec: spec, options: options)
        let rows: [(micro: String, macro: String)] = spec.events.filter(\.isMicro).compactMap { event in
            (options.macro ?? event.leadsTo).map { (event.name, $0) }
        }
        var names: [String] = []
        for name in rows.flatMap({ [$0.micro, $0.macro] }) where !names.contains(name) { names.append(name) }
        let flag = Dictionary(names.enumerated().map { ($1, "e\($0)") }, uniquingKeysWith: { first, _ in first })
        let unitKey = options.unit == .session
            ? "CONCAT(user_pseudo_id, '/', CAST(ga_session_id AS STRING))" : "user_pseudo_id"
        let unitFilter = options.unit == .session ? "user_pseudo_id IS NOT NULL AND ga_session_id IS NOT NULL" : "user_pseudo_id IS NOT NULL"
        var sql = """
        -- trackplan analyze --sql bigquery, for the plan \(literal(spec.planName)): the lift of each micro-conversion
        -- on its macro (section 'lift') and the funnel\(macro.map { " to \($0)" } ?? "") (section 'funnel'), per \(options.unit.rawValue).
        -- Correlation, not causation. p_value uses erfc as in Abramowitz-Stegun 7.1.26 (absolute error < 1.5e-7).
        WITH events AS (
          SELECT
            user_pseudo_id,
            (SELECT ep.value.int_value FROM UNNEST(event_params) AS ep WHERE ep.key = 'ga_session_id') AS ga_session_id,
            event_name,
            event_timestamp
          FROM `\(table)`

        """
        var conditions: [String] = []
        if let from = options.from { conditions.append("_TABLE_SUFFIX >= '\(day(from))'") }
        if let to = options.to { conditions.append("_TABLE_SUFFIX <= '\(day(to))'") }
        if !conditions.isEmpty { sql += "  WHERE " + conditions.joined(separator: " AND ") + "\n" }
        sql += """
        ),
        counted AS (
          SELECT \(unitKey) AS unit, event_name, event_timestamp
          FROM events
          WHERE \(unitFilter)
        ),
        units AS (
          SELECT
            unit\(names.map { ",\n    LOGICAL_OR(event_name = \(literal($0))) AS \(flag[$0] ?? "")" }.joined())
          FROM counted
          GROUP BY unit
        ),

        """
        let tables = rows.enumerated().map { k, row -> String in
            let m = flag[row.micro] ?? "", c = flag[row.macro] ?? ""
            return "  SELECT \(k + 1) AS position, \(literal(row.micro)) AS micro, \(literal(row.macro)) AS macro,\n"
                + "    COUNTIF(\(m) AND \(c)) AS a, COUNTIF(\(m) AND NOT \(c)) AS b, COUNTIF(NOT \(m) AND \(c)) AS c, COUNTIF(NOT \(m) AND NOT \(c)) AS d\n"
                + "  FROM units"
        }
        sql += "tables AS (\n" + (tables.isEmpty ? "  SELECT 0 AS position, '' AS micro, '' AS macro, 0 AS a, 0 AS b, 0 AS c, 0 AS d FROM units WHERE FALSE"
                                                 : tables.joined(separator: "\n  UNION ALL\n")) + "\n),\n"
        sql += """
        stats AS (
          SELECT *,
            SAFE_DIVIDE(a, a + b) AS rate_with,
            SAFE_DIVIDE(c, c + d) AS rate_without,
            SAFE_DIVIDE(a * d - b * c, SQRT((a + b) * (c + d) * (a + c) * (b + d))) AS phi,
            -- Katz's interval of the lift; 0.5 added to every cell when one is zero.
            IF(LEAST(a, b, c, d) = 0, 0.5, 0.0) AS k
          FROM tables
          WHERE a + b > 0
        ),
        intervals AS (
          SELECT *,
            LN(((a + k) / (a + b + 2 * k)) / ((c + k) / (c + d + 2 * k))) AS log_lift,
            SQRT(1 / (a + k) - 1 / (a + b + 2 * k) + 1 / (c + k) - 1 / (c + d + 2 * k)) AS se,
            (a + b + c + d) * phi * phi AS chi_square,
            SQRT((a + b + c + d) * phi * phi / 2) AS x,
            1 / (1 + 0.3275911 * SQRT((a + b + c + d) * phi * phi / 2)) AS t
          FROM stats
        ),
        tested AS (
          SELECT *,
            IF(phi IS NULL, NULL, t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * EXP(-x * x)) AS p_value
          FROM intervals
        ),
        ranked AS (
          SELECT *,
            ROW_NUMBER() OVER (ORDER BY p_value) AS p_rank,
            COUNTIF(p_value IS NOT NULL) OVER () AS m
          FROM tested
        ),
        judged AS (
          SELECT *,
            IF(p_value IS NULL, NULL, MIN(p_value * m / p_rank) OVER (ORDER BY p_value DESC, p_rank DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) AS q_value
          FROM ranked
        ),

        """
        let stepSelects = steps.enumerated().map { k, step in
            "  SELECT unit, event_timestamp AS ts, \(k + 1) AS step FROM counted WHERE event_name IN (\(step.events.map(literal).joined(separator: ", ")))"
        }
        sql += "step_events AS (\n" + (stepSelects.isEmpty ? "  SELECT unit, event_timestamp AS ts, 0 AS step FROM counted WHERE FALSE" : stepSelects.joined(separator: "\n  UNION ALL\n")) + "\n)"
        for k in steps.indices {
            if k == 0 {
                sql += ",\nreach1 AS (\n  SELECT unit, MIN(ts) AS t FROM step_events WHERE step = 1 GROUP BY unit\n)"
            } else {
                sql += ",\nreach\(k + 1) AS (\n  SELECT s.unit, MIN(s.ts) AS t FROM step_events AS s JOIN reach\(k) AS r ON s.unit = r.unit AND s.ts >= r.t\n"
                    + "  WHERE s.step = \(k + 1) GROUP BY s.unit\n)"
            }
        }
        let funnelRows = steps.enumerated().map { k, step in
            "  SELECT 'funnel' AS section, \(k + 1) AS position, \(literal(step.name)) AS name, \(macro.map(literal) ?? "CAST(NULL AS STRING)") AS macro,\n"
                + "    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,\n"
                + "    (SELECT COUNT(*) FROM reach\(k + 1)) AS reached_in_order, (SELECT COUNT(DISTINCT unit) FROM step_events WHERE step = \(k + 1)) AS reached_any_order"
        }
        sql += """

        SELECT * FROM (
          SELECT 'units' AS section, 0 AS position, CAST(NULL AS STRING) AS name, CAST(NULL AS STRING) AS macro,
            CAST(NULL AS INT64) AS with_micro, CAST(NULL AS INT64) AS converted_with, CAST(NULL AS INT64) AS without_micro,
            CAST(NULL AS INT64) AS converted_without, CAST(NULL AS FLOAT64) AS rate_with, CAST(NULL AS FLOAT64) AS rate_without,
            CAST(NULL AS FLOAT64) AS lift, CAST(NULL AS FLOAT64) AS lift_ci_low, CAST(NULL AS FLOAT64) AS lift_ci_high,
            CAST(NULL AS FLOAT64) AS phi, CAST(NULL AS FLOAT64) AS chi_square, CAST(NULL AS FLOAT64) AS p_value,
            CAST(NULL AS FLOAT64) AS q_value, CAST(NULL AS BOOL) AS insufficient_data,
            (SELECT COUNT(*) FROM units) AS reached_in_order, CAST(NULL AS INT64) AS reached_any_order
          UNION ALL
          SELECT 'lift', position, micro, macro, a + b, a, c + d, c, rate_with, rate_without,
            IF(rate_without = 0, IF(rate_with = 0, NULL, CAST('inf' AS FLOAT64)), rate_with / rate_without),
            IF(c + d = 0, NULL, EXP(log_lift - 1.959963984540054 * se)), IF(c + d = 0, NULL, EXP(log_lift + 1.959963984540054 * se)),
            phi, chi_square, p_value, q_value, a + b < \(options.minUnits) OR a + c < \(min(options.minUnits, 10)),
            NULL, NULL
          FROM judged

        """
        if !funnelRows.isEmpty { sql += "  UNION ALL\n" + funnelRows.joined(separator: "\n  UNION ALL\n") + "\n" }
        sql += ")\nORDER BY CASE section WHEN 'units' THEN 0 WHEN 'lift' THEN 1 ELSE 2 END, position\n"
        return sql
    }
}
