package org.civitas.ingest.reading;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civitas.contract.FieldViolation;
import org.civitas.ingest.registry.Sensors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a request body (JSON or NDJSON) into readings and validates each one: a plain function of
 * the body, the caller's vendor id, the registry and the clock. It publishes nothing, so it can be
 * exercised directly with hostile input.
 *
 * <p>Only two things stop a whole request: a body that is not JSON at all ({@link
 * UnreadableBodyException}) and too many readings ({@link TooManyReadingsException}). Everything
 * else is a per-reading {@link Rejection}.
 */
public final class ReadingIntake {

  /**
   * Duplicate keys are refused so that one reading cannot carry two values for a field; nesting is
   * capped far above what a valid reading needs.
   */
  private static final JsonMapper INPUT =
      JsonMapper.builder(
              JsonFactory.builder()
                  // per thread, as ContractJson does and for the same reason
                  .recyclerPool(JsonRecyclerPools.threadLocalPool())
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(64).build())
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          // values are read one at a time out of the streamed body; its end is checked by hand
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** An NDJSON line holds exactly one value. */
  private static final ObjectReader LINE =
      INPUT.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final ReadingValidator validator;
  private final Clock clock;
  private final IngestSettings settings;
  private final boolean streamed;

  public ReadingIntake(Sensors sensors, Clock clock, IngestSettings settings) {
    this(sensors, clock, settings, true);
  }

  /**
   * @param streamed whether a batch's readings are first tried by {@link StreamedReading}; false
   *     builds a tree of every reading (the reference the streamed path is tested against)
   */
  ReadingIntake(Sensors sensors, Clock clock, IngestSettings settings, boolean streamed) {
    this.validator = new ReadingValidator(sensors, settings.maxReadingSize().toBytes());
    this.clock = clock;
    this.settings = settings;
    this.streamed = streamed;
  }

  /**
   * @param vendorId the caller's {@code vendor_id} claim; readings for other vendors' sensors are
   *     rejected
   * @throws UnreadableBodyException when the body is not parseable as a whole
   * @throws TooManyReadingsException when the body holds more readings than allowed
   */
  public Assessment assess(byte[] body, BodyFormat format, String vendorId) {
    List<Item> items = format == BodyFormat.NDJSON ? lines(body) : json(body);
    Instant now = clock.instant();
    Instant earliest = now.minus(settings.maxAge());
    Instant latest = now.plus(settings.futureTolerance());
    List<ValidReading> valid = new ArrayList<>(items.size());
    List<Rejection> rejected = new ArrayList<>();
    for (Item item : items) {
      Verdict verdict =
          item.streamed == null
              ? null
              : validator.accept(item.streamed, item.index, item.size, vendorId, earliest, latest);
      if (verdict == null) {
        JsonNode node = item.node != null || item.problem != null ? item.node : tree(body, item);
        verdict =
            node == null
                ? new Rejection(item.index, null, List.of(item.problem))
                : validator.check(node, item.index, item.size, vendorId, earliest, latest);
      }
      if (verdict instanceof ValidReading reading) {
        valid.add(reading);
      } else {
        rejected.add((Rejection) verdict);
      }
    }
    return new Assessment(valid, rejected);
  }

