package org.civitas.contract;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping every service uses for contract messages, so that producers and consumers agree
 * on one form. Unknown properties are tolerated on read to let the contract grow.
 */
public final class ContractJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  public static JsonMapper mapper() {
    return MAPPER;
  }

  private ContractJson() {}
}
