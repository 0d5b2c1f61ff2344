package org.civitas.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civitas.standalone.RoleMatrixIntegrationTest.Caller.ALG_NONE;
import static org.civitas.standalone.RoleMatrixIntegrationTest.Caller.ANONYMOUS;
import static org.civitas.standalone.RoleMatrixIntegrationTest.Caller.AUDITOR;
import static org.civitas.standalone.RoleMatrixIntegrationTest.Caller.LAW_ENFORCEMENT;
import static org.civitas.standalone.RoleMatrixIntegrationTest.Caller.POLICY_ADMIN;
import static org.civitas.standalone.RoleMatrixIntegrationTest.Caller.STAFF;
import static org.civitas.standalone.RoleMatrixIntegrationTest.Caller.VENDOR_ACME;
import static org.civitas.standalone.RoleMatrixIntegrationTest.Caller.VENDOR_GLOBEX;
import static org.civitas.standalone.RoleMatrixIntegrationTest.Service.AUDIT;
import static org.civitas.standalone.RoleMatrixIntegrationTest.Service.INGEST;
import static org.civitas.standalone.RoleMatrixIntegrationTest.Service.POLICY;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.civitas.contract.ContractJson;
import org.civitas.contract.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The role matrix of CONTRACT §2: every endpoint of every service, for every role, for anonymous
 * callers and for every kind of bad token, with the status the caller must get. Each row runs
 * through the gateway and directly against the service that owns the endpoint, because a service
 * must hold the line on its own (the gateway only authenticates). The endpoint list is checked
 * against each service's OpenAPI document, which its own build checks against its Spring mappings:
 * an endpoint without a row fails this test.
 *
 * <p>Rows that change state act on throwaway sensors and holds made for the purpose, and the policy
 * row publishes an invalid draft (422), so other tests sharing the platform see no difference.
 */
class RoleMatrixIntegrationTest {

  /** Who calls: the demo clients of CONTRACT §2, nobody, and the tokens an attacker would try. */
  enum Caller {
    ANONYMOUS(false),
    VENDOR_ACME(false),
    VENDOR_GLOBEX(false),
    STAFF(false),
    POLICY_ADMIN(false),
    LAW_ENFORCEMENT(false),
    AUDITOR(false),
    /** Signed by the platform's key, right issuer, every role; expired ten minutes ago. */
    EXPIRED_TOKEN(true),
    /** Signed by the platform's key, every role, valid lifetime; another issuer. */
    FOREIGN_ISSUER(true),
    /** Right issuer, lifetime and key id, every role; signed by another key. */
    FOREIGN_KEY(true),
    /** A genuine staff token with one bit of the signature flipped. */
    TAMPERED_SIGNATURE(true),
    /** A genuine vendor token whose claims were rewritten to every role. */
    TAMPERED_CLAIMS(true),
    /** {@code alg: none}, every role, no signature. */
    ALG_NONE(true),
    /** HS256 with the platform's public key as the HMAC secret (algorithm confusion). */
    ALG_CONFUSION(true);

    final boolean badToken;

    Caller(boolean badToken) {
      this.badToken = badToken;
    }
  }

  /** The services that own endpoints; each is also called directly, bypassing the gateway. */
  enum Service {
    INGEST,
    POLICY,
    AUDIT
  }

  // ---------------------------------------------------------------------------------------------
  // The matrix. Unless a row says otherwise: anonymous callers and every bad token get 401, every
  // role not listed gets 403 from the role check; on public surfaces every role and anonymous
  // callers get 200 (a presented token is still checked, so bad tokens get 401 there too).
  // ---------------------------------------------------------------------------------------------

