package org.civitas.load.reading;

import java.util.random.RandomGenerator;

/**
 * Random (version 4) UUIDs written straight into a byte buffer as their 36-character text, so that
 * stamping fresh ids on ready-made readings costs next to nothing. Not for secrets: the bits come
 * from a fast generator, which is enough for ids that only need to be unique.
 */
final class Uuids {

  static final int TEXT_LENGTH = 36;

  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  static void writeRandom(RandomGenerator random, byte[] target, int offset) {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    hex(most >>> 32, 8, target, offset);
    target[offset + 8] = '-';
    hex(most >>> 16, 4, target, offset + 9);
    target[offset + 13] = '-';
    hex(most, 4, target, offset + 14);
    target[offset + 18] = '-';
    hex(least >>> 48, 4, target, offset + 19);
    target[offset + 23] = '-';
    hex(least, 12, target, offset + 24);
  }

  private static void hex(long value, int digits, byte[] target, int offset) {
    for (int i = digits - 1; i >= 0; i--) {
      target[offset + i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
  }

  private Uuids() {}
}
