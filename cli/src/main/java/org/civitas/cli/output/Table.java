package org.civitas.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table: column widths follow the content, long cells are cut with an ellipsis, the
 * last column is not padded (so lines carry no trailing blanks).
 */
public final class Table {

  public static final int DEFAULT_MAX_CELL_WIDTH = 40;
  private static final String GAP = "  ";

  private final List<String> headers;
  private final int[] maxWidths;
  private final List<String[]> rows = new ArrayList<>();

  private Table(List<String> headers) {
    this.headers = List.copyOf(headers);
    this.maxWidths = new int[headers.size()];
    Arrays.fill(maxWidths, DEFAULT_MAX_CELL_WIDTH);
  }

  public static Table withColumns(String... headers) {
    return new Table(List.of(headers));
  }

  public static Table withColumns(List<String> headers) {
    return new Table(headers);
  }

  /** Cells wider than {@code width} in every column are cut to it. */
  public Table maxCellWidth(int width) {
    Arrays.fill(maxWidths, Math.max(1, width));
    return this;
  }

  /** Cells of one column are never cut: ids that people copy into the next command. */
  public Table neverTruncate(int column) {
    maxWidths[column] = Integer.MAX_VALUE;
    return this;
  }

  /** Adds a row; null cells show as {@code -}, missing cells at the end as empty. */
  public Table row(Object... cells) {
    String[] row = new String[headers.size()];
    for (int i = 0; i < row.length; i++) {
      Object cell = i < cells.length ? cells[i] : "";
      row[i] = cell == null ? "-" : Text.oneLine(cell.toString());
    }
    rows.add(row);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public int size() {
    return rows.size();
  }

  /** The header line followed by one line per row. */
  public List<String> lines() {
    int columns = headers.size();
    String[][] cells = new String[rows.size() + 1][];
    cells[0] = headers.toArray(String[]::new);
    for (int r = 0; r < rows.size(); r++) {
      cells[r + 1] = rows.get(r);
    }
    int[] widths = new int[columns];
    for (String[] row : cells) {
      for (int c = 0; c < columns; c++) {
        row[c] = Text.truncate(row[c], maxWidths[c]);
        widths[c] = Math.max(widths[c], Text.width(row[c]));
      }
    }
    List<String> lines = new ArrayList<>(cells.length);
    for (String[] row : cells) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        line.append(row[c]);
        if (c < columns - 1) {
          line.append(" ".repeat(widths[c] - Text.width(row[c]))).append(GAP);
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  /** The rows without the header line, for label/value listings. */
  public List<String> rowLines() {
    List<String> lines = lines();
    return lines.subList(1, lines.size());
  }

  public void print(PrintWriter out) {
    print(out, "");
  }

  public void print(PrintWriter out, String indent) {
    lines().forEach(line -> out.println(indent + line));
  }

  @Override
  public String toString() {
    return String.join(System.lineSeparator(), lines());
  }
}
