package org.civitas.load.baseline;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civitas.contract.Topics;
import org.civitas.load.reading.Payloads;
import org.civitas.load.reading.ReadingGenerator;
import org.civitas.load.reading.RecordBatch;
import org.civitas.load.run.LoadRun;
import org.civitas.load.run.Outcome;
import org.civitas.load.run.RunResult;
import org.civitas.load.run.RunSummary;
import org.civitas.load.run.SetupException;

/**
 * The baseline: the readings the ingest benchmark sends, written straight to Kafka by a producer
 * set up like ingest-service's raw-topic producer, and — like one ingest request — a batch of sends
 * awaited together before the next. What it reaches on a broker is the ceiling for the ingest path
 * on that broker: everything ingest adds (HTTP, gateway, auth, validation) can only cost.
 */
public final class KafkaBaseline {

  // generous: a broker on a machine shared with parallel builds may take long to answer
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(30);
  private static final long RETENTION_MS = TimeUnit.HOURS.toMillis(1);
  private static final int TEMPLATES = 4096;

  private final BaselineOptions options;
  private final PrintStream log;

  public KafkaBaseline(BaselineOptions options, PrintStream log) {
    this.options = options;
    this.log = log;
  }

  public RunSummary run() throws InterruptedException {
    int partitions = prepareTopic();
    Payloads payloads =
        new Payloads(
            new ReadingGenerator(options.sensors(), new SplittableRandom()),
            TEMPLATES,
            new SplittableRandom(new SecureRandom().nextLong()),
            Clock.systemUTC());
    int batch = options.plan().batch();
    try (Producer<String, byte[]> producer =
        new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
      // metadata first, so that the first measured sends do not pay for it
      producer.partitionsFor(options.topic());
      log.printf(
          "kafka-baseline: %s topic %s (%d partition(s)), %s, linger %dms, batch %d, concurrency"
              + " %d, warm-up %ds, measuring %ds%n",
          options.bootstrap(),
          options.topic(),
          partitions,
          options.compression(),
          options.linger().toMillis(),
          batch,
          options.plan().concurrency(),
          options.plan().warmup().toSeconds(),
          options.plan().duration().toSeconds());
      RunResult result =
          new LoadRun<RecordBatch>(
                  options.plan(),
                  () -> payloads.records(batch),
                  RecordBatch::size,
                  RecordBatch::bytes,
                  records -> send(producer, records),
                  log)
              .run();
      Map<String, Object> settings = new LinkedHashMap<>(options.plan().describe());
      settings.put("partitions", partitions);
      settings.put("acks", "all");
      settings.put("idempotence", true);
      settings.put("compression", options.compression());
      settings.put("linger", options.linger().toMillis() + "ms");
      settings.put("batchBytes", options.batchBytes());
      settings.put("sensors", options.sensors().size());
      return RunSummary.of(
          "kafka-baseline",
          options.bootstrap() + "/" + options.topic(),
          settings,
          result,
          producerFigures(producer));
    } catch (KafkaException e) {
      throw new SetupException(
          "the Kafka producer for " + options.bootstrap() + " failed: " + e.getMessage(), e);
    }
  }

