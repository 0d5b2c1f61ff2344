package org.civitas.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civitas.contract.ContractJson;
import org.civitas.load.baseline.BaselineOptions;
import org.civitas.load.baseline.KafkaBaseline;
import org.civitas.load.cli.Arguments;
import org.civitas.load.cli.UsageException;
import org.civitas.load.e2e.EndToEnd;
import org.civitas.load.e2e.EndToEndSummary;
import org.civitas.load.groups.ConsumerGroups;
import org.civitas.load.ingest.IngestLoad;
import org.civitas.load.ingest.IngestOptions;
import org.civitas.load.reading.SensorTarget;
import org.civitas.load.run.RunPlan;
import org.civitas.load.run.RunSummary;
import org.civitas.load.run.SetupException;
import org.civitas.load.run.SummaryTable;

/**
 * {@code java -jar load-tool.jar <ingest|kafka-baseline|compare> --option=value ...}. Results go to
 * standard output (a table, or JSON with {@code --json} while the table goes to standard error);
 * progress and diagnostics go to standard error.
 *
 * <p>Exit status: 0 when readings were accepted, 1 when nothing was (or the run could not start), 2
 * for a command line that cannot be run.
 */
public final class LoadTool {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private static final Duration INGEST_DURATION = Duration.ofSeconds(60);
  private static final Duration BASELINE_DURATION = Duration.ofSeconds(30);

