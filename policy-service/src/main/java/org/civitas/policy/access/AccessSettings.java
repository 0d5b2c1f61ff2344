package org.civitas.policy.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of data access.
 *
 * @param defaultLimit page size when the request names none
 * @param maxLimit largest page size a request may ask for
 * @param maxAggregateCells most (bucket, group) cells one aggregate answer may have
 */
@ConfigurationProperties("civitas.access")
record AccessSettings(Integer defaultLimit, Integer maxLimit, Integer maxAggregateCells) {

  AccessSettings {
    defaultLimit = defaultLimit == null ? 100 : defaultLimit;
    maxLimit = maxLimit == null ? 1000 : maxLimit;
    maxAggregateCells = maxAggregateCells == null ? 10_000 : maxAggregateCells;
  }
}