  static final List<Row> MATRIX =
      List.of(
          // ingest (CONTRACT §4.2): vendors only, each for its own sensors
          row("POST", "/api/v1/ingest/readings", INGEST, "a reading for acme's sensor")
              .request((f, c) -> Request.json("POST", "/api/v1/ingest/readings", f.reading(f.acme)))
              .allow(VENDOR_ACME, Expected.accepted())
              .allow(VENDOR_GLOBEX, Expected.rejected("sensor_not_owned")),
          row("POST", "/api/v1/ingest/readings", INGEST, "a reading for globex's sensor")
              .request(
                  (f, c) -> Request.json("POST", "/api/v1/ingest/readings", f.reading(f.globex)))
              .allow(VENDOR_GLOBEX, Expected.accepted())
              .allow(VENDOR_ACME, Expected.rejected("sensor_not_owned")),
          // policies (CONTRACT §6); reading the registry and versions is not reading data
          row("GET", "/api/v1/policies/active", POLICY)
              .allow(Expected.status(200), STAFF, POLICY_ADMIN, AUDITOR),
          row("GET", "/api/v1/policies/versions", POLICY)
              .allow(Expected.status(200), STAFF, POLICY_ADMIN, AUDITOR),
          row("GET", "/api/v1/policies/versions/{version}", POLICY, "version 1")
              .request((f, c) -> Request.get("/api/v1/policies/versions/1"))
              .allow(Expected.status(200), STAFF, POLICY_ADMIN, AUDITOR),
          // a wrongly typed parameter is a typed validation problem naming it, not echoing it
          row("GET", "/api/v1/policies/versions/{version}", POLICY, "not a number")
              .request((f, c) -> Request.get("/api/v1/policies/versions/x1x"))
              .allow(Expected.validation(400, "version"), STAFF, POLICY_ADMIN, AUDITOR),
          row("PUT", "/api/v1/policies", POLICY, "an invalid draft, so nothing is published")
              .request(
                  (f, c) ->
                      Request.body(
                          "PUT",
                          "/api/v1/policies",
                          "application/yaml",
                          "region: CA\ncategories:\n  air_quality:\n    retention: soon\n"))
              .allow(POLICY_ADMIN, Expected.validation(422, "categories.air_quality.retention")),
          row("POST", "/api/v1/policies/dry-run", POLICY, "a valid draft")
              .request((f, c) -> Request.json("POST", "/api/v1/policies/dry-run", dryRunBody()))
              .allow(POLICY_ADMIN, Expected.status(200)),
          // data (CONTRACT §8): policy admins, auditors and vendors never read data
          row("GET", "/api/v1/data/readings", POLICY, "staff's record purpose")
              .request(
                  (f, c) ->
                      Request.get(
                          "/api/v1/data/readings"
                              + window("licence_plate")
                              + "&purpose=traffic-planning"))
              .allow(STAFF, Expected.status(200))
              .allow(LAW_ENFORCEMENT, Expected.deniedByPolicy()),
          row("GET", "/api/v1/data/readings", POLICY, "law-enforcement with a warrant")
              .request(
                  (f, c) ->
                      Request.get(
                          "/api/v1/data/readings"
                              + window("licence_plate")
                              + "&purpose=law-enforcement&warrantRef=WARRANT-MATRIX-1"))
              .allow(LAW_ENFORCEMENT, Expected.status(200))
              .allow(STAFF, Expected.deniedByPolicy()),
          row("GET", "/api/v1/data/readings", POLICY, "law-enforcement without a warrant")
              .request(
                  (f, c) ->
                      Request.get(
                          "/api/v1/data/readings"
                              + window("licence_plate")
                              + "&purpose=law-enforcement"))
              .allow(Expected.deniedByPolicy(), LAW_ENFORCEMENT, STAFF),
          row("GET", "/api/v1/data/readings", POLICY, "no purpose")
              .request((f, c) -> Request.get("/api/v1/data/readings" + window("licence_plate")))
              .allow(Expected.validation(400, "purpose"), STAFF, LAW_ENFORCEMENT),
          row("GET", "/api/v1/data/aggregates", POLICY, "staff's aggregate purpose")
              .request(
                  (f, c) ->
                      Request.get(
                          "/api/v1/data/aggregates"
                              + window("licence_plate")
                              + "&bucket=PT1H&groupBy=sensorId&purpose=research"))
              .allow(STAFF, Expected.status(200))
              .allow(LAW_ENFORCEMENT, Expected.deniedByPolicy()),
          row("POST", "/api/v1/data/exports", POLICY, "to a country transferTo does not list")
              .request(
                  (f, c) ->
                      Request.json(
                          "POST",
                          "/api/v1/data/exports",
                          Map.of(
                              "category", "licence_plate",
                              "from", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                              "to", Instant.now().toString(),
                              "purpose", "traffic-planning",
                              "destinationCountry", "US")))
              .allow(Expected.deniedByPolicy(), STAFF, LAW_ENFORCEMENT),
          // registry, retention, legal holds (CONTRACT §9)
          row("POST", "/api/v1/sensors", POLICY, "a new throwaway sensor")
              .request(
                  (f, c) ->
                      Request.json("POST", "/api/v1/sensors", sensor(f.newSensorId(), "acme")))
              .allow(STAFF, Expected.status(201)),
          row("GET", "/api/v1/sensors", POLICY)
              .allow(Expected.status(200), STAFF, POLICY_ADMIN, AUDITOR),
          row("GET", "/api/v1/sensors/{sensorId}", POLICY, "a registered sensor")
              .request((f, c) -> Request.get("/api/v1/sensors/" + f.acme))
              .allow(Expected.status(200), STAFF, POLICY_ADMIN, AUDITOR),
          row("DELETE", "/api/v1/sensors/{sensorId}", POLICY, "a throwaway sensor")
              .request(
                  (f, c) ->
                      Request.delete(
                          "/api/v1/sensors/" + (c == STAFF ? f.registered() : f.victimSensor)))
              .allow(STAFF, Expected.status(204)),
          row("GET", "/api/v1/public/registry", POLICY).publicSurface(),
          row("POST", "/api/v1/legal-holds", POLICY, "a hold on a throwaway sensor")
              .request((f, c) -> Request.json("POST", "/api/v1/legal-holds", f.hold()))
              .allow(STAFF, Expected.status(201)),
          row("GET", "/api/v1/legal-holds", POLICY).allow(STAFF, Expected.status(200)),
          row("DELETE", "/api/v1/legal-holds/{id}", POLICY, "a throwaway hold")
              .request(
                  (f, c) ->
                      Request.delete(
                          "/api/v1/legal-holds/" + (c == STAFF ? f.placedHold() : f.victimHold)))
              .allow(STAFF, Expected.status(204)),
          row("POST", "/api/v1/retention/sweeps", POLICY).allow(STAFF, Expected.status(200)),
          // audit (CONTRACT §7): events and proofs for auditors, the rest public
          row("GET", "/api/v1/audit/events", AUDIT, "one page")
              .request((f, c) -> Request.get("/api/v1/audit/events?size=1"))
              .allow(AUDITOR, Expected.status(200)),
          row("GET", "/api/v1/audit/events/range", AUDIT, "the first leaf")
              .request((f, c) -> Request.get("/api/v1/audit/events/range?start=0&end=1"))
              .allow(AUDITOR, Expected.status(200)),
          row("GET", "/api/v1/audit/proofs/inclusion", AUDIT, "leaf 0 in a tree of 1")
              .request(
                  (f, c) -> Request.get("/api/v1/audit/proofs/inclusion?leafIndex=0&treeSize=1"))
              .allow(AUDITOR, Expected.status(200)),
          row("GET", "/api/v1/audit/proofs/inclusion", AUDIT, "leafIndex missing")
              .request((f, c) -> Request.get("/api/v1/audit/proofs/inclusion?treeSize=1"))
              .allow(AUDITOR, Expected.validation(400, "leafIndex")),
          row("GET", "/api/v1/audit/proofs/consistency", AUDIT, "1 to 1")
              .request((f, c) -> Request.get("/api/v1/audit/proofs/consistency?first=1&second=1"))
              .allow(AUDITOR, Expected.status(200)),
          row("GET", "/api/v1/audit/tree-head", AUDIT).publicSurface(),
          row("GET", "/api/v1/audit/tree-heads", AUDIT).publicSurface(),
          row("GET", "/api/v1/audit/public-key", AUDIT).publicSurface(),
          row("GET", "/api/v1/transparency/report", AUDIT).publicSurface(),
          row("GET", "/transparency", AUDIT, "the dashboard page").publicSurface().webPage());

