package org.civitas.cli.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.civitas.cli.failure.UsageError;
import org.civitas.contract.ContractJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Files named on the command line; a missing or malformed file is a usage error. */
public final class InputFiles {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  /** The file's text; {@code -} reads standard input. */
  public static String read(String what, Path file, CliEnvironment environment) {
    try {
      if (file.toString().equals("-")) {
        return new String(environment.stdin().readAllBytes(), StandardCharsets.UTF_8);
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UsageError(what + ": " + file + " does not exist");
    } catch (AccessDeniedException e) {
      throw new UsageError(what + ": " + file + " cannot be read (permission denied)");
    } catch (IOException e) {
      throw new UsageError(what + ": " + file + " cannot be read: " + e.getMessage());
    }
  }

  public static boolean isYaml(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yml") || lower.endsWith(".yaml");
  }

  /** Parses JSON, or YAML for {@code .yml}/{@code .yaml} files. */
  public static JsonNode parse(String what, Path file, String content) {
    try {
      JsonNode tree =
          isYaml(file) ? YAML.readTree(content) : ContractJson.mapper().readTree(content);
      if (tree == null || tree.isMissingNode()) {
        throw new UsageError(what + ": " + file + " is empty");
      }
      return tree;
    } catch (JacksonException e) {
      String location = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new UsageError(
          what + ": " + file + " is not valid " + (isYaml(file) ? "YAML" : "JSON") + location);
    }
  }

  private InputFiles() {}
}