  private List<Item> json(byte[] body) {
    try (JsonParser parser = INPUT.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new UnreadableBodyException(
            "The body must be a reading object or an object with a \"readings\" array.");
      }
      ObjectNode single = null;
      List<Item> batch = null;
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("readings".equals(name)) {
          if (value != JsonToken.START_ARRAY) {
            throw new UnreadableBodyException("\"readings\" must be an array.");
          }
          batch = batch(parser);
        } else {
          if (single == null) {
            single = INPUT.createObjectNode();
          }
          single.set(name, tree(parser));
        }
      }
      if (parser.nextToken() != null) {
        throw new UnreadableBodyException("The body has content after its JSON value.");
      }
      if (batch != null) {
        return batch;
      }
      return List.of(Item.tree(0, single == null ? INPUT.createObjectNode() : single, body.length));
    } catch (JacksonException e) {
      throw unreadable(e);
    }
  }

  private List<Item> batch(JsonParser parser) {
    List<Item> batch = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (batch.size() >= settings.maxReadings()) {
        throw new TooManyReadingsException(settings.maxReadings());
      }
      long start = parser.currentTokenLocation().getByteOffset();
      if (streamed && parser.currentToken() == JsonToken.START_OBJECT) {
        StreamedReading reading = StreamedReading.read(parser);
        long end = parser.currentTokenLocation().getByteOffset() + 1;
        batch.add(
            reading == null
                ? Item.slice(batch.size(), start, end)
                : Item.streamed(batch.size(), reading, start, end));
        continue;
      }
      JsonNode node = tree(parser);
      long end = parser.currentTokenLocation().getByteOffset() + 1;
      batch.add(Item.tree(batch.size(), node, Math.max(0, end - start)));
    }
    return batch;
  }

  /**
   * The tree of a reading {@link StreamedReading} left to the tree path, parsed again from its
   * bytes; the body parser has already read them without error.
   */
  private static JsonNode tree(byte[] body, Item item) {
    try (JsonParser parser =
        INPUT.createParser(body, (int) item.start, (int) (item.end - item.start))) {
      parser.nextToken();
      return tree(parser);
    } catch (JacksonException e) {
      throw unreadable(e);
    }
  }

  private static JsonNode tree(JsonParser parser) {
    JsonNode node = INPUT.readTree(parser);
    return node == null ? NullNode.getInstance() : node;
  }

  private List<Item> lines(byte[] body) {
    List<Item> items = new ArrayList<>();
    int start = 0;
    while (start < body.length) {
      int end = start;
      while (end < body.length && body[end] != '\n') {
        end++;
      }
      if (!blank(body, start, end)) {
        if (items.size() >= settings.maxReadings()) {
          throw new TooManyReadingsException(settings.maxReadings());
        }
        items.add(line(items.size(), body, start, end - start));
      }
      start = end + 1;
    }
    return items;
  }

  private Item line(int index, byte[] body, int offset, int length) {
    if (length > settings.maxReadingSize().toBytes()) {
      return Item.problem(index, length, Violations.TOO_LARGE);
    }
    try {
      return Item.tree(index, LINE.readTree(body, offset, length), length);
    } catch (JacksonException e) {
      return Item.problem(index, length, Violations.MALFORMED_JSON);
    }
  }

  private static boolean blank(byte[] body, int start, int end) {
    for (int i = start; i < end; i++) {
      byte b = body[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static UnreadableBodyException unreadable(JacksonException e) {
    TokenStreamLocation where = e.getLocation();
    if (where == null || where.getLineNr() < 0) {
      return new UnreadableBodyException("The body is not valid JSON.");
    }
    return new UnreadableBodyException(
        "The body is not valid JSON (line "
            + where.getLineNr()
            + ", column "
            + where.getColumnNr()
            + ").");
  }

  /**
   * One reading as found in the body: its tree, or why there is none, or the reading read off the
   * token stream with where its bytes are (a {@code streamed} of null with a slice: parse the
   * bytes).
   */
  private record Item(
      int index,
      JsonNode node,
      long size,
      FieldViolation problem,
      StreamedReading streamed,
      long start,
      long end) {

    static Item tree(int index, JsonNode node, long size) {
      return new Item(index, node, size, null, null, 0, 0);
    }

    static Item problem(int index, long size, FieldViolation problem) {
      return new Item(index, null, size, problem, null, 0, 0);
    }

    static Item streamed(int index, StreamedReading reading, long start, long end) {
      return new Item(index, null, end - start, null, reading, start, end);
    }

    /** A reading whose tree is still to be parsed from {@code body[start, end)}. */
    static Item slice(int index, long start, long end) {
      return new Item(index, null, end - start, null, null, start, end);
    }
  }
}
