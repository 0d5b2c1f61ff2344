package org.civitas.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Shows any JSON answer as text for people: objects as aligned {@code key: value} lines, nested
 * objects indented, lists of objects as tables. Used where the platform's answer has no fixed shape
 * in the contract, so nothing the platform says is hidden.
 */
public final class JsonView {

  private static final String INDENT = "  ";
  private static final int MAX_LABEL = 28;

  public static void print(PrintWriter out, JsonNode node) {
    lines(node).forEach(out::println);
  }

  public static List<String> lines(JsonNode node) {
    List<String> lines = new ArrayList<>();
    render(node, "", lines);
    return lines;
  }

  /** One value as a table cell or after a label: scalars as they are, containers compacted. */
  public static String cell(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "-";
    }
    if (value.isValueNode()) {
      return Text.oneLine(value.asString());
    }
    if (value.isArray()) {
      return value.isEmpty()
          ? "-"
          : StreamSupport.stream(value.spliterator(), false)
              .map(JsonView::cell)
              .collect(Collectors.joining(", "));
    }
    return value.properties().stream()
        .map(e -> e.getKey() + "=" + nestedCell(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  /** A table of a list of objects, one column per property seen in any of them. */
  public static Table table(JsonNode array) {
    Set<String> columns = new LinkedHashSet<>();
    for (JsonNode item : array) {
      if (item.isObject()) {
        columns.addAll(item.propertyNames());
      }
    }
    Table table = Table.withColumns(new ArrayList<>(columns));
    for (JsonNode item : array) {
      table.row(columns.stream().map(column -> cell(item.get(column))).toArray());
    }
    return table;
  }

  private static String nestedCell(JsonNode value) {
    return value.isContainer() && !value.isEmpty() ? "{" + cell(value) + "}" : cell(value);
  }

  private static void render(JsonNode node, String indent, List<String> lines) {
    if (node.isObject()) {
      renderObject(node, indent, lines);
    } else if (isListOfObjects(node)) {
      table(node).lines().forEach(line -> lines.add(indent + line));
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        if (item.isContainer()) {
          lines.add(indent + "-");
          render(item, indent + INDENT, lines);
        } else {
          lines.add(indent + "- " + cell(item));
        }
      }
    } else {
      lines.add(indent + cell(node));
    }
  }

  private static void renderObject(JsonNode object, String indent, List<String> lines) {
    int labelWidth =
        object.properties().stream()
            .filter(e -> isInline(e.getValue()))
            .mapToInt(e -> Text.width(e.getKey()) + 1)
            .filter(width -> width <= MAX_LABEL)
            .max()
            .orElse(0);
    for (Map.Entry<String, JsonNode> property : object.properties()) {
      String label = Text.oneLine(property.getKey()) + ":";
      JsonNode value = property.getValue();
      if (isInline(value)) {
        String padding = " ".repeat(Math.max(1, labelWidth - Text.width(label) + 1));
        lines.add(indent + label + padding + cell(value));
      } else {
        lines.add(indent + label);
        render(value, indent + INDENT, lines);
      }
    }
  }

  private static boolean isInline(JsonNode value) {
    if (value.isValueNode() || value.isNull() || value.isEmpty()) {
      return true;
    }
    return value.isArray()
        && StreamSupport.stream(value.spliterator(), false).allMatch(JsonNode::isValueNode);
  }

  private static boolean isListOfObjects(JsonNode node) {
    return node.isArray()
        && !node.isEmpty()
        && StreamSupport.stream(node.spliterator(), false).allMatch(JsonNode::isObject);
  }

  private JsonView() {}
}
