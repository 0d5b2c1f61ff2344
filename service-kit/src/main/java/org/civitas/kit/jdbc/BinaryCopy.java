package org.civitas.kit.jdbc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows in PostgreSQL's binary {@code COPY} format, sent in one {@code COPY ... FROM STDIN}. The
 * append path writes thousands of rows per transaction; COPY spares the server parsing and binding
 * a multi-row INSERT for each slice of them and the driver encoding every parameter as text.
 */
public final class BinaryCopy {

  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0
  };
  private static final int TEXT_OID = 25;
  private static final byte JSONB_VERSION = 1;
  private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

  private final int columns;
  private byte[] buffer;
  private int size;
  private int rows;

  /**
   * @param columns values per row, in the order of the column list of the COPY statement
   * @param expectedBytes a guess of the total size, to avoid regrowing the buffer
   */
  public BinaryCopy(int columns, int expectedBytes) {
    this.columns = columns;
    this.buffer = new byte[Math.max(64, expectedBytes)];
    put(SIGNATURE);
    putInt(0); // flags: no OIDs
    putInt(0); // no header extension
  }

  public BinaryCopy row() {
    rows++;
    putShort(columns);
    return this;
  }

  public BinaryCopy int2(int value) {
    putInt(2);
    putShort(value);
    return this;
  }

  public BinaryCopy int4(int value) {
    putInt(4);
    putInt(value);
    return this;
  }

  public BinaryCopy int8(long value) {
    putInt(8);
    putLong(value);
    return this;
  }

  /** A {@code bytea} value, or NULL. */
  public BinaryCopy bytes(byte[] value) {
    if (value == null) {
      return nullValue();
    }
    putInt(value.length);
    put(value);
    return this;
  }

  /** A {@code text} value, or NULL. */
  public BinaryCopy text(String value) {
    return value == null ? nullValue() : bytes(value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A {@code jsonb} value from its JSON text in UTF-8, or NULL: the binary form is a version byte
   * (1) before the text, which the server parses as it would the text form.
   */
  public BinaryCopy jsonb(byte[] json) {
    if (json == null) {
      return nullValue();
    }
    putInt(json.length + 1);
    ensure(1);
    buffer[size++] = JSONB_VERSION;
    put(json);
    return this;
  }

  /**
   * A {@code timestamptz} value, or NULL: microseconds since 2000-01-01 UTC, rounded to the nearest
   * microsecond as the server does with finer text input.
   */
  public BinaryCopy timestamp(Instant value) {
    if (value == null) {
      return nullValue();
    }
    long micros =
        Math.addExact(
            Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
            (value.getNano() + 500) / 1000);
    return int8(micros);
  }

  /** A one-dimensional {@code text[]} without NULL elements; empty stays the empty array. */
  public BinaryCopy textArray(List<String> values) {
    byte[][] elements = new byte[values.size()][];
    int length = values.isEmpty() ? 12 : 20;
    for (int i = 0; i < elements.length; i++) {
      elements[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
      length += 4 + elements[i].length;
    }
    putInt(length);
    putInt(elements.length == 0 ? 0 : 1); // dimensions
    putInt(0); // no NULL elements
    putInt(TEXT_OID);
    if (elements.length > 0) {
      putInt(elements.length);
      putInt(1); // lower bound
      for (byte[] element : elements) {
        putInt(element.length);
        put(element);
      }
    }
    return this;
  }

  public BinaryCopy nullValue() {
    putInt(-1);
    return this;
  }

  public int rows() {
    return rows;
  }

  /** What has been written so far, without the trailer {@link #copyInto} adds. */
  byte[] written() {
    return Arrays.copyOf(buffer, size);
  }

  /**
   * Runs {@code copy <table> (<columns>) from stdin (format binary)} with the rows written so far,
   * on the connection of the current transaction.
   *
   * @return the number of rows the server stored
   */
  public long copyInto(JdbcTemplate jdbc, String tableAndColumns) {
    if (rows == 0) {
      return 0;
    }
    putShort(-1);
    int length = size;
    Long copied =
        jdbc.execute(
            (ConnectionCallback<Long>)
                con -> {
                  try {
                    return con.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                            "copy " + tableAndColumns + " from stdin (format binary)",
                            new ByteArrayInputStream(buffer, 0, length));
                  } catch (IOException e) {
                    throw new SQLException("COPY input failed", e);
                  }
                });
    return copied == null ? 0 : copied;
  }

  // The values are written straight into one array, big-endian as the COPY format wants: a
  // DataOutputStream over a ByteArrayOutputStream cost a synchronized call per byte, about a tenth
  // of the store's CPU for rows of a few hundred bytes.

  private void put(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
  }

  private void putShort(int value) {
    ensure(2);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
  }

  private void putInt(int value) {
    ensure(4);
    buffer[size++] = (byte) (value >>> 24);
    buffer[size++] = (byte) (value >>> 16);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
  }

  private void putLong(long value) {
    putInt((int) (value >>> 32));
    putInt((int) value);
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
