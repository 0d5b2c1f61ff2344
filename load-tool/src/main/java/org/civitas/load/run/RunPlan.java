package org.civitas.load.run;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civitas.load.cli.Arguments;
import org.civitas.load.cli.Durations;

/**
 * How a load is run.
 *
 * @param warmup load before measuring, so that JITs, pools and connections settle; not counted
 * @param duration measured time
 * @param concurrency requests in flight at once
 * @param batch readings per request
 * @param readingsPerSecond target rate; 0 for as fast as the target answers
 * @param progressEvery interval of progress lines; zero for none
 */
public record RunPlan(
    Duration warmup,
    Duration duration,
    int concurrency,
    int batch,
    long readingsPerSecond,
    Duration progressEvery) {

  /** CONTRACT §4.2: at most 5,000 readings per ingest request. */
  public static final int MAX_BATCH = 5000;

  public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(5);

  /** The options every load command takes. */
  public static final List<String> OPTIONS =
      List.of("duration", "warmup", "batch", "concurrency", "rate", "progress", "json");

  public static RunPlan from(Arguments args, Duration defaultDuration) {
    return from(args, "duration", defaultDuration);
  }

  /**
   * @param durationOption the option holding the measured time (compare has one per phase)
   */
  public static RunPlan from(Arguments args, String durationOption, Duration defaultDuration) {
    return new RunPlan(
        args.duration("warmup", DEFAULT_WARMUP),
        args.duration(durationOption, defaultDuration, Duration.ofMillis(100)),
        args.integer("concurrency", 8, 1, 1024),
        args.integer("batch", 500, 1, MAX_BATCH),
        args.number("rate", 0, 0, 1_000_000_000L),
        args.duration("progress", Duration.ofSeconds(5)));
  }

  public boolean paced() {
    return readingsPerSecond > 0;
  }

  /** The plan as echoed in reports. */
  public Map<String, Object> describe() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("batch", batch);
    settings.put("concurrency", concurrency);
    settings.put("duration", Durations.format(duration));
    settings.put("warmup", Durations.format(warmup));
    settings.put("rate", paced() ? readingsPerSecond + "/s" : "unlimited");
    return settings;
  }
}
