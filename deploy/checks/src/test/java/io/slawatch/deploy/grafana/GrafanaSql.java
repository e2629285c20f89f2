package io.slawatch.deploy.grafana;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A SQL query of a dashboard as Grafana's PostgreSQL data source sends it to the database, in
 * Grafana's two steps.
 *
 * <ol>
 *   <li>The browser's template service replaces the dashboard variables ({@code $name}, {@code
 *       ${name}}, {@code ${name:format}}, {@code [[name]]}). A multi-value variable is a list;
 *       "All" without a custom all value is the list of every option its query returned, possibly
 *       empty. {@code sqlstring} (and the SQL data sources' default) quotes each value, doubling
 *       single quotes, and joins them with commas: {@code 'a','b'}. Unknown names are left as they
 *       are.
 *   <li>The data source's backend expands the macros: {@code $__timeFilter(col)} to {@code col
 *       BETWEEN 'from' AND 'to'}, {@code $__timeFrom()} and {@code $__timeTo()} to the quoted
 *       instants (RFC 3339, UTC). Any other macro is an error, as in Grafana.
 * </ol>
 *
 * Whatever still contains a {@code $} afterwards was not a variable or macro Grafana knows, and
 * fails here rather than in PostgreSQL.
 */
final class GrafanaSql {
  /** Grafana's variable syntax (its template service's regular expression). */
  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\$(\\w+)|\\[\\[(\\w+?)(?::(\\w+))?]]|\\$\\{(\\w+)(?:\\.([^:^}]+))?(?::([^}]+))?}");

  /** The PostgreSQL data source's macro syntax. */
  private static final Pattern MACRO = Pattern.compile("\\$(\\w+)\\(([^)]*)\\)");

  private GrafanaSql() {}

  /** {@code sql} with {@code selections} (variable name to selected values) and the time range. */
  static String interpolate(
      String sql, Map<String, List<String>> selections, Instant from, Instant to) {
    String withVariables = replaceVariables(sql, selections);
    String withMacros = expandMacros(withVariables, from, to);
    if (withMacros.contains("$")) {
      throw new IllegalArgumentException(
          "left after Grafana's variables and macros (unknown to Grafana): " + withMacros);
    }
    return withMacros;
  }

  private static String replaceVariables(String sql, Map<String, List<String>> selections) {
    Matcher m = VARIABLE.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = firstNonNull(m.group(1), m.group(2), m.group(4));
      String format = firstNonNull(m.group(3), m.group(6));
      List<String> values = selections.get(name);
      String replacement = values == null ? m.group() : format(values, format, name);
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String format(List<String> values, String format, String name) {
    if (format == null || format.equals("sqlstring")) {
      return values.stream()
          .map(v -> "'" + v.replace("'", "''") + "'")
          .collect(Collectors.joining(","));
    }
    if (format.equals("raw") || format.equals("csv")) {
      return String.join(",", values);
    }
    throw new IllegalArgumentException("format " + format + " of $" + name + " not modelled here");
  }

  private static String expandMacros(String sql, Instant from, Instant to) {
    Matcher m = MACRO.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String argument = m.group(2).strip();
      String expansion =
          switch (m.group(1)) {
            case "__timeFilter" -> {
              if (argument.isEmpty()) {
                throw new IllegalArgumentException("$__timeFilter needs a column: " + m.group());
              }
              yield "%s BETWEEN '%s' AND '%s'".formatted(argument, from, to);
            }
            case "__timeFrom" -> "'" + from + "'";
            case "__timeTo" -> "'" + to + "'";
            default -> throw new IllegalArgumentException("unknown macro " + m.group());
          };
      m.appendReplacement(out, Matcher.quoteReplacement(expansion));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String firstNonNull(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null) {
        return candidate;
      }
    }
    return null;
  }
}
