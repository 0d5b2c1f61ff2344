package org.civitas.cli.sensors;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.civitas.cli.command.InputFiles;
import org.civitas.cli.command.PlatformCommand;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.failure.UsageError;
import org.civitas.cli.output.JsonView;
import org.civitas.cli.platform.PlatformResponse;
import org.civitas.contract.ContractJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(
    name = "register",
    description = {
      "Register a sensor, from a JSON file (the body of POST /api/v1/sensors) or from options.",
      "The platform refuses (422) a sensor whose vendor processes data outside the countries"
          + " its categories' policy allows."
    })
final class RegisterSensorCommand extends PlatformCommand {

  @Option(
      names = "--file",
      paramLabel = "FILE",
      description = "JSON registration (sensorId, vendorId, type, categories, ...); - for stdin.")
  Path file;

  @Option(names = "--id", paramLabel = "SENSOR_ID", description = "Sensor id, e.g. cam-king-st-01.")
  String id;

  @Option(names = "--vendor", paramLabel = "VENDOR_ID", description = "Operating vendor's id.")
  String vendor;

  @Option(names = "--type", paramLabel = "TYPE", description = "Device type, e.g. camera.")
  String type;

  @Option(
      names = "--category",
      split = ",",
      paramLabel = "CATEGORY",
      description = "Data category collected (repeat or comma-separate), e.g. licence_plate.")
  List<String> categories;

  @Option(
      names = "--purpose",
      split = ",",
      paramLabel = "PURPOSE",
      description = "Declared purpose (repeat or comma-separate), e.g. traffic-planning.")
  List<String> purposes;

  @Option(names = "--lat", paramLabel = "LAT", description = "Latitude, -90..90.")
  Double lat;

  @Option(names = "--lon", paramLabel = "LON", description = "Longitude, -180..180.")
  Double lon;

  @Option(names = "--jurisdiction", paramLabel = "CODE", description = "e.g. CA-ON.")
  String jurisdiction;

  @Option(
      names = "--processing-location",
      split = ",",
      paramLabel = "COUNTRY",
      description = "Country where the vendor processes data (repeat or comma-separate).")
  List<String> processingLocations;

  @Option(names = "--legal-basis", paramLabel = "TEXT", description = "Legal basis of collection.")
  String legalBasis;

  @Option(
      names = "--accountable-organization",
      paramLabel = "NAME",
      description = "Organization accountable for the sensor.")
  String accountableOrganization;

  @Option(names = "--contact", paramLabel = "CONTACT", description = "Contact for the public.")
  String contact;

  @Option(names = "--description", paramLabel = "TEXT", description = "What the sensor does.")
  String description;

  @Override
  protected int run() {
    JsonNode body = file != null ? fromFile() : fromOptions();
    PlatformResponse response = platform().postJson(SensorsCommand.PATH, body);
    if (json()) {
      printRaw(response);
      return ExitCodes.OK;
    }
    JsonNode sensor = response.json();
    out().println("Registered sensor " + JsonView.cell(sensor.path("sensorId")) + ".");
    JsonView.print(out(), sensor);
    out().flush();
    return ExitCodes.OK;
  }

  private JsonNode fromFile() {
    if (anyFieldOption()) {
      throw new UsageError("--file cannot be combined with --id, --vendor and the other fields");
    }
    JsonNode body =
        InputFiles.parse("--file", file, InputFiles.read("--file", file, environment()));
    if (!body.isObject()) {
      throw new UsageError("--file: " + file + " must hold one JSON object");
    }
    return body;
  }

  private ObjectNode fromOptions() {
    if (id == null || vendor == null || categories == null || purposes == null) {
      throw new UsageError("give --file, or at least --id, --vendor, --category and --purpose");
    }
    if ((lat == null) != (lon == null)) {
      throw new UsageError("--lat and --lon go together");
    }
    if (lat != null && !(lat >= -90 && lat <= 90)) {
      throw new UsageError("--lat must be between -90 and 90");
    }
    if (lon != null && !(lon >= -180 && lon <= 180)) {
      throw new UsageError("--lon must be between -180 and 180");
    }
    ObjectNode body = ContractJson.mapper().createObjectNode();
    body.put("sensorId", id);
    body.put("vendorId", vendor);
    putIfPresent(body, "type", type);
    array(body, "categories", categories);
    array(body, "purposes", purposes);
    if (lat != null) {
      ObjectNode location = body.putObject("location");
      location.put("lat", lat);
      location.put("lon", lon);
    }
    putIfPresent(body, "jurisdiction", jurisdiction);
    if (processingLocations != null) {
      array(
          body,
          "processingLocations",
          processingLocations.stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).toList());
    }
    putIfPresent(body, "legalBasis", legalBasis);
    putIfPresent(body, "accountableOrganization", accountableOrganization);
    putIfPresent(body, "contact", contact);
    putIfPresent(body, "description", description);
    return body;
  }

  private boolean anyFieldOption() {
    return id != null
        || vendor != null
        || type != null
        || categories != null
        || purposes != null
        || lat != null
        || lon != null
        || jurisdiction != null
        || processingLocations != null
        || legalBasis != null
        || accountableOrganization != null
        || contact != null
        || description != null;
  }

  private static void putIfPresent(ObjectNode body, String field, String value) {
    if (value != null) {
      body.put(field, value);
    }
  }

  private static void array(ObjectNode body, String field, List<String> values) {
    ArrayNode array = body.putArray(field);
    values.stream().map(String::trim).filter(v -> !v.isEmpty()).forEach(array::add);
  }
}
