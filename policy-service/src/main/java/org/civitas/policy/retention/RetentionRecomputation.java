package org.civitas.policy.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.civitas.policy.document.CategoryPolicy;
import org.civitas.policy.document.PolicyDocument;
import org.civitas.policy.document.PolicyDocumentParser;
import org.civitas.policy.document.PolicyParseResult;
import org.civitas.policy.governance.GovernedPartitions;
import org.civitas.policy.versions.ActivePolicy;
import org.civitas.policy.versions.PolicyVersionActivated;
import org.civitas.policy.versions.PolicyVersionQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries a new policy version's retention to readings already stored (CONTRACT §6: retention is
 * the one thing a new version changes retroactively, "as configured"). With {@code
 * civitas.retention.apply-to-stored} (default true), each category whose retention changed gets
 * {@code expires_at = observed_at + retention} on its rows that have not expired yet: a longer
 * retention keeps them longer, a shorter one lets the next sweep purge them. Rows already expired
 * stay expired, whether or not a sweep has removed them yet, so that what is returned never depends
 * on when the sweep ran. Updating expires_at moves rows between day partitions; the partitions of
 * the new days are created first.
 *
 * <p>Which version's retention the stored rows follow is kept in {@code retention_state}, so the
 * change is applied exactly once, by whichever instance gets there first, and also if this instance
 * stopped right after publishing: it runs after every activation and before every sweep.
 */
@Component
public class RetentionRecomputation {

  private static final Logger log = LoggerFactory.getLogger(RetentionRecomputation.class);

  private final ActivePolicy activePolicy;
  private final PolicyVersionQueries versions;
  private final GovernedPartitions partitions;
  private final JdbcTemplate jdbc;
  private final RetentionSettings settings;
  private final TransactionTemplate transaction;
  private final Clock clock;

  RetentionRecomputation(
      ActivePolicy activePolicy,
      PolicyVersionQueries versions,
      GovernedPartitions partitions,
      JdbcTemplate jdbc,
      RetentionSettings settings,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.activePolicy = activePolicy;
    this.versions = versions;
    this.partitions = partitions;
    this.jdbc = jdbc;
    this.settings = settings;
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  @EventListener
  void activated(PolicyVersionActivated event) {
    try {
      applyPending();
    } catch (RuntimeException e) {
      log.warn(
          "could not apply the retention of policy version {} yet ({}); the next sweep retries",
          event.version(),
          e.getClass().getName());
    }
  }

  /** Applies the active version's retention to stored readings unless that is done already. */
  public void applyPending() {
    Optional<ActivePolicy.Active> current = activePolicy.current();
    if (current.isEmpty()) {
      return;
    }
    long target = current.get().version().version();
    long applied = appliedVersion();
    if (applied >= target) {
      return;
    }
    PolicyDocument after = current.get().policy().document();
    Map<String, Duration> changed =
        settings.applyToStored() ? changedRetentions(document(applied), after) : Map.of();
    Instant now = clock.instant();
    changed.forEach((category, retention) -> prepareDays(category, retention, now));
    transaction.executeWithoutResult(
        status -> {
          RetentionLock.acquire(jdbc);
          Long locked =
              jdbc.queryForObject(
                  "select applied_version from retention_state for update", Long.class);
          if (locked != null && locked >= target) {
            return;
          }
          changed.forEach(
              (category, retention) -> {
                int moved = recompute(category, retention, now);
                if (moved > 0) {
                  log.info(
                      "policy version {}: new retention {} applied to {} stored {} readings",
                      target,
                      retention,
                      moved,
                      category);
                }
              });
          jdbc.update("update retention_state set applied_version = ?", target);
        });
  }

  /** Categories present in both versions whose retention differs, with the new retention. */
  static Map<String, Duration> changedRetentions(PolicyDocument before, PolicyDocument after) {
    Map<String, Duration> changed = new LinkedHashMap<>();
    if (before == null) {
      return changed;
    }
    for (String category : new TreeSet<>(after.categories().keySet())) {
      Duration previous = before.category(category).map(CategoryPolicy::retention).orElse(null);
      Duration next = after.categories().get(category).retention();
      if (previous != null && !previous.equals(next)) {
        changed.put(category, next);
      }
    }
    return changed;
  }

  private long appliedVersion() {
    Long applied = jdbc.queryForObject("select applied_version from retention_state", Long.class);
    return applied == null ? 0 : applied;
  }

  private PolicyDocument document(long version) {
    if (version <= 0) {
      return null;
    }
    return versions
        .find(version)
        .map(v -> PolicyDocumentParser.parse(v.document()))
        .filter(PolicyParseResult.Valid.class::isInstance)
        .map(valid -> ((PolicyParseResult.Valid) valid).document())
        .orElse(null);
  }

  /** Creates the day partitions the recomputed rows will move to. */
  private void prepareDays(String category, Duration retention, Instant now) {
    List<Instant> bounds = new ArrayList<>();
    jdbc.query(
        """
        select min(observed_at) as first, max(observed_at) as last from governed_readings
         where category = ? and expires_at > ?
        """,
        rs -> {
          Timestamp first = rs.getTimestamp("first");
          Timestamp last = rs.getTimestamp("last");
          if (first != null && last != null) {
            bounds.add(first.toInstant().plus(retention));
            bounds.add(last.toInstant().plus(retention));
          }
        },
        category,
        Timestamp.from(now));
    if (bounds.isEmpty()) {
      return;
    }
    Set<Instant> expiries = new TreeSet<>();
    for (Instant day = bounds.get(0);
        !day.isAfter(bounds.get(1));
        day = day.plus(Duration.ofDays(1))) {
      expiries.add(day);
    }
    expiries.add(bounds.get(1));
    partitions.ensureFor(expiries);
  }

  private int recompute(String category, Duration retention, Instant now) {
    double seconds = retention.getSeconds() + retention.getNano() / 1e9;
    // seconds only (no days) in the interval: exact durations, no daylight-saving arithmetic
    return jdbc.update(
        """
        update governed_readings
           set expires_at = observed_at + make_interval(secs => ?)
         where category = ? and expires_at > ?
           and expires_at <> observed_at + make_interval(secs => ?)
        """,
        seconds,
        category,
        Timestamp.from(now),
        seconds);
  }
}
