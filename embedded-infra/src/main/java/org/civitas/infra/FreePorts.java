package org.civitas.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds ports nobody listens on, for servers that must be told their port before they start.
 *
 * <p>The ports come from below the kernel's ephemeral range. A port the kernel hands out for {@code
 * bind(0)} is one it also gives to outgoing connections, and a platform's services open hundreds of
 * those (Kafka, JDBC, HTTP) while the later ones are still starting: a test once saw audit-service
 * fail with "port already in use" on the port chosen for it a minute earlier.
 */
public final class FreePorts {

  private static final int LOWEST = 15_000;
  private static final int DEFAULT_EPHEMERAL_START = 32_768;
  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  /** A port outside the ephemeral range that nothing listens on and this JVM has not handed out. */
  public static synchronized int next() {
    int end = ephemeralStart();
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, end);
      if (!HANDED_OUT.contains(port) && bindable(port)) {
        HANDED_OUT.add(port);
        return port;
      }
    }
    throw new IllegalStateException("no free port between " + LOWEST + " and " + end);
  }

  /** The first port the kernel may give to an outgoing connection or a {@code bind(0)}. */
  static int ephemeralStart() {
    try {
      String[] range = Files.readString(EPHEMERAL_RANGE).trim().split("\\s+");
      int start = Integer.parseInt(range[0]);
      return start > LOWEST + 1_000 ? start : DEFAULT_EPHEMERAL_START;
    } catch (IOException | RuntimeException notLinux) {
      return DEFAULT_EPHEMERAL_START;
    }
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException inUse) {
      return false;
    }
  }

  private FreePorts() {}
}