  /** Sends every record, then waits for every acknowledgement, as ingest does for one request. */
  private Outcome send(Producer<String, byte[]> producer, RecordBatch records)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + BATCH_TIMEOUT.toNanos();
    List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
    String failure = null;
    try {
      for (int i = 0; i < records.size(); i++) {
        acks.add(
            producer.send(
                new ProducerRecord<>(options.topic(), records.keys()[i], records.values()[i])));
      }
    } catch (KafkaException e) {
      failure = e.getClass().getSimpleName();
    }
    int acked = 0;
    for (Future<RecordMetadata> ack : acks) {
      try {
        ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        acked++;
      } catch (ExecutionException e) {
        failure =
            e.getCause() == null ? "ExecutionException" : e.getCause().getClass().getSimpleName();
      } catch (TimeoutException e) {
        failure = "TimeoutException";
      }
    }
    long latency = System.nanoTime() - start;
    if (failure == null) {
      return Outcome.answered("acked", latency, acked, 0, 0, List.of());
    }
    return new Outcome(
        "failed:" + failure,
        false,
        latency,
        acked,
        0,
        0,
        null,
        (records.size() - acked) + " of " + records.size() + " records not acknowledged",
        Duration.ofMillis(200));
  }

  private Map<String, Object> producerConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.LINGER_MS_CONFIG, (int) options.linger().toMillis());
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, options.compression());
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, options.batchBytes());
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) BATCH_TIMEOUT.toMillis());
    // room for every in-flight batch of every worker, so that sends never block on buffer space
    long inFlight = (long) options.plan().concurrency() * options.plan().batch() * 16 * 1024L;
    config.put(
        ProducerConfig.BUFFER_MEMORY_CONFIG,
        Math.max(32L * 1024 * 1024, Math.min(inFlight, 512L * 1024 * 1024)));
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "civitas-load-baseline");
    return config;
  }

  /**
   * Creates the topic when missing, with as many partitions as the raw topic (so both paths spread
   * over as many logs) and a short retention (load-test data is worthless after the run).
   *
   * @return the topic's partition count
   */
  private int prepareTopic() throws InterruptedException {
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "civitas-load-baseline-admin");
    try (Admin admin = Admin.create(config)) {
      Optional<TopicDescription> existing = describe(admin, options.topic());
      if (existing.isPresent()) {
        return existing.get().partitions().size();
      }
      Optional<Integer> partitions =
          Optional.ofNullable(options.partitions())
              .or(
                  () ->
                      describeQuietly(admin, Topics.READINGS_RAW).map(d -> d.partitions().size()));
      NewTopic topic =
          new NewTopic(options.topic(), partitions, Optional.empty())
              .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(RETENTION_MS)));
      try {
        admin
            .createTopics(List.of(topic))
            .all()
            .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw unreachable(e.getCause());
        }
      }
      return describe(admin, options.topic())
          .orElseThrow(() -> new SetupException("topic " + options.topic() + " was not created"))
          .partitions()
          .size();
    } catch (TimeoutException e) {
      throw unreachable(e);
    } catch (KafkaException e) {
      throw unreachable(e);
    }
  }

  private Optional<TopicDescription> describe(Admin admin, String topic)
      throws InterruptedException, TimeoutException {
    try {
      return Optional.of(
          admin
              .describeTopics(Set.of(topic))
              .allTopicNames()
              .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .get(topic));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return Optional.empty();
      }
      throw unreachable(e.getCause());
    }
  }

  private Optional<TopicDescription> describeQuietly(Admin admin, String topic) {
    try {
      return describe(admin, topic);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (TimeoutException | SetupException e) {
      return Optional.empty();
    }
  }

  private SetupException unreachable(Throwable cause) {
    return new SetupException(
        "Kafka at "
            + options.bootstrap()
            + " did not answer as expected within "
            + ADMIN_TIMEOUT.toSeconds()
            + " s ("
            + (cause == null ? "no cause" : cause.getClass().getSimpleName())
            + "); is the broker running? Set it with --bootstrap",
        cause);
  }

  /** The producer's own view, to confirm both paths wrote alike: record size, compression. */
  private static Map<String, Object> producerFigures(Producer<String, byte[]> producer) {
    Map<String, Object> figures = new LinkedHashMap<>();
    Map<String, String> wanted =
        Map.of(
            "record-size-avg", "kafkaRecordSizeAvg",
            "compression-rate-avg", "compressionRateAvg",
            "batch-size-avg", "producerBatchBytesAvg",
            "records-per-request-avg", "recordsPerProduceRequestAvg",
            "request-latency-avg", "produceRequestLatencyMsAvg");
    for (Map.Entry<MetricName, ? extends Metric> metric : producer.metrics().entrySet()) {
      MetricName name = metric.getKey();
      String label = wanted.get(name.name());
      if (label != null && name.group().equals("producer-metrics")) {
        Object value = metric.getValue().metricValue();
        if (value instanceof Double number && Double.isFinite(number)) {
          figures.put(label, Math.round(number * 1000) / 1000.0);
        }
      }
    }
    return new TreeMap<>(figures);
  }
}
