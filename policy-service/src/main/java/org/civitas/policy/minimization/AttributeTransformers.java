package org.civitas.policy.minimization;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.civitas.policy.document.AttributeAction;

/** Compiles attribute actions of a policy into transformers. */
final class AttributeTransformers {

  static final String REDACTED = "[redacted]";
  static final String PSEUDONYM_PREFIX = "pz_";
  static final int PSEUDONYM_LENGTH = 22;
  private static final String HMAC = "HmacSHA256";

  static AttributeTransformer compile(String category, AttributeAction action, PseudonymKeys keys) {
    if (action instanceof AttributeAction.Keep) {
      return (name, value, at, out) -> out.put(name, value);
    }
    if (action instanceof AttributeAction.Drop) {
      return (name, value, at, out) -> {};
    }
    if (action instanceof AttributeAction.Redact) {
      return (name, value, at, out) -> out.put(name, REDACTED);
    }
    if (action instanceof AttributeAction.Pseudonymize p) {
      return pseudonymize(category, p.rotation(), keys);
    }
    if (action instanceof AttributeAction.RoundTo r) {
      return roundTo(r.step());
    }
    if (action instanceof AttributeAction.Bucket b) {
      return bucket(b.edges());
    }
    throw new IllegalArgumentException("unknown attribute action " + action.getClass());
  }

  static AttributeTransformer pseudonymize(String category, Duration rotation, PseudonymKeys keys) {
    ThreadLocal<KeyedMac> macs = new ThreadLocal<>();
    return (name, value, at, out) -> {
      if (value == null) {
        out.put(name, null);
        return;
      }
      // the key is asked for every value, so a destroyed key is never used even while a Mac
      // initialised with it is still held here
      SecretKey key = keys.keyFor(category, rotation, at).orElseThrow(PseudonymKeyDestroyed::new);
      KeyedMac mac = macs.get();
      if (mac == null || mac.key != key) {
        mac = new KeyedMac(key);
        macs.set(mac);
      }
      out.put(name, pseudonym(mac.mac, String.valueOf(value)));
    };
  }

  private static String pseudonym(Mac mac, String value) {
    byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    return PSEUDONYM_PREFIX + encoded.substring(0, PSEUDONYM_LENGTH);
  }

  /**
   * An HMAC initialised with one key. Looking up the algorithm and deriving the key's pads cost
   * more than hashing a short value, so each thread keeps the last one a transformer used and
   * replaces it when the rotation period (and so the key) changes; {@code doFinal} resets it for
   * the next value.
   */
  private static final class KeyedMac {
    private final SecretKey key;
    private final Mac mac;

    KeyedMac(SecretKey key) {
      this.key = key;
      try {
        this.mac = Mac.getInstance(HMAC);
        mac.init(key);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HMAC-SHA256 unavailable", e);
      }
    }
  }

  static AttributeTransformer roundTo(BigDecimal step) {
    boolean integralStep = step.stripTrailingZeros().scale() <= 0;
    return (name, value, at, out) -> {
      BigDecimal number = decimal(value);
      if (number == null) {
        return;
      }
      BigDecimal rounded = number.divide(step, 0, RoundingMode.HALF_UP).multiply(step);
      boolean integralInput =
          value instanceof Integer
              || value instanceof Long
              || value instanceof Short
              || value instanceof BigInteger;
      out.put(
          name,
          integralInput && integralStep ? (Object) rounded.longValue() : rounded.doubleValue());
    };
  }

  static AttributeTransformer bucket(List<BigDecimal> edges) {
    String[] labels = new String[edges.size() + 1];
    labels[0] = "<" + plain(edges.get(0));
    for (int i = 1; i < edges.size(); i++) {
      labels[i] = plain(edges.get(i - 1)) + "-" + plain(edges.get(i));
    }
    labels[edges.size()] = ">=" + plain(edges.get(edges.size() - 1));
    BigDecimal[] bounds = edges.toArray(BigDecimal[]::new);
    return (name, value, at, out) -> {
      BigDecimal number = decimal(value);
      if (number == null) {
        return;
      }
      int index = 0;
      while (index < bounds.length && number.compareTo(bounds[index]) >= 0) {
        index++;
      }
      out.put(name, labels[index]);
    };
  }

  /** Numbers only: strings, booleans, NaN and infinities are not numbers here. */
  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    return null;
  }

  private static String plain(BigDecimal edge) {
    return edge.stripTrailingZeros().toPlainString();
  }

  /** The key of the reading's rotation period is gone; the reading must be refused. */
  static final class PseudonymKeyDestroyed extends RuntimeException {
    PseudonymKeyDestroyed() {
      super("pseudonym key destroyed", null, false, false);
    }
  }

  private AttributeTransformers() {}
}
