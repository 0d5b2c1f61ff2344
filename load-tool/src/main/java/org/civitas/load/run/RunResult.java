package org.civitas.load.run;

/**
 * The measured phase of a finished run.
 *
 * @param elapsedSeconds from the end of warm-up to the last answer of a measured request
 * @param startedAt ISO-8601 instant the measured phase began
 * @param warmupSeconds how long the warm-up lasted
 * @param settled false when a {@link Settling} warm-up ran out before the target settled; true
 *     otherwise
 */
public record RunResult(
    RunRecorder measured,
    double elapsedSeconds,
    String startedAt,
    double warmupSeconds,
    boolean settled) {}
