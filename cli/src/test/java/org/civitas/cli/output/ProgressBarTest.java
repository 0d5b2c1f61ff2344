package org.civitas.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void aBarForPipedOutputPrintsNothing() {
    StringWriter err = new StringWriter();
    try (ProgressBar bar = ProgressBar.create(new PrintWriter(err), false, "Exporting", "rows")) {
      bar.update(5, 10);
      bar.update(10, 10);
    }

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aBarOnATerminalRedrawsInPlaceAndEndsItsLine() {
    StringWriter err = new StringWriter();
    try (ProgressBar bar = ProgressBar.create(new PrintWriter(err), true, "Exporting", "rows")) {
      bar.update(10, 10);
    }

    assertThat(err.toString())
        .startsWith("\rExporting [" + "#".repeat(30) + "] 100% 10/10 rows")
        .endsWith(System.lineSeparator());
  }

  @Test
  void unknownTotalsShowACounter() {
    ProgressBar bar =
        ProgressBar.create(new PrintWriter(new StringWriter()), true, "Reading", "readings");

    assertThat(bar.render(1234, 0)).isEqualTo("Reading 1,234 readings");
    assertThat(bar.render(5, 20)).contains("[#######-----------------------]  25% 5/20");
  }
}
