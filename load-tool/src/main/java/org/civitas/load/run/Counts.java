package org.civitas.load.run;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts by a short label, bounded in the number of labels so that memory stays flat. */
final class Counts {

  static final String OTHER = "(other)";

  private final int maxLabels;
  private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

  Counts(int maxLabels) {
    this.maxLabels = maxLabels;
  }

  void add(String label, long amount) {
    if (label == null || amount == 0) {
      return;
    }
    LongAdder counter = counts.get(label);
    if (counter == null) {
      String key = counts.size() >= maxLabels ? OTHER : label;
      counter = counts.computeIfAbsent(key, k -> new LongAdder());
    }
    counter.add(amount);
  }

  Map<String, Long> snapshot() {
    Map<String, Long> snapshot = new TreeMap<>();
    counts.forEach((label, count) -> snapshot.put(label, count.sum()));
    return snapshot;
  }
}
