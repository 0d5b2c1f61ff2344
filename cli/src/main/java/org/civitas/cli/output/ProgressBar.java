package org.civitas.cli.output;

import java.io.PrintWriter;

/**
 * A one-line progress bar on the error stream, redrawn in place. Disabled bars print nothing: they
 * are created disabled whenever the output is not a terminal, so pipes and logs stay clean.
 */
public final class ProgressBar implements AutoCloseable {

  private static final int BAR_WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private final String label;
  private final String unit;
  private long lastDraw = Long.MIN_VALUE;
  private int lastLength;
  private boolean drawn;

  private ProgressBar(PrintWriter err, boolean enabled, String label, String unit) {
    this.err = err;
    this.enabled = enabled;
    this.label = label;
    this.unit = unit;
  }

  public static ProgressBar create(PrintWriter err, boolean enabled, String label, String unit) {
    return new ProgressBar(err, enabled, label, unit);
  }

  /** A bar that never draws, for work that is not worth showing progress for. */
  public static ProgressBar disabled() {
    return new ProgressBar(null, false, "", "");
  }

  /**
   * @param total the amount expected, or a value below 1 when unknown (a counter is shown)
   */
  public synchronized void update(long done, long total) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    boolean complete = total > 0 && done >= total;
    if (drawn && !complete && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    String line = render(done, total);
    // Pad to erase the rest of a longer previous line.
    err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    err.flush();
    lastLength = line.length();
    drawn = true;
  }

  String render(long done, long total) {
    if (total <= 0) {
      return label + " " + String.format("%,d", done) + " " + unit;
    }
    long shown = Math.min(done, total);
    int filled = (int) (BAR_WIDTH * shown / total);
    int percent = (int) (100 * shown / total);
    return String.format(
        "%s [%s%s] %3d%% %,d/%,d %s",
        label, "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), percent, done, total, unit);
  }

  /** Ends the bar's line so that what follows starts on a fresh one. */
  @Override
  public synchronized void close() {
    if (enabled && drawn) {
      err.println();
      err.flush();
    }
  }
}