  // ---------------------------------------------------------------------------------------------

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private static PlatformSettings settings;
  private static Map<Caller, String> tokens;
  private static ForgedTokens forged;
  private static Fixtures fixtures;

  @BeforeAll
  static void startPlatformAndMintTokens() {
    settings = RunningPlatform.settings();
    PlatformClient client = RunningPlatform.client();
    forged =
        new ForgedTokens(
            settings.dataDirectory().resolve("auth/signing-key.json"), settings.issuerUri());
    tokens = new EnumMap<>(Caller.class);
    tokens.put(VENDOR_ACME, client.token("vendor-acme"));
    tokens.put(VENDOR_GLOBEX, client.token("vendor-globex"));
    tokens.put(STAFF, client.token("city-it"));
    tokens.put(POLICY_ADMIN, client.token("policy-admin"));
    tokens.put(LAW_ENFORCEMENT, client.token("police-liaison"));
    tokens.put(AUDITOR, client.token("auditor"));
    tokens.put(Caller.EXPIRED_TOKEN, forged.expired());
    tokens.put(Caller.FOREIGN_ISSUER, forged.fromForeignIssuer());
    tokens.put(Caller.FOREIGN_KEY, forged.signedByForeignKey());
    tokens.put(Caller.TAMPERED_SIGNATURE, ForgedTokens.withFlippedSignature(tokens.get(STAFF)));
    tokens.put(Caller.TAMPERED_CLAIMS, forged.withEscalatedClaims(tokens.get(VENDOR_ACME)));
    tokens.put(ALG_NONE, forged.unsigned());
    tokens.put(Caller.ALG_CONFUSION, forged.hmacWithPublicKey());
    fixtures = new Fixtures();
  }

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (Row row : MATRIX) {
      for (Caller caller : Caller.values()) {
        for (String target : List.of("gateway", row.owner.name().toLowerCase(Locale.ROOT))) {
          Expected expected = row.expected(caller);
          cases.add(
              Arguments.argumentSet(
                  "%s %s %s%s via %s → %s"
                      .formatted(
                          caller,
                          row.method,
                          row.path,
                          row.variant.isEmpty() ? "" : " [" + row.variant + "]",
                          target,
                          expected),
                  row,
                  caller,
                  target,
                  expected));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("matrix")
  void everyCallerGetsTheStatusTheMatrixSays(
      Row row, Caller caller, String target, Expected expected) {
    Request request = row.request.apply(fixtures, caller);
    Response response =
        send(target.equals("gateway") ? gateway() : serviceUrl(row.owner), request, caller);

    assertThat(response.status())
        .as("%s %s as %s via %s: %s", request.method, request.path, caller, target, response)
        .isEqualTo(expected.status);
    assertThat(response.status()).as("never a server error").isLessThan(500);
    if (response.status() >= 400) {
      assertThat(response.contentType())
          .as(response.toString())
          .startsWith("application/problem+json");
      JsonNode problem = response.json();
      assertThat(problem.path("status").asInt()).isEqualTo(response.status());
      assertThat(problem.path("type").asString()).as(response.toString()).startsWith("https://");
      assertThat(problem.path("title").asString()).isNotBlank();
      assertThat(problem.path("detail").asString()).isNotBlank();
    }
    if (response.status() == 401) {
      assertThat(response.wwwAuthenticate()).as("WWW-Authenticate").startsWith("Bearer");
    }
    if (expected.problemType != null) {
      assertThat(response.json().path("type").asString())
          .as(response.toString())
          .endsWith("/problems/" + expected.problemType);
    }
    if (expected.body != null) {
      assertThat(expected.body.test(response.json())).as(expected + ": " + response).isTrue();
    }
  }

  /**
   * Adding an endpoint without a row fails the build: each service's OpenAPI document (checked
   * against its Spring mappings by the service's own build) must list exactly the rows' endpoints.
   */
  @Test
  void everyEndpointTheServicesMapHasARowAndEveryRowAnEndpoint() {
    for (Service service : Service.values()) {
      Set<String> documented = documentedEndpoints(service);
      Set<String> rows = new TreeSet<>();
      MATRIX.stream()
          .filter(row -> row.owner == service && !row.webPage)
          .forEach(row -> rows.add(row.method + " " + row.path));

      assertThat(documented).as("%s's OpenAPI document", service).isNotEmpty();
      assertThat(rows)
          .as("endpoints of %s without a row in the role matrix", service)
          .containsAll(documented);
      assertThat(documented)
          .as("rows of the role matrix that %s does not serve", service)
          .containsAll(rows);
    }
  }

  /** The forged tokens are refused for what is wrong with them, not for how they were made. */
  @Test
  void aTokenForgedTheSameWayButWithNothingWrongIsAccepted() {
    String token = forged.valid("city-it", List.of(Roles.STAFF));
    for (String base : List.of(gateway(), serviceUrl(POLICY))) {
      Response response = send(base, Request.get("/api/v1/sensors"), token);
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
  }

  /**
   * A token with no roles claim at all is authenticated but allowed nothing beyond public reads.
   */
  @Test
  void aValidTokenWithoutRolesIsForbiddenEverywhereButThePublicSurfaces() {
    String token = forged.valid("nobody", List.of());
    for (Row row : MATRIX) {
      Request request = row.request.apply(fixtures, ANONYMOUS);
      for (String base : List.of(gateway(), serviceUrl(row.owner))) {
        Response response = send(base, request, token);
        assertThat(response.status())
            .as("%s %s via %s: %s", request.method, request.path, base, response)
            .isEqualTo(row.publicSurface ? 200 : 403);
      }
    }
  }

  private static Set<String> documentedEndpoints(Service service) {
    Response response = send(serviceUrl(service), Request.get("/v3/api-docs"), (String) null);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    Set<String> endpoints = new TreeSet<>();
    response
        .json()
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation ->
                            endpoints.add(
                                operation.getKey().toUpperCase(Locale.ROOT)
                                    + " "
                                    + path.getKey())));
    return endpoints;
  }

  // --- the table's vocabulary ------------------------------------------------------------------

  /**
   * One endpoint (method and path template, as in the OpenAPI document) with one kind of request.
   */
  static final class Row {
    final String method;
    final String path;
    final Service owner;
    final String variant;
    final Map<Caller, Expected> allowed = new LinkedHashMap<>();
    BiFunction<Fixtures, Caller, Request> request;
    boolean publicSurface;
    boolean webPage;

    Row(String method, String path, Service owner, String variant) {
      this.method = method;
      this.path = path;
      this.owner = owner;
      this.variant = variant;
      this.request = (f, c) -> new Request(method, path, null, null);
    }

    Row request(BiFunction<Fixtures, Caller, Request> request) {
      this.request = request;
      return this;
    }

    Row allow(Caller caller, Expected expected) {
      allowed.put(caller, expected);
      return this;
    }

    Row allow(Expected expected, Caller... callers) {
      for (Caller caller : callers) {
        allow(caller, expected);
      }
      return this;
    }

    /** Open to anyone without a token, and to every role. */
    Row publicSurface() {
      publicSurface = true;
      for (Caller caller : Caller.values()) {
        if (!caller.badToken) {
          allow(caller, Expected.status(200));
        }
      }
      return this;
    }

    /** A page for browsers: mapped, but not an API operation of the OpenAPI document. */
    Row webPage() {
      webPage = true;
      return this;
    }

    Expected expected(Caller caller) {
      if (allowed.containsKey(caller)) {
        return allowed.get(caller);
      }
      return caller == ANONYMOUS || caller.badToken
          ? Expected.unauthorized()
          : Expected.forbiddenByRole();
    }

    @Override
    public String toString() {
      return method + " " + path + (variant.isEmpty() ? "" : " [" + variant + "]");
    }
  }

  private static Row row(String method, String path, Service owner) {
    return new Row(method, path, owner, "");
  }

  private static Row row(String method, String path, Service owner, String variant) {
    return new Row(method, path, owner, variant);
  }

  /**
   * The status a caller must get, with the problem type or a check of the body where it matters.
   */
  record Expected(int status, String problemType, String description, Predicate<JsonNode> body) {

    static Expected status(int status) {
      return new Expected(status, null, null, null);
    }

    static Expected unauthorized() {
      return new Expected(401, "unauthorized", null, null);
    }

    /** Refused by the role check before any business logic runs. */
    static Expected forbiddenByRole() {
      return new Expected(403, "forbidden", null, null);
    }

    /** The role may ask, but no access rule of the active policy permits this request (audited). */
    static Expected deniedByPolicy() {
      return new Expected(403, "access-denied", null, null);
    }

    /** Passed the role check and was refused by validation, naming the field. */
    static Expected validation(int status, String field) {
      return new Expected(
          status,
          status == 400 ? "validation" : null,
          "error on " + field,
          body -> body.path("errors").valueStream().anyMatch(e -> field.equals(field(e))));
    }

    /** The one reading was taken (or was a duplicate of one taken). */
    static Expected accepted() {
      return new Expected(
          202,
          null,
          "accepted",
          body -> body.path("accepted").asInt() + body.path("duplicates").asInt() == 1);
    }

    /** The batch was answered, and the reading refused with this error code. */
    static Expected rejected(String code) {
      return new Expected(
          202,
          null,
          "rejected " + code,
          body ->
              body.path("accepted").asInt() == 0
                  && body.path("rejected")
                      .path(0)
                      .path("errors")
                      .valueStream()
                      .anyMatch(e -> code.equals(e.path("code").asString())));
    }

    private static String field(JsonNode error) {
      return error.path("field").asString();
    }

    @Override
    public String toString() {
      return status
          + (problemType != null ? " " + problemType : "")
          + (description != null ? " (" + description + ")" : "");
    }
  }

  record Request(String method, String path, String contentType, byte[] body) {

    static Request get(String path) {
      return new Request("GET", path, null, null);
    }

    static Request delete(String path) {
      return new Request("DELETE", path, null, null);
    }

    static Request json(String method, String path, Object body) {
      return new Request(
          method, path, "application/json", ContractJson.mapper().writeValueAsBytes(body));
    }

    static Request body(String method, String path, String contentType, String body) {
      return new Request(
          method, path, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  record Response(int status, String contentType, String wwwAuthenticate, String body) {
    JsonNode json() {
      return ContractJson.mapper().readTree(body);
    }

    @Override
    public String toString() {
      return status
          + " "
          + contentType
          + " "
          + (body.length() > 500 ? body.substring(0, 500) : body);
    }
  }

  /**
   * What the rows act on: throwaway sensors of each vendor for ingest, a victim sensor and hold
   * that refused callers try to delete, and fresh ones for the callers allowed to.
   */
  static final class Fixtures {
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private int sequence;
    final String acme;
    final String globex;
    final String victimSensor;
    final String victimHold;

    Fixtures() {
      acme = registered("acme");
      globex = registered("globex");
      victimSensor = registered();
      victimHold = placedHold();
      awaitIngestKnows(acme, VENDOR_ACME);
      awaitIngestKnows(globex, VENDOR_GLOBEX);
    }

    synchronized String newSensorId() {
      return "matrix-" + run + "-" + (++sequence);
    }

    String registered() {
      return registered("acme");
    }

    String registered(String vendor) {
      String id = newSensorId();
      Response response =
          send(gateway(), Request.json("POST", "/api/v1/sensors", sensor(id, vendor)), STAFF);
      assertThat(response.status()).as(response.toString()).isEqualTo(201);
      return id;
    }

    Map<String, Object> hold() {
      Instant now = Instant.now();
      return Map.of(
          "sensorId",
          victimSensor,
          "from",
          now.minus(1, ChronoUnit.HOURS).toString(),
          "to",
          now.toString(),
          "caseRef",
          "MATRIX-" + run,
          "reason",
          "role matrix test");
    }

    String placedHold() {
      Response response =
          send(gateway(), Request.json("POST", "/api/v1/legal-holds", hold()), STAFF);
      assertThat(response.status()).as(response.toString()).isEqualTo(201);
      return response.json().path("id").asString();
    }

    Map<String, Object> reading(String sensorId) {
      return Map.of(
          "readingId", UUID.randomUUID().toString(),
          "sensorId", sensorId,
          "observedAt", Instant.now().minusSeconds(30).toString(),
          "category", "traffic_count",
          "location", Map.of("lat", 43.6532, "lon", -79.3832),
          "attributes", Map.of("count", 7, "direction", "EB"));
    }

    /** Registrations reach ingest through the registry topic; wait until this one has. */
    private void awaitIngestKnows(String sensorId, Caller vendor) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                Response response =
                    send(
                        serviceUrl(INGEST),
                        Request.json("POST", "/api/v1/ingest/readings", reading(sensorId)),
                        vendor);
                assertThat(response.status()).as(response.toString()).isEqualTo(202);
                assertThat(response.json().path("accepted").asInt()).isEqualTo(1);
              });
    }
  }

  private static Map<String, Object> sensor(String sensorId, String vendor) {
    return Map.ofEntries(
        Map.entry("sensorId", sensorId),
        Map.entry("vendorId", vendor),
        Map.entry("type", "traffic-counter"),
        Map.entry("categories", List.of("traffic_count")),
        Map.entry("purposes", List.of("traffic-planning")),
        Map.entry("location", Map.of("lat", 43.6532, "lon", -79.3832)),
        Map.entry("jurisdiction", "CA-ON"),
        Map.entry("processingLocations", List.of("CA")),
        Map.entry("legalBasis", "Role matrix test"),
        Map.entry("accountableOrganization", "City IT"),
        Map.entry("contact", "it@city.example"),
        Map.entry("description", "Throwaway sensor of the role matrix test"));
  }

  private static Map<String, Object> dryRunBody() {
    return Map.of(
        "policy",
        Map.of(
            "region",
            "CA",
            "categories",
            Map.of(
                "air_quality",
                Map.of(
                    "retention", "P1D",
                    "residency", Map.of("storeIn", List.of("CA"), "transferTo", List.of()),
                    "minimization",
                        Map.of(
                            "observedAt", Map.of("truncateTo", "PT1M"),
                            "location", Map.of("geohash", 5),
                            "attributes", Map.of("pm25", "keep")),
                    "access", List.of()))),
        "readings",
        List.of());
  }

  private static String window(String category) {
    Instant now = Instant.now();
    return "?category="
        + category
        + "&from="
        + now.minus(1, ChronoUnit.HOURS)
        + "&to="
        + now.plus(1, ChronoUnit.MINUTES);
  }

  private static String gateway() {
    return settings.gatewayUrl();
  }

  private static String serviceUrl(Service service) {
    int port =
        switch (service) {
          case INGEST -> settings.ingestPort();
          case POLICY -> settings.policyPort();
          case AUDIT -> settings.auditPort();
        };
    return "http://localhost:" + port;
  }

  private static Response send(String base, Request request, Caller caller) {
    return send(base, request, caller == ANONYMOUS ? null : tokens.get(caller));
  }

  /** Sends once; a 429 from the gateway's limits is waited out as its Retry-After asks. */
  private static Response send(String base, Request request, String token) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInSameThread()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> sendOnce(base, request, token), response -> response.status() != 429);
  }

  private static Response sendOnce(String base, Request request, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + request.path))
            .timeout(REQUEST_TIMEOUT)
            .method(
                request.method,
                request.body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body));
    if (request.contentType != null) {
      builder.header("Content-Type", request.contentType);
    }
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("WWW-Authenticate").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException(request.method + " " + base + request.path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
