package org.civitas.policy.access;

/** The aggregate would have more cells than one answer may carry; nothing was returned. */
public class TooManyCells extends RuntimeException {

  private final int maxCells;

  TooManyCells(int maxCells) {
    super("too many aggregate cells", null, false, false);
    this.maxCells = maxCells;
  }

  public int maxCells() {
    return maxCells;
  }
}
