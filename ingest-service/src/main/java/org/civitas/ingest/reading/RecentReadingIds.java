package org.civitas.ingest.reading;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

/**
 * Remembers recently accepted readingIds, only to report re-sent readings as duplicates (storage
 * downstream is idempotent anyway). Bounded in count and time: two generations of compact
 * open-addressing tables, the older dropped when the newer fills up or ages out, so about a million
 * ids cost about 32 MB and no per-id objects.
 */
final class RecentReadingIds {

  private final int perGeneration;
  private final long halfWindowMillis;
  private final Clock clock;
  private IdTable current;
  private IdTable previous;
  private long currentSince;

  RecentReadingIds(int capacity, Duration window, Clock clock) {
    this.perGeneration = Math.max(1, capacity / 2);
    this.halfWindowMillis = Math.max(1, window.toMillis() / 2);
    this.clock = clock;
    this.current = new IdTable(perGeneration);
    this.previous = new IdTable(perGeneration);
    this.currentSince = clock.millis();
  }

  synchronized boolean contains(UUID id) {
    age();
    long msb = id.getMostSignificantBits();
    long lsb = id.getLeastSignificantBits();
    return current.contains(msb, lsb) || previous.contains(msb, lsb);
  }

  synchronized void remember(UUID id) {
    age();
    if (current.size >= perGeneration) {
      rotate();
    }
    current.add(id.getMostSignificantBits(), id.getLeastSignificantBits());
  }

  private void age() {
    long elapsed = clock.millis() - currentSince;
    if (elapsed >= 2 * halfWindowMillis) {
      rotate();
      rotate();
    } else if (elapsed >= halfWindowMillis) {
      rotate();
    }
  }

  private void rotate() {
    IdTable recycled = previous;
    recycled.clear();
    previous = current;
    current = recycled;
    currentSince = clock.millis();
  }

  /** A set of 128-bit ids in one long array, linear probing, load factor at most one half. */
  private static final class IdTable {
    private final long[] slots;
    private final int mask;
    private boolean hasZero;
    int size;

    IdTable(int capacity) {
      int buckets = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
      slots = new long[buckets * 2];
      mask = buckets - 1;
    }

    boolean contains(long msb, long lsb) {
      if (msb == 0 && lsb == 0) {
        return hasZero;
      }
      for (int i = bucket(msb, lsb); ; i = (i + 1) & mask) {
        long m = slots[2 * i];
        long l = slots[2 * i + 1];
        if (m == 0 && l == 0) {
          return false;
        }
        if (m == msb && l == lsb) {
          return true;
        }
      }
    }

    void add(long msb, long lsb) {
      if (msb == 0 && lsb == 0) {
        if (!hasZero) {
          hasZero = true;
          size++;
        }
        return;
      }
      for (int i = bucket(msb, lsb); ; i = (i + 1) & mask) {
        long m = slots[2 * i];
        long l = slots[2 * i + 1];
        if (m == msb && l == lsb) {
          return;
        }
        if (m == 0 && l == 0) {
          slots[2 * i] = msb;
          slots[2 * i + 1] = lsb;
          size++;
          return;
        }
      }
    }

    void clear() {
      Arrays.fill(slots, 0L);
      hasZero = false;
      size = 0;
    }

    private int bucket(long msb, long lsb) {
      // ids need not be random (vendors may count): mix all bits before masking
      long h = msb * 0x9E3779B97F4A7C15L ^ lsb;
      h ^= h >>> 33;
      h *= 0xFF51AFD7ED558CCDL;
      h ^= h >>> 33;
      return (int) h & mask;
    }
  }
}
