package org.civitas.contract;

import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping every service uses for contract messages, so that producers and consumers agree
 * on one form. Unknown properties are tolerated on read to let the contract grow.
 *
 * <p>Buffers are recycled per thread, not through Jackson 3's default pool: that pool is one
 * concurrent deque, and the hot paths parse and write a few small documents per reading from
 * several threads at once; its queue operations were 15 % of policy-service's decoding samples
 * (JFR, Session 8). The services read and write contract JSON on platform threads only.
 */
public final class ContractJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  public static JsonMapper mapper() {
    return MAPPER;
  }

  private ContractJson() {}
}
