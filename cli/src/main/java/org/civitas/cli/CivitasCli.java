package org.civitas.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.civitas.cli.access.DataCommand;
import org.civitas.cli.audit.AuditCommand;
import org.civitas.cli.command.CliEnvironment;
import org.civitas.cli.command.CliRoot;
import org.civitas.cli.command.FailureHandler;
import org.civitas.cli.command.UsageErrorHandler;
import org.civitas.cli.command.VersionProvider;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.holds.HoldsCommand;
import org.civitas.cli.login.LoginCommand;
import org.civitas.cli.login.LogoutCommand;
import org.civitas.cli.login.WhoamiCommand;
import org.civitas.cli.policy.PolicyCommand;
import org.civitas.cli.report.ReportCommand;
import org.civitas.cli.retention.RetentionCommand;
import org.civitas.cli.sensors.SensorsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code civitas}: the platform from the command line, for city IT staff and auditors.
 *
 * <p>In-process use (tests, the standalone launcher): {@code CivitasCli.commandLine(environment,
 * out, err).execute(args)} returns the exit code and never exits the JVM. Plain {@code new
 * CommandLine(new CivitasCli(environment)).execute(args)} works too and reports failures the same
 * way.
 */
@Command(
    name = "civitas",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = VersionProvider.class,
    description = "Manage and audit the Civitas smart-city data platform through its gateway.",
    footer = ExitCodes.FOOTER,
    subcommands = {
      LoginCommand.class,
      LogoutCommand.class,
      WhoamiCommand.class,
      SensorsCommand.class,
      PolicyCommand.class,
      DataCommand.class,
      HoldsCommand.class,
      RetentionCommand.class,
      AuditCommand.class,
      ReportCommand.class
    })
public final class CivitasCli implements Callable<Integer>, CliRoot {

  @Spec private CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--url",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description = "Gateway address (env CIVITAS_URL, default http://localhost:8080).")
  private String url;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print the platform's JSON answer as it came, for scripts.")
  private boolean json;

  private final CliEnvironment environment;

  /** The tool in the real environment of this process. */
  public CivitasCli() {
    this(CliEnvironment.system());
  }

  public CivitasCli(CliEnvironment environment) {
    this.environment = environment;
  }

  public static void main(String[] args) {
    CommandLine commandLine = commandLine(CliEnvironment.system());
    int exitCode = commandLine.execute(args);
    commandLine.getOut().flush();
    commandLine.getErr().flush();
    System.exit(exitCode);
  }

  /** The configured command line, writing to the process's stdout and stderr. */
  public static CommandLine commandLine(CliEnvironment environment) {
    CommandLine commandLine = new CommandLine(new CivitasCli(environment));
    configure(commandLine);
    return commandLine;
  }

  /** The configured command line, writing to the given streams (for in-process use). */
  public static CommandLine commandLine(
      CliEnvironment environment, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = commandLine(environment);
    commandLine.setOut(out);
    commandLine.setErr(err);
    return commandLine;
  }

  private static void configure(CommandLine commandLine) {
    commandLine
        .setExecutionExceptionHandler(new FailureHandler())
        .setParameterExceptionHandler(new UsageErrorHandler())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExitCodeExceptionMapper(FailureHandler::exitCode);
  }

  /** {@code civitas} without a command: a usage error, with the list of commands. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("Error: Missing command");
    spec.commandLine().usage(err);
    err.flush();
    return ExitCodes.USAGE;
  }

  @Override
  public CliEnvironment environment() {
    return environment;
  }

  @Override
  public Optional<String> url() {
    return Optional.ofNullable(url);
  }

  @Override
  public boolean json() {
    return json;
  }
}
