package org.civitas.cli.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of the command tests: for every test a fresh fake platform and an in-process CLI
 * pointed at it, with a home directory of its own, logged in as the test class says.
 */
public abstract class CliAgainstFakePlatform {

  @TempDir protected Path home;
  protected FakePlatform platform;
  protected Cli cli;

  private final String subject;
  private final String[] roles;

  /** Not logged in: each test logs in as whom it needs. */
  protected CliAgainstFakePlatform() {
    this(null);
  }

  /** Logged in as {@code subject} with the roles before every test. */
  protected CliAgainstFakePlatform(String subject, String... roles) {
    this.subject = subject;
    this.roles = roles;
  }

  @BeforeEach
  protected void startFakePlatform() {
    platform = new FakePlatform();
    cli = Cli.against(platform, home);
    if (subject != null) {
      cli.loggedInAs(subject, roles);
    }
  }

  @AfterEach
  protected void stopFakePlatform() {
    platform.close();
  }
}
