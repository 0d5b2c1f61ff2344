package org.civitas.cli.command;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Everything a command takes from outside the command line, injectable so that the tool can run
 * in-process (tests, the standalone launcher) without touching the real environment, home directory
 * or terminal. Standard output and error are not here: they are the picocli {@code CommandLine}'s
 * out and err writers.
 *
 * @param variables environment variables ({@code CIVITAS_URL}, {@code CIVITAS_CONFIG_DIR}, ...)
 * @param userHome where {@code ~/.config/civitas} is, unless {@code CIVITAS_CONFIG_DIR} says
 * @param stdin what {@code -} as a file name reads
 * @param plugins implementations of optional features (such as the audit log verifier) by type; a
 *     type not given here is looked up with {@link ServiceLoader}
 */
public record CliEnvironment(
    Map<String, String> variables,
    Path userHome,
    Terminal terminal,
    Clock clock,
    HttpClient http,
    InputStream stdin,
    Map<Class<?>, Object> plugins) {

  public static final String URL_VARIABLE = "CIVITAS_URL";
  public static final String CONFIG_DIR_VARIABLE = "CIVITAS_CONFIG_DIR";
  public static final String DEFAULT_URL = "http://localhost:8080";

  public CliEnvironment {
    variables = Map.copyOf(variables);
    plugins = Map.copyOf(plugins);
  }

  /** The real environment of this process. */
  public static CliEnvironment system() {
    return new CliEnvironment(
        System.getenv(),
        Path.of(System.getProperty("user.home")),
        Terminal.system(),
        Clock.systemUTC(),
        defaultHttpClient(),
        System.in,
        Map.of());
  }

  /**
   * An environment for running in-process: given variables only, no terminal, a fresh HTTP client.
   * Set {@code CIVITAS_CONFIG_DIR} in {@code variables} to keep the token cache out of the home
   * directory.
   */
  public static CliEnvironment of(Map<String, String> variables, Path userHome) {
    return new CliEnvironment(
        variables,
        userHome,
        Terminal.none(),
        Clock.systemUTC(),
        defaultHttpClient(),
        InputStream.nullInputStream(),
        Map.of());
  }

  public static HttpClient defaultHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        // Never follow redirects: the bearer token must only go where --url points.
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  public Optional<String> variable(String name) {
    return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
  }

  /** {@code $CIVITAS_CONFIG_DIR}, else {@code ~/.config/civitas}. */
  public Path configDir() {
    return variable(CONFIG_DIR_VARIABLE)
        .map(Path::of)
        .orElseGet(() -> userHome.resolve(".config").resolve("civitas"));
  }

  /**
   * An implementation of an optional feature: given in {@link #plugins}, or found on the class
   * path.
   */
  public <T> Optional<T> plugin(Class<T> type) {
    Object given = plugins.get(type);
    if (given != null) {
      return Optional.of(type.cast(given));
    }
    return ServiceLoader.load(type, type.getClassLoader()).findFirst();
  }

  public CliEnvironment withVariables(Map<String, String> newVariables) {
    return new CliEnvironment(newVariables, userHome, terminal, clock, http, stdin, plugins);
  }

  public CliEnvironment withTerminal(Terminal newTerminal) {
    return new CliEnvironment(variables, userHome, newTerminal, clock, http, stdin, plugins);
  }

  public CliEnvironment withClock(Clock newClock) {
    return new CliEnvironment(variables, userHome, terminal, newClock, http, stdin, plugins);
  }

  public CliEnvironment withStdin(InputStream newStdin) {
    return new CliEnvironment(variables, userHome, terminal, clock, http, newStdin, plugins);
  }

  public <T> CliEnvironment withPlugin(Class<T> type, T implementation) {
    Map<Class<?>, Object> all = new HashMap<>(plugins);
    all.put(type, implementation);
    return new CliEnvironment(variables, userHome, terminal, clock, http, stdin, all);
  }
}
