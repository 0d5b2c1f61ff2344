package org.civitas.cli.command;

import java.io.Console;
import java.util.Locale;
import java.util.Optional;

/**
 * The interactive terminal, when there is one. Prompts and progress bars only happen on a terminal;
 * when piped or scripted, commands stay quiet and never wait for input.
 */
public interface Terminal {

  /** True when a person is at a terminal (stdin and stdout are not redirected). */
  boolean interactive();

  /** Asks for a secret without echoing it; empty when there is no terminal. */
  Optional<char[]> readSecret(String prompt);

  /** Asks a yes/no question; false when there is no terminal or the answer is not yes. */
  boolean confirm(String question);

  /** The terminal of this process, through {@link System#console()}. */
  static Terminal system() {
    return new Terminal() {
      @Override
      public boolean interactive() {
        return System.console() != null;
      }

      @Override
      public Optional<char[]> readSecret(String prompt) {
        Console console = System.console();
        return console == null
            ? Optional.empty()
            : Optional.ofNullable(console.readPassword("%s", prompt));
      }

      @Override
      public boolean confirm(String question) {
        Console console = System.console();
        if (console == null) {
          return false;
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
      }
    };
  }

  /** No terminal: as when output is piped or the tool runs inside a test or a script. */
  static Terminal none() {
    return new Terminal() {
      @Override
      public boolean interactive() {
        return false;
      }

      @Override
      public Optional<char[]> readSecret(String prompt) {
        return Optional.empty();
      }

      @Override
      public boolean confirm(String question) {
        return false;
      }
    };
  }
}
