package org.civitas.cli.access;

import java.util.Locale;
import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.command.TimeArguments;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.output.JsonView;
import org.civitas.cli.platform.PlatformResponse;
import org.civitas.cli.platform.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "aggregate",
    description = {
      "Counts (and averages of numeric attributes) per time bucket and place or sensor.",
      "Cells holding fewer readings than the policy's minCount are suppressed, not zeroed."
    })
final class AggregateCommand extends PlatformCommand {

  /** Values the platform accepts for {@code groupBy}, spelled as in the contract. */
  enum GroupBy {
    sensorId,
    geohash
  }

  @Mixin DataRange range;

  @Option(
      names = "--bucket",
      defaultValue = "PT1H",
      paramLabel = "DURATION",
      description = "Time bucket, ISO-8601 duration (default: ${DEFAULT-VALUE}).")
  String bucket;

  @Option(
      names = "--group-by",
      paramLabel = "FIELD",
      description = "Group cells by ${COMPLETION-CANDIDATES}.")
  GroupBy groupBy;

  @Override
  protected int run() {
    range.resolve(environment().clock());
    TimeArguments.duration("--bucket", bucket);
    String normalizedBucket = bucket.trim().toUpperCase(Locale.ROOT);
    PlatformResponse response =
        platform()
            .get(
                DataCommand.PATH + "/aggregates",
                Query.of()
                    .add("category", range.category)
                    .add("from", range.fromInstant)
                    .add("to", range.toInstant)
                    .add("bucket", normalizedBucket)
                    .add("groupBy", groupBy)
                    .add("purpose", range.purpose));
    if (json()) {
      printRaw(response);
    } else {
      JsonView.print(out(), response.json());
      out().flush();
    }
    return ExitCodes.OK;
  }
}
