package org.civitas.load.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A command line of the form {@code <command> --name=value --flag ...}. Typed getters turn every
 * malformed value into a {@link UsageException} that names the option and an example of what it
 * takes; secrets are never echoed back.
 */
public final class Arguments {

  private static final String SECRET_HINT = "secret";

  private final String command;
  private final Map<String, String> options;

  private Arguments(String command, Map<String, String> options) {
    this.command = command;
    this.options = options;
  }

  public static Arguments parse(String... args) {
    String command = null;
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      if (arg.startsWith("--")) {
        int equals = arg.indexOf('=');
        String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
        String value = equals < 0 ? null : arg.substring(equals + 1);
        if (name.isEmpty()) {
          throw new UsageException("'" + arg + "' is not an option: write options as --name=value");
        }
        if (options.containsKey(name)) {
          throw new UsageException("--" + name + " is given more than once");
        }
        options.put(name, value);
      } else if (command == null) {
        command = arg;
      } else {
        throw new UsageException(
            "unexpected argument '"
                + (arg.length() > 40 ? arg.substring(0, 40) + "..." : arg)
                + "': write options as --name=value");
      }
    }
    return new Arguments(command, options);
  }

  /** The command word, or empty when only options were given. */
  public Optional<String> command() {
    return Optional.ofNullable(command);
  }

  public boolean has(String name) {
    return options.containsKey(name);
  }

  /**
   * Fails on any option the command does not know, suggesting the nearest known one.
   *
   * @param known option names without the leading dashes
   */
  public void allowOnly(Collection<String> known) {
    for (String name : options.keySet()) {
      if (!known.contains(name)) {
        String nearest = nearest(name, known);
        throw new UsageException(
            "unknown option --"
                + name
                + (command == null ? "" : " for '" + command + "'")
                + (nearest == null ? "" : "; did you mean --" + nearest + "?")
                + " Known options: --"
                + String.join(", --", new TreeSet<>(known)));
      }
    }
  }

  public Optional<String> text(String name) {
    if (!options.containsKey(name)) {
      return Optional.empty();
    }
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new UsageException("--" + name + " needs a value: --" + name + "=<value>");
    }
    return Optional.of(value.trim());
  }

  public String text(String name, String defaultValue) {
    return text(name).orElse(defaultValue);
  }

  public String required(String name, String example) {
    return text(name)
        .orElseThrow(() -> new UsageException("missing required option --" + name + "=" + example));
  }

  /** {@code --json} or {@code --json=true|false}. */
  public boolean flag(String name) {
    if (!options.containsKey(name)) {
      return false;
    }
    String value = options.get(name);
    if (value == null || value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new UsageException(
        "--" + name + " is a switch: write --" + name + " or --" + name + "=false");
  }

  public Duration duration(String name, Duration defaultValue) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      return Durations.parse(value.get());
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "--"
              + name
              + ": cannot read '"
              + value.get()
              + "' as a duration; write for example 60s, 500ms, 2m or PT1M");
    }
  }

  /** A duration of at least {@code min}. */
  public Duration duration(String name, Duration defaultValue, Duration min) {
    Duration value = duration(name, defaultValue);
    if (value.compareTo(min) < 0) {
      throw new UsageException(
          "--"
              + name
              + " must be at least "
              + Durations.format(min)
              + ", was "
              + Durations.format(value));
    }
    return value;
  }

  public int integer(String name, int defaultValue, int min, int max) {
    return (int) number(name, defaultValue, min, max);
  }

  public long number(String name, long defaultValue, long min, long max) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    long parsed;
    try {
      parsed = Long.parseLong(value.get().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UsageException(
          "--" + name + " must be a whole number, was '" + shown(name, value.get()) + "'");
    }
    if (parsed < min || parsed > max) {
      throw new UsageException(
          "--" + name + " must be between " + min + " and " + max + ", was " + parsed);
    }
    return parsed;
  }

  /** An absolute http(s) URL without a trailing slash. */
  public URI httpUrl(String name, String defaultValue) {
    String value = text(name, defaultValue);
    try {
      URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new URISyntaxException(value, "not an absolute http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new UsageException(
          "--"
              + name
              + " must be an http(s) URL such as http://localhost:8080, was '"
              + shown(name, value)
              + "'");
    }
  }

  /** Comma-separated, blanks dropped. */
  public List<String> list(String name, String defaultValue) {
    List<String> items = new ArrayList<>();
    for (String item : text(name, defaultValue).split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    return items;
  }

  private static String shown(String name, String value) {
    return name.contains(SECRET_HINT) ? "***" : value;
  }

  private static String nearest(String name, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(name, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
