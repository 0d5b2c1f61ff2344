package org.civitas.kit.jdbc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
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
  private static final int JSONB_VERSION = 1;
  private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

  private final int columns;
  private final ByteArrayOutputStream buffer;
  private final DataOutputStream out;
  private int rows;

  /**
   * @param columns values per row, in the order of the column list of the COPY statement
   * @param expectedBytes a guess of the total size, to avoid regrowing the buffer
   */
  public BinaryCopy(int columns, int expectedBytes) {
    this.columns = columns;
    this.buffer = new ByteArrayOutputStream(Math.max(64, expectedBytes));
    this.out = new DataOutputStream(buffer);
    try {
      out.write(SIGNATURE);
      out.writeInt(0); // flags: no OIDs
      out.writeInt(0); // no header extension
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public BinaryCopy row() {
    rows++;
    return write(() -> out.writeShort(columns));
  }

  public BinaryCopy int2(int value) {
    return write(
        () -> {
          out.writeInt(2);
          out.writeShort(value);
        });
  }

  public BinaryCopy int4(int value) {
    return write(
        () -> {
          out.writeInt(4);
          out.writeInt(value);
        });
  }

  public BinaryCopy int8(long value) {
    return write(
        () -> {
          out.writeInt(8);
          out.writeLong(value);
        });
  }

  /** A {@code bytea} value, or NULL. */
  public BinaryCopy bytes(byte[] value) {
    if (value == null) {
      return nullValue();
    }
    return write(
        () -> {
          out.writeInt(value.length);
          out.write(value);
        });
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
    return write(
        () -> {
          out.writeInt(json.length + 1);
          out.writeByte(JSONB_VERSION);
          out.write(json);
        });
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
    int total = length;
    return write(
        () -> {
          out.writeInt(total);
          out.writeInt(elements.length == 0 ? 0 : 1); // dimensions
          out.writeInt(0); // no NULL elements
          out.writeInt(TEXT_OID);
          if (elements.length > 0) {
            out.writeInt(elements.length);
            out.writeInt(1); // lower bound
            for (byte[] element : elements) {
              out.writeInt(element.length);
              out.write(element);
            }
          }
        });
  }

  public BinaryCopy nullValue() {
    return write(() -> out.writeInt(-1));
  }

  public int rows() {
    return rows;
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
    write(() -> out.writeShort(-1));
    byte[] data = buffer.toByteArray();
    Long copied =
        jdbc.execute(
            (ConnectionCallback<Long>)
                con -> {
                  try {
                    return con.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                            "copy " + tableAndColumns + " from stdin (format binary)",
                            new ByteArrayInputStream(data));
                  } catch (IOException e) {
                    throw new SQLException("COPY input failed", e);
                  }
                });
    return copied == null ? 0 : copied;
  }

  private interface Write {
    void run() throws IOException;
  }

  private BinaryCopy write(Write write) {
    try {
      write.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
