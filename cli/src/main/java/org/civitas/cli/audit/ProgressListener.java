package org.civitas.cli.audit;

/** Told how far a verification has come, to draw a progress bar. */
@FunctionalInterface
public interface ProgressListener {

  /**
   * @param verified events checked so far
   * @param total events the signed tree head covers
   */
  void progress(long verified, long total);

  static ProgressListener none() {
    return (verified, total) -> {};
  }
}
