package org.civitas.load.reading;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.civitas.contract.ContractJson;
import org.civitas.contract.reading.Reading;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serialized readings made fast enough that the load generator never becomes what is measured: a
 * pool of readings is serialized once, in exactly the form the ingest service writes to the raw
 * topic, and every use copies one and stamps a fresh readingId and the current time into it. Each
 * reading leaves here with a new id, so the ingest path never sees a duplicate.
 *
 * <p>Not thread-safe: one generating thread owns an instance.
 */
public final class Payloads {

  private static final String ID_PLACEHOLDER = "00000000-0000-4000-8000-000000000000";
  private static final String TIME_PLACEHOLDER = "2000-01-01T00:00:00.000Z";
  private static final byte[] BODY_START = "{\"readings\":[".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BODY_END = "]}".getBytes(StandardCharsets.US_ASCII);

  private final Template[] templates;
  private final RandomGenerator random;
  private final Clock clock;
  private int cursor;

  /**
   * @param poolSize how many distinct readings to serialize up front; attribute values repeat with
   *     this period, ids and timestamps never do
   */
  public Payloads(ReadingGenerator generator, int poolSize, RandomGenerator random, Clock clock) {
    this.random = random;
    this.clock = clock;
    this.templates = new Template[poolSize];
    for (int i = 0; i < poolSize; i++) {
      templates[i] = Template.of(generator.next(ID_PLACEHOLDER, TIME_PLACEHOLDER));
    }
  }

  /**
   * The JSON a reading is carried as, field for field in the order the ingest service normalizes it
   * to, so that baseline records and ingested records have the same bytes.
   */
  public static byte[] serialize(Reading reading) {
    ObjectNode node = ContractJson.mapper().createObjectNode();
    node.put("readingId", reading.readingId());
    node.put("sensorId", reading.sensorId());
    node.put("observedAt", reading.observedAt());
    node.put("category", reading.category());
    if (reading.location() != null) {
      node.putObject("location")
          .put("lat", reading.location().lat())
          .put("lon", reading.location().lon());
    }
    ObjectNode attributes = node.putObject("attributes");
    if (reading.attributes() != null) {
      for (Map.Entry<String, Object> attribute : reading.attributes().entrySet()) {
        attributes.set(attribute.getKey(), ContractJson.mapper().valueToTree(attribute.getValue()));
      }
    }
    return ContractJson.mapper().writeValueAsBytes(node);
  }

  /** An ingest body of {@code readings} fresh readings observed now. */
  public Body body(int readings) {
    byte[] time = now();
    int size = BODY_START.length + BODY_END.length + Math.max(0, readings - 1);
    int first = cursor;
    for (int i = 0; i < readings; i++) {
      size += templates[(first + i) % templates.length].json.length;
    }
    byte[] json = new byte[size];
    System.arraycopy(BODY_START, 0, json, 0, BODY_START.length);
    int position = BODY_START.length;
    for (int i = 0; i < readings; i++) {
      if (i > 0) {
        json[position++] = ',';
      }
      position = next().stamp(json, position, time, random);
    }
    System.arraycopy(BODY_END, 0, json, position, BODY_END.length);
    return new Body(json, readings);
  }

  /** {@code readings} fresh readings observed now, as raw-topic records. */
  public RecordBatch records(int readings) {
    byte[] time = now();
    String[] keys = new String[readings];
    byte[][] values = new byte[readings][];
    long bytes = 0;
    for (int i = 0; i < readings; i++) {
      Template template = next();
      byte[] value = new byte[template.json.length];
      template.stamp(value, 0, time, random);
      keys[i] = template.sensorId;
      values[i] = value;
      bytes += value.length;
    }
    return new RecordBatch(keys, values, bytes);
  }

  private Template next() {
    Template template = templates[cursor];
    cursor = (cursor + 1) % templates.length;
    return template;
  }

  private byte[] now() {
    byte[] time = ReadingGenerator.timestamp(clock.instant()).getBytes(StandardCharsets.US_ASCII);
    if (time.length != TIME_PLACEHOLDER.length()) {
      throw new IllegalStateException("clock outside the years 0000-9999");
    }
    return time;
  }

  private record Template(String sensorId, byte[] json, int idOffset, int timeOffset) {

    static Template of(Reading reading) {
      byte[] json = serialize(reading);
      return new Template(
          reading.sensorId(),
          json,
          offsetOf(json, "\"readingId\":\"", ID_PLACEHOLDER),
          offsetOf(json, "\"observedAt\":\"", TIME_PLACEHOLDER));
    }

    /** Copies this reading to {@code target} with a new id and time; returns the end position. */
    int stamp(byte[] target, int position, byte[] time, RandomGenerator random) {
      System.arraycopy(json, 0, target, position, json.length);
      Uuids.writeRandom(random, target, position + idOffset);
      System.arraycopy(time, 0, target, position + timeOffset, time.length);
      return position + json.length;
    }

    private static int offsetOf(byte[] json, String field, String placeholder) {
      String text = new String(json, StandardCharsets.UTF_8);
      int at = text.indexOf(field + placeholder + "\"");
      if (at < 0) {
        throw new IllegalStateException("serialized reading lacks " + field);
      }
      // offsets count bytes: everything before the first fields is ASCII, but be exact anyway
      return text.substring(0, at + field.length()).getBytes(StandardCharsets.UTF_8).length;
    }
  }
}
