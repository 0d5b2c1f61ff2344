package org.civitas.cli.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.civitas.cli.CivitasCli;
import org.civitas.cli.command.CliEnvironment;
import org.civitas.cli.command.Terminal;
import org.civitas.cli.session.CachedToken;
import org.civitas.cli.session.TokenCache;

/** Runs {@code civitas} in-process with captured output and an environment of its own. */
public final class Cli {

  /** What a run printed and how it ended. */
  public record Run(int exitCode, String out, String err) {}

  private CliEnvironment environment;

  public Cli(Path home, Map<String, String> variables) {
    Map<String, String> all = new HashMap<>(variables);
    all.putIfAbsent(CliEnvironment.CONFIG_DIR_VARIABLE, home.resolve("config").toString());
    this.environment = CliEnvironment.of(all, home);
  }

  /** A CLI pointed at the fake platform through {@code CIVITAS_URL}. */
  public static Cli against(FakePlatform platform, Path home) {
    return new Cli(home, Map.of(CliEnvironment.URL_VARIABLE, platform.url()));
  }

  public CliEnvironment environment() {
    return environment;
  }

  public Cli with(CliEnvironment changed) {
    this.environment = changed;
    return this;
  }

  public Cli withTerminal(Terminal terminal) {
    return with(environment.withTerminal(terminal));
  }

  public Cli withVariable(String name, String value) {
    Map<String, String> all = new HashMap<>(environment.variables());
    all.put(name, value);
    return with(environment.withVariables(all));
  }

  public Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        CivitasCli.commandLine(environment, new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  public TokenCache tokenCache() {
    return new TokenCache(environment.configDir());
  }

  /** Caches a token as {@code login} would, valid for an hour. */
  public Cli loggedInAs(String subject, String... roles) {
    Instant now = Clock.systemUTC().instant();
    tokenCache()
        .save(
            new CachedToken(
                Jwts.token(subject, now.plusSeconds(3600), roles),
                "Bearer",
                now.plusSeconds(3600),
                now,
                "http://127.0.0.1:9/oauth2/token",
                subject,
                null));
    return this;
  }
}
