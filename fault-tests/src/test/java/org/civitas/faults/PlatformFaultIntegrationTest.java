package org.civitas.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.civitas.audit.verify.VerifyCommand;
import org.civitas.faults.GovernedStore.Rows;
import org.civitas.standalone.Platform;
import org.civitas.standalone.PlatformSettings;
import org.civitas.standalone.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The whole platform (embedded Kafka and PostgreSQL, every service as its own process from its jar)
 * while a vendor sends a known set of readings and staff query data; in each scenario one part
 * fails mid-stream and comes back. Afterwards every accepted reading is stored exactly once, every
 * query answered with data has exactly one audit event, and the Merkle log verifies against its
 * signed tree head. Results go to {@code target/fault-report.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PlatformFaultIntegrationTest {

  /** Readings per request, and the pace: 100 every 200 ms is 500 readings/s. */
  private static final int BATCH = 100;

  private static final Duration SEND_INTERVAL = Duration.ofMillis(200);
  private static final Duration QUERY_INTERVAL = Duration.ofMillis(250);
  private static final Duration CATCH_UP = Duration.ofMinutes(5);

  /**
   * Longest wait for load to reach a point of a scenario. Generous because the build machine is
   * shared: on a quiet machine each step takes seconds.
   */
  private static final Duration STEP = Duration.ofMinutes(3);

  private static Platform platform;
  private static Gateway gateway;
  private static GovernedStore store;
  private static AuditTrail audit;

  @BeforeAll
  @Timeout(value = 15, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  static void startPlatform() throws IOException, InterruptedException {
    Path logs = Path.of("target", "platform-logs").toAbsolutePath();
    System.setProperty(ServiceProcess.LOG_DIR_PROPERTY, logs.toString());
    PlatformSettings settings =
        PlatformSettings.onFreePorts(
            // under the build output, so that the platform's data goes with `mvn clean`
            Files.createTempDirectory(Files.createDirectories(Path.of("target")), "fault-data"),
            repositoryRoot());
    platform = new Platform(settings);
    // whatever ends this JVM, the service processes must not outlive it
    Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "fault-platform-stop"));
    platform.start();
    gateway = new Gateway(settings);
    store = new GovernedStore(platform.jdbcUrl("policy"));
    audit = new AuditTrail(gateway);
    // the demo sensors reach ingest-service through the registry topic
    VendorSender probe = new VendorSender(gateway, 2, Duration.ofMillis(100));
    await().atMost(STEP).pollInterval(Duration.ofSeconds(1)).until(probe::tryOnce);
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
  }

  @Test
  @Order(1)
  void policyServiceKilledMidStreamLosesAndDuplicatesNothing() throws Exception {
    runScenario(
        "SIGKILL policy-service, restart",
        "policy-kill",
        (sender, queries) -> {
          platform.kill("policy-service");
          platform.restart("policy-service");
        });
  }

  @Test
  @Order(2)
  void postgresStoppedMidStreamLosesAndDuplicatesNothing() throws Exception {
    runScenario(
        "stop PostgreSQL, restart",
        "postgres-stop",
        (sender, queries) -> {
          platform.postgres().stop();
          try {
            int before = sender.acceptedCount();
            // ingest needs no database: readings keep being accepted and wait in Kafka
            await().atMost(STEP).until(() -> sender.acceptedCount() >= before + 2_000);
          } finally {
            platform.postgres().start();
          }
        });
  }

  @Test
  @Order(3)
  void kafkaStoppedMidStreamMakesIngestAnswer503AndLosesNothing() throws Exception {
    Map<Integer, Integer> during = new HashMap<>();
    runScenario(
        "stop Kafka broker, restart",
        "kafka-stop",
        (sender, queries) -> {
          platform.kafka().stop();
          Map<Integer, Integer> before = sender.statusCounts();
          try {
            await()
                .atMost(STEP)
                .until(() -> sender.answers(503) >= before.getOrDefault(503, 0) + 3);
          } finally {
            Map<Integer, Integer> after = sender.statusCounts();
            after.forEach((status, n) -> during.put(status, n - before.getOrDefault(status, 0)));
            platform.kafka().start();
          }
        });
    during.values().removeIf(n -> n == 0);
    assertThat(during.keySet())
        .as("while Kafka is down, ingest answers 503 and never 202 or another error: %s", during)
        .containsOnly(503);
  }

  @Test
  @Order(4)
  void auditServiceKilledWhileDataIsQueriedKeepsEveryQueryAudited() throws Exception {
    runScenario(
        "SIGKILL audit-service during queries, restart",
        "audit-kill",
        (sender, queries) -> {
          platform.kill("audit-service");
          try {
            int before = queries.answeredCount();
            // the events wait in Kafka: queries keep being answered while the log is away
            await().atMost(STEP).until(() -> queries.answeredCount() >= before + 20);
          } finally {
            platform.restart("audit-service");
          }
        });
  }

  @FunctionalInterface
  interface Fault {
    void inject(VendorSender sender, DataQueries queries) throws Exception;
  }

  private static void runScenario(String scenario, String tag, Fault fault) throws Exception {
    Instant since = Instant.now().minusSeconds(5);
    VendorSender sender = new VendorSender(gateway, BATCH, SEND_INTERVAL).start();
    DataQueries queries = new DataQueries(gateway, tag, QUERY_INTERVAL).start();
    long faultStarted = System.nanoTime();
    long cleared = -1;
    String failedStep = null;
    try {
      await()
          .atMost(STEP)
          .until(() -> sender.acceptedCount() >= 2_000 && queries.answeredCount() >= 4);
      faultStarted = System.nanoTime();
      failedStep = "fault";
      fault.inject(sender, queries);
      cleared = System.nanoTime();
      failedStep = "recovery";
      int atRecovery = sender.acceptedCount();
      int answeredAtRecovery = queries.answeredCount();
      // traffic flows again end to end before the scenario ends
      await()
          .atMost(STEP)
          .until(
              () ->
                  sender.acceptedCount() >= atRecovery + 1_000
                      && queries.answeredCount() >= answeredAtRecovery + 4);
      failedStep = null;
    } catch (ConditionTimeoutException e) {
      failedStep = failedStep == null ? "warm-up" : failedStep;
      FaultReport.add(
          new FaultReport.Row(
              scenario + " (timed out in " + failedStep + ")",
              sender.sent().size(),
              sender.acceptedCount(),
              -1,
              -1,
              sender.answers(503),
              queries.answeredCount(),
              -1,
              queries.refused().size(),
              "not checked",
              cleared < 0 ? -1 : seconds(cleared - faultStarted),
              -1,
              "ingest answers " + sender.statusCounts()));
      throw e;
    } finally {
      sender.stopAndDrain();
      queries.close();
    }

    Set<String> accepted = sender.accepted();
    Set<String> sent = sender.sent();
    Set<String> answered = queries.answered();
    long caughtUp = cleared;
    try {
      await()
          .atMost(CATCH_UP)
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  store.rowsOf(accepted).distinct() == accepted.size()
                      && everyQueryAudited(audit.dataQueriesSince(since), answered));
      caughtUp = System.nanoTime();
    } catch (ConditionTimeoutException e) {
      caughtUp = -1;
    }
    Rows stored = store.rowsOf(sent);
    Rows storedAccepted = store.rowsOf(accepted);
    Map<String, Integer> events = audit.dataQueriesSince(since);
    int auditedAnswered = 0;
    int duplicateEvents = 0;
    for (String id : answered) {
      int n = events.getOrDefault(id, 0);
      auditedAnswered += Math.min(n, 1);
      duplicateEvents += Math.max(n - 1, 0);
    }
    VerifyCommand.Outcome verified = audit.verify();
    FaultReport.add(
        new FaultReport.Row(
            scenario,
            sent.size(),
            accepted.size(),
            stored.distinct(),
            stored.duplicates(),
            sender.answers(503),
            answered.size(),
            auditedAnswered + duplicateEvents,
            queries.refused().size(),
            verified.verified() ? "yes (" + verified.treeSize() + " events)" : "NO",
            seconds(cleared - faultStarted),
            caughtUp < 0 ? -1 : seconds(caughtUp - cleared),
            "ingest answers " + sender.statusCounts()));

    assertThat(sender.rejected()).as("readings rejected by validation").isZero();
    assertThat(accepted).as("every batch sent was eventually accepted").hasSameSizeAs(sent);
    assertThat(storedAccepted.distinct()).as("accepted readings stored").isEqualTo(accepted.size());
    assertThat(stored.duplicates()).as("readings stored twice").isZero();
    assertThat(auditedAnswered)
        .as("answered queries with an audit event")
        .isEqualTo(answered.size());
    assertThat(duplicateEvents).as("queries with more than one audit event").isZero();
    assertThat(verified.verified()).as(verified.message()).isTrue();
  }

  private static boolean everyQueryAudited(Map<String, Integer> events, Set<String> answered) {
    return answered.stream().allMatch(events::containsKey);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static Path repositoryRoot() {
    Path module = Path.of("").toAbsolutePath();
    return Files.exists(module.resolve("mvnw")) ? module : module.getParent();
  }
}
