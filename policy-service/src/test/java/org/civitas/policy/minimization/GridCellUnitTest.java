package org.civitas.policy.minimization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GridCellUnitTest {

  @Test
  void pointsInTheSameCellShareTheirCell() {
    // 0.0009° of latitude is about 100 m
    String a = GridCell.snap(43.64801, -79.38172, 1000);
    String b = GridCell.snap(43.64811, -79.38162, 1000);

    assertThat(a).isEqualTo(b).startsWith("grid1000:");
  }

  @Test
  void pointsFurtherApartThanACellFallInDifferentCells() {
    assertThat(GridCell.snap(43.64871, -79.38172, 250))
        .isNotEqualTo(GridCell.snap(43.65271, -79.38172, 250));
  }

  @Test
  void cellCornerIsSouthWestOfThePointAndWithinOneCell() {
    String cell = GridCell.snap(43.64871, -79.38172, 250);
    String[] coordinates = cell.substring("grid250:".length()).split(",");
    double lat = Double.parseDouble(coordinates[0]);
    double lon = Double.parseDouble(coordinates[1]);

    assertThat(lat).isLessThanOrEqualTo(43.64871).isGreaterThan(43.64871 - 250 / 111_320.0);
    assertThat(lon).isLessThanOrEqualTo(-79.38172).isGreaterThan(-79.38172 - 0.0032);
  }
}
