package org.civitas.gateway;

import java.util.List;

/** The three services behind the gateway, started once per test JVM and shared by test classes. */
final class Upstreams {

  static final RecordingUpstream INGEST = RecordingUpstream.start("ingest-service");
  static final RecordingUpstream POLICY = RecordingUpstream.start("policy-service");
  static final RecordingUpstream AUDIT = RecordingUpstream.start("audit-service");

  static List<RecordingUpstream> all() {
    return List.of(INGEST, POLICY, AUDIT);
  }

  static RecordingUpstream named(String name) {
    return all().stream()
        .filter(upstream -> upstream.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name));
  }

  static void forgetAll() {
    all().forEach(RecordingUpstream::forget);
  }

  private Upstreams() {}
}
