package org.civitas.policy.document;

import java.util.List;

/** Countries where a category's data may be stored, and where it may be sent. */
public record Residency(List<String> storeIn, List<String> transferTo) {

  public Residency {
    storeIn = List.copyOf(storeIn);
    transferTo = List.copyOf(transferTo);
  }

  public boolean mayStoreIn(String region) {
    return storeIn.contains(region);
  }
}
