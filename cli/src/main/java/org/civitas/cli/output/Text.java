package org.civitas.cli.output;

/** Text from the platform or from files, made safe to print on a terminal. */
public final class Text {

  /**
   * Replaces control characters (escape sequences could rewrite the terminal) with a visible
   * placeholder and line breaks with spaces, so one value stays on one line.
   */
  public static String oneLine(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder clean = new StringBuilder(value.length());
    value
        .codePoints()
        .forEach(
            c -> {
              if (c == '\n' || c == '\r' || c == '\t') {
                clean.append(' ');
              } else if (Character.isISOControl(c)) {
                clean.append('\uFFFD');
              } else {
                clean.appendCodePoint(c);
              }
            });
    return clean.toString();
  }

  /** Like {@link #oneLine} but keeps line breaks and tabs, for documents shown as they are. */
  public static String multiLine(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder clean = new StringBuilder(value.length());
    value
        .codePoints()
        .forEach(
            c -> {
              if (c != '\n' && c != '\t' && Character.isISOControl(c)) {
                clean.append(c == '\r' ? "" : "\uFFFD");
              } else {
                clean.appendCodePoint(c);
              }
            });
    return clean.toString();
  }

  /** Display width in code points (enough for the ids, names and numbers shown here). */
  public static int width(String value) {
    return value.codePointCount(0, value.length());
  }

  /** At most {@code max} code points, the last replaced by an ellipsis when cut. */
  public static String truncate(String value, int max) {
    if (width(value) <= max) {
      return value;
    }
    if (max <= 1) {
      return "…".substring(0, max);
    }
    int end = value.offsetByCodePoints(0, max - 1);
    return value.substring(0, end) + "…";
  }

  private Text() {}
}