  static final String USAGE_TEXT =
      """
      Civitas load tool: benchmark the vendor ingest path against a raw Kafka producer.

      java -jar load-tool.jar ingest [options]
          POST {"readings":[...]} batches of fresh readings through the gateway as a vendor.
          --gateway=http://localhost:8080        gateway base URL
          --token-url=http://localhost:9000/oauth2/token
          --client-id=vendor-acme                OAuth2 client (client-credentials grant)
          --client-secret=<secret>               or environment variable CIVITAS_CLIENT_SECRET
          --sensors=auto                         auto: the vendor's active sensors of the public
                                                 registry; or id[:category[+category]],...
          --vendor=<vendorId>                    for auto; default: the token's vendor_id claim
          --timeout=30s                          longest wait for one answer
          --baseline-bootstrap=host:port         also run kafka-baseline first (same as compare)

      java -jar load-tool.jar kafka-baseline [options]
          Write the same readings straight to Kafka with ingest-service's producer settings.
          --bootstrap=127.0.0.1:9092             Kafka bootstrap servers
          --topic=civitas.loadtest.baseline      created when missing (1 h retention, as many
                                                 partitions as civitas.readings.raw)
          --partitions=N                         partitions for a topic created here
          --compression=snappy --linger=5ms --batch-bytes=262144   producer (ingest-service defaults)
          --categories=a,b                       reading mix; default all built-in categories

      java -jar load-tool.jar compare [ingest options] [--bootstrap=...] [--baseline-duration=..]
          kafka-baseline, then ingest, with the same readings; prints ingest/baseline readings/s.

      java -jar load-tool.jar e2e [ingest options] [--bootstrap=...|none] [--baseline-duration=20s]
          The end-to-end benchmark against a running platform: the raw producer baseline, then
          steady ingest load while it measures governed rows/s (policy-service counter), audit
          appends/s (tree head), ingest->queryable latency (a probe sensor registered for the run,
          polled through the data API) and CPU and RSS of every platform process (/proc).
          --staff-client-id=city-it --staff-client-secret=<secret>   (or CIVITAS_STAFF_CLIENT_SECRET)
          --policy-metrics=http://localhost:8082/actuator/metrics/civitas.governance.readings.stored
                                                 comma-separated, one per policy-service instance
                                                 (an /actuator/prometheus URL works too)
          --repository=.                         checkout whose service jars are measured
          --postgres-port=5432                   tells the platform's PostgreSQL from others
          --probe-interval=250ms --drain=60s
          --probe-poll=200ms                     how often the probe's readings are looked for;
                                                 latencies are late by up to this much
          --policy-group=policy-service           consumer group whose assignment the report shows
                                                 for the probe's partition
          --probe-partition=busiest              raw-topic partition of the probe sensor: busiest
                                                 (the consumer serving most load sensors; the
                                                 worst-case latency), random, or a number
          --settle=30s                           with --rate: after --warmup, warm up on until every
                                                 probe reading has been queryable within
                                                 --settle-within (2s) for this long; 0 for a fixed
                                                 warm-up (the default without --rate)
          --warmup-max=5m                        the longest warm-up; a run that did not settle by
                                                 then is measured anyway and says NOT SETTLED

      java -jar load-tool.jar groups [--bootstrap=127.0.0.1:9092] [--group=policy-service,audit-service]
          Each member of the consumer groups with its partitions and lag (how instances share work).

      Common options:
          --duration=60s (baseline: 30s)   measured time: 500ms, 30s, 2m, PT1M
          --warmup=5s                      load before measuring, not counted
          --batch=500                      readings per request (1..5000)
          --concurrency=8                  requests in flight
          --rate=N                         readings/s to aim for; default unlimited
          --progress=5s                    progress line interval on stderr; 0 for none
          --json                           JSON summary on stdout (the table goes to stderr)
      """;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    try {
      Arguments arguments = Arguments.parse(args);
      String command = arguments.command().orElse(null);
      if (command == null || command.equals("help") || arguments.has("help")) {
        out.print(USAGE_TEXT);
        return command == null && !arguments.has("help") ? USAGE : OK;
      }
      return switch (command) {
        case "ingest" ->
            arguments.has("baseline-bootstrap")
                ? compare(arguments, out, err, env)
                : ingest(arguments, out, err, env);
        case "kafka-baseline" -> baseline(arguments, out, err);
        case "compare" -> compare(arguments, out, err, env);
        case "e2e" -> endToEnd(arguments, out, err, env);
        case "groups" -> {
          arguments.allowOnly(List.of("bootstrap", "group"));
          out.print(
              ConsumerGroups.describe(
                  arguments.text("bootstrap", "127.0.0.1:9092"),
                  arguments.list("group", "policy-service,audit-service")));
          yield OK;
        }
        default ->
            throw new UsageException(
                "unknown command '"
                    + command
                    + "'; use ingest, kafka-baseline, compare, e2e, groups or help");
      };
    } catch (UsageException e) {
      err.println("load-tool: " + e.getMessage());
      err.println("Run 'java -jar load-tool.jar help' for all options.");
      return USAGE;
    } catch (SetupException e) {
      err.println("load-tool: " + e.getMessage());
      return FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("load-tool: interrupted");
      return FAILED;
    }
  }

  private static int ingest(
      Arguments arguments, PrintStream out, PrintStream err, Map<String, String> env)
      throws InterruptedException {
    arguments.allowOnly(IngestOptions.OPTIONS);
    IngestOptions options =
        IngestOptions.from(arguments, env, RunPlan.from(arguments, INGEST_DURATION));
    IngestLoad load = new IngestLoad(options, err);
    RunSummary summary = load.run(load.sensors());
    report(summary, SummaryTable.render(summary), arguments.flag("json"), out, err);
    return verdict(summary, err);
  }

  private static int baseline(Arguments arguments, PrintStream out, PrintStream err)
      throws InterruptedException {
    arguments.allowOnly(BaselineOptions.OPTIONS);
    BaselineOptions options =
        BaselineOptions.from(
            arguments, "bootstrap", RunPlan.from(arguments, BASELINE_DURATION), null);
    RunSummary summary = new KafkaBaseline(options, err).run();
    report(summary, SummaryTable.render(summary), arguments.flag("json"), out, err);
    return verdict(summary, err);
  }

  private static int compare(
      Arguments arguments, PrintStream out, PrintStream err, Map<String, String> env)
      throws InterruptedException {
    List<String> known = new ArrayList<>(IngestOptions.OPTIONS);
    known.addAll(BaselineOptions.PRODUCER_OPTIONS);
    known.remove("categories");
    known.addAll(List.of("bootstrap", "baseline-bootstrap", "baseline-duration"));
    arguments.allowOnly(known);
    if (arguments.has("bootstrap") && arguments.has("baseline-bootstrap")) {
      throw new UsageException("give either --bootstrap or --baseline-bootstrap, not both");
    }
    RunPlan ingestPlan = RunPlan.from(arguments, INGEST_DURATION);
    IngestOptions ingestOptions = IngestOptions.from(arguments, env, ingestPlan);
    RunPlan baselinePlan = RunPlan.from(arguments, "baseline-duration", ingestPlan.duration());
    IngestLoad ingest = new IngestLoad(ingestOptions, err);
    // resolve sensors before anything runs, so a bad setup fails in seconds, not after the baseline
    List<SensorTarget> sensors = ingest.sensors();
    BaselineOptions baselineOptions =
        BaselineOptions.from(
            arguments,
            arguments.has("baseline-bootstrap") ? "baseline-bootstrap" : "bootstrap",
            baselinePlan,
            sensors);
    RunSummary baseline = new KafkaBaseline(baselineOptions, err).run();
    RunSummary ingested = ingest.run(sensors);
    Comparison comparison = Comparison.of(baseline, ingested);
    String table =
        SummaryTable.render(baseline)
            + System.lineSeparator()
            + SummaryTable.render(ingested)
            + System.lineSeparator()
            + comparison.render();
    report(comparison, table, arguments.flag("json"), out, err);
    return Math.max(verdict(baseline, err), verdict(ingested, err));
  }

  private static int endToEnd(
      Arguments arguments, PrintStream out, PrintStream err, Map<String, String> env)
      throws InterruptedException {
    EndToEndSummary summary = new EndToEnd(arguments, env, err).run();
    String table =
        (summary.baseline() == null ? "" : SummaryTable.render(summary.baseline()))
            + SummaryTable.render(summary.ingest())
            + System.lineSeparator()
            + EndToEnd.render(summary);
    report(summary, table, arguments.flag("json"), out, err);
    return summary.baseline() == null
        ? verdict(summary.ingest(), err)
        : Math.max(verdict(summary.baseline(), err), verdict(summary.ingest(), err));
  }

  private static void report(
      Object summary, String table, boolean json, PrintStream out, PrintStream err) {
    if (json) {
      err.print(table);
      out.println(
          ContractJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
    } else {
      out.print(table);
    }
    out.flush();
  }

  private static int verdict(RunSummary summary, PrintStream err) {
    if (summary.generatorStalls() > 0) {
      err.printf(
          "load-tool: warning: %s: %,d requests waited for their payload; the tool limited"
              + " this run%n",
          summary.mode(), summary.generatorStalls());
    }
    if (summary.failedRequests() > 0) {
      err.printf(
          "load-tool: warning: %s: %,d of %,d requests failed (see status counts)%n",
          summary.mode(), summary.failedRequests(), summary.requests());
    }
    if (summary.accepted() == 0) {
      err.printf("load-tool: %s: nothing was accepted%n", summary.mode());
      return FAILED;
    }
    return OK;
  }

  private LoadTool() {}
}
