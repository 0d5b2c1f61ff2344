package org.civitas.load.baseline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.civitas.load.cli.Arguments;
import org.civitas.load.cli.UsageException;
import org.civitas.load.reading.ReadingGenerator;
import org.civitas.load.reading.SensorTarget;
import org.civitas.load.run.RunPlan;

/**
 * Options of the Kafka baseline. Producer defaults mirror ingest-service's raw-topic producer
 * ({@code civitas.ingest.raw-topic.*}: snappy, linger 5 ms, 256 KiB batches, acks=all, idempotent);
 * change them here when the service is configured differently, or the comparison is unfair.
 *
 * @param partitions partitions for a topic this tool creates; null for as many as the raw topic
 * @param sensors the sensors readings are generated for (keys and payload mix)
 */
public record BaselineOptions(
    String bootstrap,
    String topic,
    Integer partitions,
    String compression,
    Duration linger,
    int batchBytes,
    List<SensorTarget> sensors,
    RunPlan plan) {

  public static final String DEFAULT_TOPIC = "civitas.loadtest.baseline";

  public static final List<String> OPTIONS;

  /** The options that only the baseline has, which compare also takes. */
  public static final List<String> PRODUCER_OPTIONS =
      List.of("topic", "partitions", "compression", "linger", "batch-bytes", "categories");

  static {
    List<String> options = new ArrayList<>(List.of("bootstrap"));
    options.addAll(PRODUCER_OPTIONS);
    options.addAll(RunPlan.OPTIONS);
    OPTIONS = List.copyOf(options);
  }

  /**
   * @param bootstrapOption the option naming the brokers ({@code bootstrap}, or {@code
   *     baseline-bootstrap} for compare)
   * @param sensors the sensors to generate for; null for made-up sensors of {@code --categories}
   */
  public static BaselineOptions from(
      Arguments args, String bootstrapOption, RunPlan plan, List<SensorTarget> sensors) {
    String compression = args.text("compression", "snappy").toLowerCase();
    List<String> codecs = List.of("none", "gzip", "snappy", "lz4", "zstd");
    if (!codecs.contains(compression)) {
      throw new UsageException(
          "--compression must be one of " + String.join(", ", codecs) + ", was " + compression);
    }
    Integer partitions = args.has("partitions") ? args.integer("partitions", 1, 1, 10_000) : null;
    return new BaselineOptions(
        args.text(bootstrapOption, "127.0.0.1:9092"),
        args.text("topic", DEFAULT_TOPIC),
        partitions,
        compression,
        args.duration("linger", Duration.ofMillis(5)),
        args.integer("batch-bytes", 256 * 1024, 1024, 64 * 1024 * 1024),
        sensors != null ? sensors : synthetic(args.list("categories", "")),
        plan);
  }

  private static List<SensorTarget> synthetic(List<String> categories) {
    if (categories.isEmpty()) {
      return SensorTarget.synthetic();
    }
    for (String category : categories) {
      if (!category.matches("[a-z0-9_]+")) {
        throw new UsageException(
            "--categories: '"
                + category
                + "' is not a category name; built-in ones are "
                + String.join(",", ReadingGenerator.BUILT_IN_CATEGORIES));
      }
    }
    return SensorTarget.synthetic(categories);
  }
}
