package org.civitas.cli.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.command.TimeArguments;
import org.civitas.cli.failure.CliFailure;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.failure.Unreachable;
import org.civitas.cli.failure.UsageError;
import org.civitas.cli.output.ProgressBar;
import org.civitas.cli.platform.PlatformClient;
import org.civitas.contract.ContractJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@Command(
    name = "export",
    description = {
      "Export governed readings as NDJSON (one reading a line) for a destination country.",
      "Refused (403, audited) when the category's policy does not allow transfer to that country.",
      "With --output the file is written whole or not at all, readable only by you."
    })
final class ExportCommand extends PlatformCommand {

  static final String NDJSON = "application/x-ndjson";

  @Mixin DataRange range;

  @Option(
      names = "--destination-country",
      required = true,
      paramLabel = "CC",
      description = "ISO 3166-1 alpha-2 country the data goes to, e.g. CA.")
  String destinationCountry;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the readings to FILE instead of standard output.")
  Path output;

  @Override
  protected int run() throws IOException {
    range.resolve(environment().clock());
    String country = TimeArguments.country("--destination-country", destinationCountry);
    Path target = output == null ? null : output.toAbsolutePath();
    if (target != null && Files.isDirectory(target)) {
      throw new UsageError("--output: " + output + " is a directory");
    }
    if (target != null && !Files.isDirectory(target.getParent())) {
      throw new UsageError("--output: directory " + target.getParent() + " does not exist");
    }
    ObjectNode body = ContractJson.mapper().createObjectNode();
    body.put("category", range.category);
    body.put("from", range.fromInstant.toString());
    body.put("to", range.toInstant.toString());
    body.put("purpose", range.purpose);
    body.put("destinationCountry", country);
    PlatformClient platform = platform();
    HttpResponse<InputStream> response =
        platform.postJsonForStream(
            DataCommand.PATH + "/exports", body, NDJSON + ", " + PlatformClient.JSON + ";q=0.9");
    if (target == null) {
      try (InputStream in = response.body()) {
        copy(response, in, lines(out(), "standard output"), ProgressBar.disabled());
      } catch (IOException e) {
        throw Unreachable.of(platform.baseUrl(), e);
      }
      out().flush();
      return ExitCodes.OK;
    }
    long records = writeFile(response, target, platform);
    if (json()) {
      ObjectNode summary = ContractJson.mapper().createObjectNode();
      summary.put("output", target.toString());
      summary.put("records", records);
      out().println(summary);
    } else {
      out()
          .println(
              "Exported "
                  + records
                  + (records == 1 ? " reading" : " readings")
                  + " to "
                  + output
                  + ".");
    }
    out().flush();
    return ExitCodes.OK;
  }

  /** Writes to a private temporary file and moves it into place only once complete. */
  private long writeFile(HttpResponse<InputStream> response, Path target, PlatformClient platform)
      throws IOException {
    Path partial =
        Files.createTempFile(target.getParent(), ".civitas-export-", ".part", privateFile(target));
    try {
      long records;
      try (InputStream in = response.body();
          Writer file = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
          ProgressBar bar = progress("Exporting", "readings")) {
        records = copy(response, in, lines(file, target.toString()), bar);
      } catch (IOException e) {
        throw Unreachable.of(platform.baseUrl(), e);
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      return records;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * Copies the answer as NDJSON, one reading a line. A JSON answer (an array, or an object with
   * {@code items}) is rewritten as NDJSON, so the result has one form whatever the platform chose.
   */
  private static long copy(
      HttpResponse<InputStream> response, InputStream in, Lines target, ProgressBar bar)
      throws IOException {
    String contentType =
        response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    long records = 0;
    if (contentType.startsWith(NDJSON) || contentType.startsWith("application/jsonl")) {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          target.write(line);
          bar.update(++records, 0);
        }
      }
      return records;
    }
    JsonNode answer;
    try {
      answer = ContractJson.mapper().readTree(in);
    } catch (JacksonException e) {
      throw new CliFailure(
          ExitCodes.UNAVAILABLE,
          "the platform's export answer is neither NDJSON nor JSON (" + contentType + ")");
    }
    JsonNode items = answer.isArray() ? answer : answer.path("items");
    if (!items.isArray()) {
      items = answer.path("readings");
    }
    if (!items.isArray()) {
      throw new CliFailure(
          ExitCodes.UNAVAILABLE, "the platform's export answer holds no list of readings");
    }
    for (JsonNode item : items) {
      target.write(item.toString());
      bar.update(++records, items.size());
    }
    return records;
  }

  /** Where exported lines go; a failure to write is the user's side, not the platform's. */
  @FunctionalInterface
  private interface Lines {
    void write(String line);
  }

  private static Lines lines(Writer writer, String name) {
    return line -> {
      try {
        writer.write(line);
        writer.write('\n');
      } catch (IOException e) {
        throw new CliFailure(ExitCodes.REFUSED, "cannot write " + name + ": " + e.getMessage());
      }
    };
  }

  private static FileAttribute<?>[] privateFile(Path target) {
    if (!target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    // Exports may hold pseudonymous personal data: owner-only until someone decides otherwise.
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }
}
