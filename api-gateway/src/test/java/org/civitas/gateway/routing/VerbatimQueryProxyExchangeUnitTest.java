package org.civitas.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class VerbatimQueryProxyExchangeUnitTest {

  private final URI rebuilt =
      URI.create("http://127.0.0.1:8082/api/v1/data/readings?b=2&a=caf%C3%A9%20x");

  @Test
  void theQueryIsForwardedAsTheCallerWroteIt() {
    assertThat(VerbatimQueryProxyExchange.withQuery(rebuilt, "a=caf%C3%A9+x&b=2&flag"))
        .isEqualTo(URI.create("http://127.0.0.1:8082/api/v1/data/readings?a=caf%C3%A9+x&b=2&flag"));
  }

  @Test
  void noQueryStaysNoQuery() {
    assertThat(VerbatimQueryProxyExchange.withQuery(rebuilt, null))
        .isEqualTo(URI.create("http://127.0.0.1:8082/api/v1/data/readings"));
  }

  @Test
  void aQueryThatIsNoValidUriKeepsTheRebuiltForm() {
    assertThat(VerbatimQueryProxyExchange.withQuery(rebuilt, "a=b c")).isEqualTo(rebuilt);
  }
}
