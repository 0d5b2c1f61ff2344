package org.civitas.cli.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civitas.cli.command.Terminal;

/** A terminal with a person at it who types the given answers. */
public final class ScriptedTerminal implements Terminal {

  private final String secret;
  private final boolean confirms;
  private final List<String> prompts = new ArrayList<>();

  public ScriptedTerminal(String secret, boolean confirms) {
    this.secret = secret;
    this.confirms = confirms;
  }

  public List<String> prompts() {
    return prompts;
  }

  @Override
  public boolean interactive() {
    return true;
  }

  @Override
  public Optional<char[]> readSecret(String prompt) {
    prompts.add(prompt);
    return Optional.ofNullable(secret).map(String::toCharArray);
  }

  @Override
  public boolean confirm(String question) {
    prompts.add(question);
    return confirms;
  }
}
