package org.civitas.policy.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The physical layout of the governed store: {@code governed_readings} is range-partitioned by UTC
 * day of {@code expires_at} (see db/migration V3 for why), one partition per day named {@code
 * governed_readings_pYYYYMMDD}, plus a default partition as a safety net.
 *
 * <p>Partitions are created ahead of need (the days readings arriving in the next days will expire
 * on, per retention of the active policy) and on demand before a batch is stored. A partition is
 * created as a plain table and then attached, which locks the parent only in SHARE UPDATE EXCLUSIVE
 * mode, so reads and inserts go on; rows that landed in the default partition for that day are
 * moved into it in the same transaction.
 *
 * <p>Whoever locks several of these tables locks them in one order, so that no two transactions
 * wait for each other: the parent first, then the default partition, then day partitions oldest
 * first (inserts and queries do so through the parent; the sweep's detach; creation here).
 */
@Component
public class GovernedPartitions {

  private static final Logger log = LoggerFactory.getLogger(GovernedPartitions.class);

  public static final String TABLE = "governed_readings";
  public static final String DEFAULT_PARTITION = "governed_readings_default";
  static final String PREFIX = "governed_readings_p";
  private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d{8})");
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  /** Serializes partition creation between instances; any constant unique to this purpose. */
  private static final long CREATE_LOCK = 0x6369766974617301L;

  /** One day partition: rows with {@code day 00:00Z <= expires_at < day+1 00:00Z}. */
  public record Partition(String name, LocalDate day) {

    public Instant lowerBound() {
      return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant upperBound() {
      return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Every row it can hold has expired at {@code now}. */
    public boolean entirelyExpiredAt(Instant now) {
      return !upperBound().isAfter(now);
    }
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Duration lockTimeout;
  private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

  GovernedPartitions(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager,
      Clock clock,
      GovernedStoreSettings settings) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.lockTimeout = settings.ddlLockTimeout();
  }

  public static Partition partitionOf(LocalDate day) {
    return new Partition(PREFIX + DAY.format(day), day);
  }

  public static LocalDate dayOf(Instant expiresAt) {
    return LocalDate.ofInstant(expiresAt, ZoneOffset.UTC);
  }

  /** The day of a partition named like ours, empty for any other name. */
  public static Optional<LocalDate> dayOfName(String name) {
    Matcher matcher = NAME.matcher(name);
    return matcher.matches()
        ? Optional.of(LocalDate.parse(matcher.group(1), DAY))
        : Optional.empty();
  }

  /**
   * Makes sure the partitions exist for rows expiring at these instants, except for days already
   * over: rows of those expire on arrival and wait in the default partition for the next sweep.
   * Best effort: a partition that cannot be created now (lock timeout) leaves its rows in the
   * default partition, from where they move when the partition is created later.
   */
  public void ensureFor(Collection<Instant> expiries) {
    LocalDate today = dayOf(clock.instant());
    Set<LocalDate> days = new TreeSet<>();
    for (Instant expiry : expiries) {
      LocalDate day = dayOf(expiry);
      if (!day.isBefore(today) && !known.contains(day)) {
        days.add(day);
      }
    }
    ensureDays(days);
  }

  /** Makes sure the partition of this day exists, whether the day is over or not. */
  public void ensure(LocalDate day) {
    ensureDays(new TreeSet<>(Set.of(day)));
  }

  /**
   * Creates the partitions for the next {@code ahead} of arrivals under each retention: days from
   * today to today + ahead, and from today + retention to today + retention + ahead.
   */
  public void ensureAhead(Collection<Duration> retentions, Duration ahead) {
    Instant now = clock.instant();
    Set<LocalDate> days = new TreeSet<>();
    addDays(days, now, now.plus(ahead));
    for (Duration retention : retentions) {
      addDays(days, now.plus(retention), now.plus(retention).plus(ahead));
    }
    days.removeAll(known);
    ensureDays(days);
  }

  /** The day partitions attached now, oldest first. */
  public List<Partition> attached() {
    List<Partition> partitions = new ArrayList<>();
    for (String name :
        jdbc.queryForList(
            """
            select c.relname from pg_inherits i
              join pg_class c on c.oid = i.inhrelid
             where i.inhparent = 'governed_readings'::regclass
            """,
            String.class)) {
      dayOfName(name).ifPresent(day -> partitions.add(new Partition(name, day)));
    }
    partitions.sort((a, b) -> a.day().compareTo(b.day()));
    known.clear();
    partitions.forEach(p -> known.add(p.day()));
    return partitions;
  }

  /**
   * Tables named like day partitions that are not attached: partitions a sweep detached and has not
   * dropped yet (it was interrupted, or its audit could not be written).
   */
  public List<Partition> detached() {
    List<Partition> tables = new ArrayList<>();
    for (String name :
        jdbc.queryForList(
            """
            select c.relname from pg_class c
              join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = current_schema()
               and c.relkind = 'r'
               and c.relname like 'governed\\_readings\\_p%'
               and not c.relispartition
            """,
            String.class)) {
      dayOfName(name).ifPresent(day -> tables.add(new Partition(name, day)));
    }
    tables.sort((a, b) -> a.day().compareTo(b.day()));
    return tables;
  }

  /** Forgets a partition the sweep has detached, so that it is looked up again if needed. */
  public void forget(Partition partition) {
    known.remove(partition.day());
  }

  private static void addDays(Set<LocalDate> days, Instant from, Instant to) {
    for (LocalDate day = dayOf(from); !day.isAfter(dayOf(to)); day = day.plusDays(1)) {
      days.add(day);
    }
  }

  private void ensureDays(Set<LocalDate> days) {
    if (days.isEmpty()) {
      return;
    }
    Set<String> existing = Set.copyOf(attachedNames());
    for (LocalDate day : days) {
      Partition partition = partitionOf(day);
      if (existing.contains(partition.name())) {
        known.add(day);
        continue;
      }
      try {
        create(partition);
        known.add(day);
      } catch (DataAccessException e) {
        log.warn(
            "could not create partition {} ({}); its rows stay in the default partition for now",
            partition.name(),
            e.getClass().getName());
      }
    }
  }

  private List<String> attachedNames() {
    return jdbc.queryForList(
        """
        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
         where i.inhparent = 'governed_readings'::regclass
        """,
        String.class);
  }

  private void create(Partition partition) {
    String name = partition.name();
    String lower = literal(partition.lowerBound());
    String upper = literal(partition.upperBound());
    transaction.executeWithoutResult(
        status -> {
          jdbc.execute("select pg_advisory_xact_lock(" + CREATE_LOCK + ")");
          jdbc.execute("set local lock_timeout = " + lockTimeout.toMillis());
          // the parent before the default partition, the order the sweep's detach takes them in;
          // the other way round, the two could deadlock. This mode lets reads and inserts go on.
          jdbc.execute("lock table only " + TABLE + " in share update exclusive mode");
          Boolean attached =
              jdbc.queryForObject(
                  """
                  select exists (select 1 from pg_inherits i join pg_class c on c.oid = i.inhrelid
                                  where i.inhparent = 'governed_readings'::regclass
                                    and c.relname = ?)
                  """,
                  Boolean.class,
                  name);
          if (Boolean.TRUE.equals(attached)) {
            return;
          }
          jdbc.execute(
              "create table if not exists "
                  + name
                  + " (like governed_readings including defaults including constraints)");
          // a matching check constraint lets ATTACH skip its validation scan
          jdbc.execute(
              "alter table "
                  + name
                  + " add constraint "
                  + name
                  + "_bound check (expires_at >= "
                  + lower
                  + " and expires_at < "
                  + upper
                  + ")");
          jdbc.update(
              "with moved as (delete from "
                  + DEFAULT_PARTITION
                  + " where expires_at >= "
                  + lower
                  + " and expires_at < "
                  + upper
                  + " returning *) insert into "
                  + name
                  + " select * from moved");
          jdbc.execute(
              "alter table governed_readings attach partition "
                  + name
                  + " for values from ("
                  + lower
                  + ") to ("
                  + upper
                  + ")");
          jdbc.execute("alter table " + name + " drop constraint " + name + "_bound");
        });
    log.debug("created partition {}", name);
  }

  /** Bounds are generated from dates here, never from input, so inlining them is safe. */
  private static String literal(Instant instant) {
    return "timestamptz '" + instant.toString() + "'";
  }
}
