package org.civitas.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void columnsAreAsWideAsTheirWidestCell() {
    Table table = Table.withColumns("ID", "STATUS").row("cam-1", "ACTIVE").row("x", "OFF");

    assertThat(table.lines()).containsExactly("ID     STATUS", "cam-1  ACTIVE", "x      OFF");
  }

  @Test
  void headerWiderThanCellsSetsTheWidth() {
    Table table = Table.withColumns("JURISDICTION", "X").row("CA", "1");

    assertThat(table.lines()).containsExactly("JURISDICTION  X", "CA            1");
  }

  @Test
  void longCellsAreCutWithAnEllipsis() {
    Table table = Table.withColumns("A", "B").maxCellWidth(8).row("abcdefghijkl", "b");

    assertThat(table.lines()).containsExactly("A         B", "abcdefg…  b");
    assertThat(Text.width(table.lines().get(1).split("  ")[0])).isEqualTo(8);
  }

  @Test
  void defaultLimitCutsCellsAtFortyCharacters() {
    String long50 = "x".repeat(50);
    List<String> lines = Table.withColumns("V").row(long50).lines();

    assertThat(lines.get(1)).hasSize(Table.DEFAULT_MAX_CELL_WIDTH).endsWith("…");
  }

  @Test
  void idColumnsAreNeverCut() {
    String id = "8f14e45f-ea3b-4c1a-9d55-0d7c2b1a9e01-and-a-long-suffix";
    Table table = Table.withColumns("ID", "X").maxCellWidth(5).neverTruncate(0).row(id, "xxxxxxxx");

    assertThat(table.lines().get(1)).startsWith(id + "  ").endsWith("xxxx…");
  }

  @Test
  void missingValuesShowAsDashAndLinesHaveNoTrailingBlanks() {
    Table table = Table.withColumns("A", "B", "C").row("a", null, "");

    assertThat(table.lines()).containsExactly("A  B  C", "a  -");
    assertThat(table.lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
  }

  @Test
  void controlCharactersAndLineBreaksCannotReachTheTerminal() {
    Table table = Table.withColumns("V").row("evil\u001b[2Jtext\nnext");

    assertThat(table.lines().get(1)).isEqualTo("evil\uFFFD[2Jtext next");
  }

  @Test
  void wideUnicodeCellsAreCutOnCodePoints() {
    Table table = Table.withColumns("V").maxCellWidth(3).row("😀😀😀😀");

    assertThat(table.lines().get(1)).isEqualTo("😀😀…");
  }

  @Test
  void rowLinesLeaveOutTheHeader() {
    Table table = Table.withColumns("", "").row("Subject:", "city-it").row("Roles:", "STAFF");

    assertThat(table.rowLines()).containsExactly("Subject:  city-it", "Roles:    STAFF");
  }
}
