package io.slawatch.core.config;

/**
 * A mistake in a plan, calendar or command-line input, naming the field (and the line when the
 * input came from a file), e.g. {@code line 12, clocks.P1.first_response.target: "1x" is not a
 * duration}.
 */
public final class ConfigException extends RuntimeException {
  private final String field;
  private final int line;

  public ConfigException(String field, int line, String problem) {
    super(format(field, line, problem));
    this.field = field;
    this.line = line;
  }

  /** The dotted path of the offending field ({@code week.MON[0]}); empty for the whole input. */
  public String field() {
    return field;
  }

  /** 1-based line in the input, or 0 when unknown. */
  public int line() {
    return line;
  }

  private static String format(String field, int line, String problem) {
    String where = line > 0 ? "line " + line + ", " : "";
    String name = field == null || field.isEmpty() ? "input" : field;
    return where + name + ": " + problem;
  }
}
