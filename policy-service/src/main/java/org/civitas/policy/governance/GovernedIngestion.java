package org.civitas.policy.governance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.civitas.contract.ContractJson;
import org.civitas.contract.Topics;
import org.civitas.contract.audit.AuditAction;
import org.civitas.contract.reading.GovernedReading;
import org.civitas.contract.reading.QuarantinedReading;
import org.civitas.contract.reading.Reading;
import org.civitas.contract.reading.ReadingIds;
import org.civitas.contract.reading.Timestamps;
import org.civitas.kit.audit.AuditEvents;
import org.civitas.kit.audit.AuditPublisher;
import org.civitas.policy.messaging.ReliableProducer;
import org.civitas.policy.messaging.ReliableProducer.Message;
import org.civitas.policy.minimization.CompiledPolicy;
import org.civitas.policy.minimization.MinimizationResult;
import org.civitas.policy.minimization.RefusalReason;
import org.civitas.policy.registry.SensorDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One batch of raw readings through policy: minimize each, store the governed ones idempotently,
 * publish the newly stored ones and the refusals, audit residency blocks. Everything happens in one
 * database transaction that commits only after Kafka has acknowledged every message, so the caller
 * may commit the consumed offsets once this returns.
 */
@Component
class GovernedIngestion {

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final String UNKNOWN_KEY = "unknown";

  /** One record of the raw topic as consumed: its key and its undecoded value. */
  record RawRecord(String key, byte[] value) {}

  /** What a batch did, for logs and tests; counts only, never content. */
  record BatchOutcome(int stored, int duplicates, int quarantined) {}

  private final SensorDirectory sensors;
  private final GovernedReadings store;
  private final ReliableProducer producer;
  private final AuditPublisher audit;
  private final AuditEvents auditEvents;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final GovernedPartitions partitions;
  private final IngestionSettings settings;
  private final GovernanceMetrics metrics;

  GovernedIngestion(
      SensorDirectory sensors,
      GovernedReadings store,
      GovernedPartitions partitions,
      IngestionSettings settings,
      ReliableProducer producer,
      AuditPublisher audit,
      AuditEvents auditEvents,
      PlatformTransactionManager transactionManager,
      Clock clock,
      GovernanceMetrics metrics) {
    this.sensors = sensors;
    this.store = store;
    this.producer = producer;
    this.audit = audit;
    this.auditEvents = auditEvents;
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.partitions = partitions;
    this.settings = settings;
    this.metrics = metrics;
  }

  BatchOutcome process(List<RawRecord> records, CompiledPolicy policy) {
    Instant now = clock.instant();
    List<GovernedReading> governed = new ArrayList<>();
    List<QuarantinedReading> quarantined = new ArrayList<>();
    Map<String, Long> residencyBlocked = new TreeMap<>();
    Instant earliest = now.minus(settings.maxReadingAge());
    Instant latest = now.plus(settings.maxFutureSkew());
    for (RawRecord record : records) {
      Reading reading = RawReadingDecoder.decode(record.value());
      if (reading == null) {
        quarantined.add(malformed(record, now));
        continue;
      }
      RefusalReason untimely = untimely(reading, earliest, latest);
      MinimizationResult result =
          untimely != null
              ? new MinimizationResult.Refused(untimely)
              : policy.minimize(reading, sensors.find(reading.sensorId()).orElse(null));
      if (result instanceof MinimizationResult.Governed g && storable(g.reading())) {
        governed.add(g.reading());
      } else if (result instanceof MinimizationResult.Governed) {
        quarantined.add(malformed(record, now));
      } else {
        RefusalReason reason = ((MinimizationResult.Refused) result).reason();
        quarantined.add(
            new QuarantinedReading(
                safe(reading.readingId()),
                safe(reading.sensorId()),
                safe(reading.category()),
                reason.code(),
                now));
        if (reason == RefusalReason.RESIDENCY) {
          residencyBlocked.merge(reading.category(), 1L, Long::sum);
        }
      }
    }
    partitions.ensureFor(governed.stream().map(GovernedReading::expiresAt).toList());
    Instant rememberUntil = now.plus(settings.idempotencyWindow());
    BatchOutcome outcome =
        transaction.execute(
            status -> {
              List<GovernedReading> stored = store.claimNew(governed, rememberUntil);
              List<Message> messages = new ArrayList<>(stored.size() + quarantined.size());
              List<byte[]> attributes = new ArrayList<>(stored.size());
              for (GovernedReading reading : stored) {
                byte[] attributesJson = GovernedJson.attributes(reading.attributes());
                attributes.add(attributesJson);
                messages.add(
                    new Message(
                        Topics.READINGS_GOVERNED,
                        reading.sensorId(),
                        GovernedJson.reading(reading, attributesJson)));
              }
              quarantined.forEach(
                  refused ->
                      messages.add(
                          new Message(
                              Topics.READINGS_QUARANTINE,
                              refused.sensorId() == null ? UNKNOWN_KEY : refused.sensorId(),
                              refused)));
              // the broker acknowledges while the rows are written: the two waits overlap instead
              // of adding up. Should the write fail, the batch is retried and its messages sent
              // again, as when the commit fails after the acknowledgements
              ReliableProducer.Sending sending = producer.start(messages);
              store.write(stored, attributes, now);
              sending.await();
              residencyBlocked.forEach(
                  (category, count) ->
                      audit.publish(
                          auditEvents
                              .bySystem(AuditAction.RESIDENCY_BLOCKED)
                              .resource(category, null, null, null)
                              .denied(
                                  "category may not be stored in region "
                                      + policy.document().region())
                              .recordCount(count)
                              .policyVersion(policy.version())
                              .build()));
              return new BatchOutcome(
                  stored.size(), governed.size() - stored.size(), quarantined.size());
            });
    metrics.committed(outcome.stored(), quarantined);
    return outcome;
  }

