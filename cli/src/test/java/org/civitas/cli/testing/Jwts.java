package org.civitas.cli.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.civitas.contract.ContractJson;
import tools.jackson.databind.node.ObjectNode;

/** Unsigned JWT-shaped tokens: the CLI only decodes claims for display, never verifies. */
public final class Jwts {

  public static String token(String subject, Instant expiresAt, String... roles) {
    ObjectNode payload = ContractJson.mapper().createObjectNode();
    payload.put("sub", subject);
    payload.put("iss", "http://localhost:9000");
    payload.put("organization", "City IT");
    roles(payload, roles);
    payload.put("exp", expiresAt.getEpochSecond());
    return encode("{\"alg\":\"none\"}") + "." + encode(payload.toString()) + ".c2lnbmF0dXJl";
  }

  private static void roles(ObjectNode payload, String... roles) {
    var array = payload.putArray("roles");
    for (String role : roles) {
      array.add(role);
    }
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private Jwts() {}
}
