package org.civitas.audit.log;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civitas.audit.merkle.MerkleLog;
import org.civitas.audit.merkle.MerkleMath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends batches of consumed records to the log in one transaction each: events become leaves in
 * the order given, an eventId already logged (or repeated in the batch) is skipped, and records
 * that cannot be logged go to the dead-letter table instead of blocking the stream.
 */
@Service
class AuditLog {

  static final String DEAD_LETTERS_METER = "civitas.audit.dead.letters";
  static final String UNSTORABLE = "unstorable";

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

  private final LoggedEvents events;
  private final DeadLetters deadLetters;
  private final MerkleLog merkle;
  private final TransactionTemplate transactions;
  private final MeterRegistry meters;
  private final List<AppendedEvents> observers;
  private final Counter appendedCounter;
  private final Counter duplicateCounter;

  AuditLog(
      LoggedEvents events,
      DeadLetters deadLetters,
      MerkleLog merkle,
      TransactionTemplate transactions,
      MeterRegistry meters,
      ObjectProvider<AppendedEvents> observers) {
    this.events = events;
    this.deadLetters = deadLetters;
    this.merkle = merkle;
    this.transactions = transactions;
    this.meters = meters;
    this.observers = observers.orderedStream().toList();
    this.appendedCounter = meters.counter("civitas.audit.events.appended");
    this.duplicateCounter = meters.counter("civitas.audit.events.duplicates");
  }

  AppendResult append(List<IncomingRecord> records) {
    return appendDecoded(records.stream().map(AuditRecordDecoder::decode).toList());
  }

  /**
   * Appends records one at a time, for a batch the database keeps refusing: a record the database
   * cannot store for a reason that will not go away is dead-lettered as {@code unstorable}, so one
   * bad record cannot stop the log. Outages (no connection, transient errors) still fail the call,
   * so that nothing is dead-lettered merely because the database was away.
   */
  AppendResult appendOneByOne(List<IncomingRecord> records) {
    int appended = 0;
    int duplicates = 0;
    int deadLettered = 0;
    long treeSize = -1;
    for (IncomingRecord record : records) {
      AppendResult result;
      try {
        result = append(List.of(record));
      } catch (NonTransientDataAccessException e) {
        if (e instanceof DataAccessResourceFailureException) {
          throw e;
        }
        log.warn(
            "dead-lettering a record the database refuses (partition {}, offset {}): {}",
            record.partition(),
            record.offset(),
            e.getClass().getName());
        result = appendDecoded(List.of(new DecodedRecord.Malformed(record, UNSTORABLE)));
      }
      appended += result.appended();
      duplicates += result.duplicates();
      deadLettered += result.deadLettered();
      treeSize = result.treeSize();
    }
    return new AppendResult(appended, duplicates, deadLettered, treeSize);
  }

  private AppendResult appendDecoded(List<DecodedRecord> decoded) {
    AppendResult result = transactions.execute(status -> appendInTransaction(decoded));
    appendedCounter.increment(result.appended());
    duplicateCounter.increment(result.duplicates());
    for (DecodedRecord record : decoded) {
      if (record instanceof DecodedRecord.Malformed malformed) {
        meters.counter(DEAD_LETTERS_METER, "reason", malformed.reason()).increment();
      }
    }
    return result;
  }

  private AppendResult appendInTransaction(List<DecodedRecord> decoded) {
    events.requireDurableCommit();
    long size = merkle.lockForAppend();
    List<DecodedRecord.Event> candidates = new ArrayList<>();
    List<DecodedRecord.Malformed> malformed = new ArrayList<>();
    for (DecodedRecord record : decoded) {
      if (record instanceof DecodedRecord.Event event) {
        candidates.add(event);
      } else {
        malformed.add((DecodedRecord.Malformed) record);
      }
    }
    Set<String> seen =
        new HashSet<>(events.existingIds(candidates.stream().map(e -> e.eventId()).toList()));
    List<LoggedEvents.NewLeaf> leaves = new ArrayList<>();
    for (DecodedRecord.Event event : candidates) {
      if (seen.add(event.eventId())) {
        leaves.add(
            new LoggedEvents.NewLeaf(
                size + leaves.size(), MerkleMath.leafHash(event.canonical()), event));
      }
    }
    merkle.append(size, leaves.stream().map(LoggedEvents.NewLeaf::leafHash).toList());
    events.insert(leaves);
    if (!leaves.isEmpty() && !observers.isEmpty()) {
      List<AppendedEvent> appended =
          leaves.stream()
              .map(
                  l ->
                      new AppendedEvent(
                          l.leafIndex(),
                          l.leafHash(),
                          l.event().canonical(),
                          l.event().parsed(),
                          l.event().occurredAt()))
              .toList();
      observers.forEach(observer -> observer.appended(appended));
    }
    deadLetters.insert(malformed);
    return new AppendResult(
        leaves.size(), candidates.size() - leaves.size(), malformed.size(), size + leaves.size());
  }
}