  /**
   * Readings observed before the idempotency window, or too far in the future, are refused: their
   * readingIds may already be forgotten (or be forgotten before another delivery of theirs), so
   * storing them could store a reading twice. Ingest refuses readings older than 7 days anyway.
   */
  private static RefusalReason untimely(Reading reading, Instant earliest, Instant latest) {
    if (reading.observedAt() == null) {
      return null;
    }
    Instant observedAt = Timestamps.parse(reading.observedAt());
    if (observedAt == null) {
      return null; // minimization refuses it as malformed
    }
    if (observedAt.isBefore(earliest)) {
      return RefusalReason.TIMESTAMP_STALE;
    }
    if (observedAt.isAfter(latest)) {
      return RefusalReason.TIMESTAMP_FUTURE;
    }
    return null;
  }

  /** What can be said about a record that is not a reading: identifiers only, if they look safe. */
  private static QuarantinedReading malformed(RawRecord record, Instant now) {
    String readingId = null;
    String category = null;
    String sensorId = safe(record.key());
    if (record.value() != null) {
      try {
        JsonNode tree = ContractJson.mapper().readTree(record.value());
        readingId = safe(tree.path("readingId").stringValue(null));
        category = safe(tree.path("category").stringValue(null));
        if (sensorId == null) {
          sensorId = safe(tree.path("sensorId").stringValue(null));
        }
      } catch (JacksonException | UnsupportedOperationException e) {
        // not even JSON: identifiers stay unknown
      }
    }
    return new QuarantinedReading(
        readingId, sensorId, category, RefusalReason.MALFORMED.code(), now);
  }

  /**
   * A readingId that is not a UUID cannot be claimed in the idempotency ledger (CONTRACT §4.1 says
   * it is one; only a record ingest did not write can lack it), and PostgreSQL refuses NUL
   * characters in text and jsonb: either would fail its batch on every retry and block the
   * partition, so such a reading is quarantined instead.
   */
  private static boolean storable(GovernedReading reading) {
    return ReadingIds.parse(reading.readingId()) != null
        && !containsNul(reading.sensorId())
        && !containsNul(reading.category())
        && !containsNul(reading.jurisdiction())
        && (reading.location() == null
            || !containsNul(reading.location().geohash())
                && !containsNul(reading.location().grid()))
        && !containsNul(reading.attributes());
  }

  /**
   * Whether any string in this value (map keys included) holds a NUL character; attribute values
   * are what Jackson decodes JSON into: strings, numbers, booleans, lists and maps.
   */
  private static boolean containsNul(Object value) {
    if (value instanceof CharSequence text) {
      return text.toString().indexOf('\0') >= 0;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (containsNul(entry.getKey()) || containsNul(entry.getValue())) {
          return true;
        }
      }
      return false;
    }
    if (value instanceof Iterable<?> items) {
      for (Object item : items) {
        if (containsNul(item)) {
          return true;
        }
      }
      return false;
    }
    return false;
  }

  /** Identifiers are passed on only when they look like identifiers, never as free text. */
  private static String safe(String value) {
    return value != null && SAFE_ID.matcher(value).matches() ? value : null;
  }
}
