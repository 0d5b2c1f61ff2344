package org.civitas.kit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The byte layout of PostgreSQL's binary COPY format, written out here field by field with a
 * DataOutputStream (big-endian by definition); the governed-store and audit-log ITs check the same
 * encoder against a real server.
 */
class BinaryCopyUnitTest {

  @Test
  void writesTheHeaderAndEachValueInNetworkOrder() throws IOException {
    BinaryCopy copy = new BinaryCopy(8, 0);
    copy.row()
        .text("né")
        .nullValue()
        .int8(-2L)
        .timestamp(Instant.parse("2000-01-02T00:00:00.0000015Z"))
        .jsonb("{}".getBytes(StandardCharsets.UTF_8))
        .int2(-3)
        .int4(70_000)
        .textArray(List.of("a", "bc"));
    copy.row().textArray(List.of()).bytes(null).bytes(new byte[] {(byte) 0xff});

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(expected);
    out.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0});
    out.writeInt(0);
    out.writeInt(0);
    out.writeShort(8);
    out.writeInt(3);
    out.write("né".getBytes(StandardCharsets.UTF_8));
    out.writeInt(-1);
    out.writeInt(8);
    out.writeLong(-2L);
    out.writeInt(8);
    out.writeLong(86_400_000_002L); // a day and 1.5 µs, rounded half up
    out.writeInt(3);
    out.writeByte(1);
    out.write("{}".getBytes(StandardCharsets.UTF_8));
    out.writeInt(2);
    out.writeShort(-3);
    out.writeInt(4);
    out.writeInt(70_000);
    out.writeInt(20 + 4 + 1 + 4 + 2);
    out.writeInt(1);
    out.writeInt(0);
    out.writeInt(25);
    out.writeInt(2);
    out.writeInt(1);
    out.writeInt(1);
    out.write('a');
    out.writeInt(2);
    out.write("bc".getBytes(StandardCharsets.UTF_8));
    out.writeShort(8);
    out.writeInt(12);
    out.writeInt(0);
    out.writeInt(0);
    out.writeInt(25);
    out.writeInt(-1);
    out.writeInt(1);
    out.writeByte(0xff);

    assertThat(copy.written()).isEqualTo(expected.toByteArray());
    assertThat(copy.rows()).isEqualTo(2);
  }

  @Test
  void growsPastItsInitialGuess() {
    BinaryCopy copy = new BinaryCopy(1, 64);
    String value = "x".repeat(1000);
    for (int i = 0; i < 100; i++) {
      copy.row().text(value);
    }

    assertThat(copy.written()).hasSize(19 + 100 * (2 + 4 + 1000));
  }
}
