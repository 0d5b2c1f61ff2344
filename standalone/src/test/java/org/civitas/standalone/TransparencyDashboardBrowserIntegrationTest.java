package org.civitas.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.civitas.contract.ContractJson;
import org.civitas.standalone.PlatformClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The transparency dashboard in a real headless Chromium against the whole running platform: the
 * public page's figures, charts, signature checks and downloads, and the auditor's PKCE sign-in at
 * auth-server with inclusion and consistency proofs checked by the page's own JavaScript.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransparencyDashboardBrowserIntegrationTest {

  private static final Path TARGET = RunningPlatform.repositoryRoot().resolve("standalone/target");
  private static final Path SCREENSHOTS = TARGET.resolve("screenshots");
  private static final Path DOWNLOADS = TARGET.resolve("browser-downloads");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String WARRANT = "WARRANT-BROWSER-" + (1000 + (int) (Math.random() * 8999));

  private static PlatformClient client;
  private static String gateway;
  private static ChromeDriver browser;

  @BeforeAll
  static void startPlatformAndBrowser() throws IOException {
    HeadlessChromium.requireInstalled();
    RunningPlatform.shared();
    client = RunningPlatform.client();
    gateway = RunningPlatform.shared().settings().gatewayUrl();
    seedAccessRequests();
    deleteDirectory(DOWNLOADS);
    browser = HeadlessChromium.start(DOWNLOADS, TARGET.resolve("chromedriver.log"));
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** Whatever happened, leave a picture of the page behind, named after the test. */
  @AfterEach
  void screenshot(TestInfo test) {
    if (browser != null) {
      fullPageScreenshot(
          SCREENSHOTS.resolve(
              "transparency-" + test.getTestMethod().orElseThrow().getName() + ".png"));
    }
  }

  @Test
  @Order(1)
  void publicPageShowsTheFiguresOfTheSignedReportAndVerifiesTheTreeHead() {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              openDashboard();
              JsonNode report = reportFor(value("from"), value("to"));
              JsonNode requests = report.get("accessRequests");
              assertThat(figures("requests-summary"))
                  .containsExactly(
                      requests.get("requests").asLong(),
                      requests.get("permitted").asLong(),
                      requests.get("denied").asLong(),
                      requests.get("records").asLong());
              JsonNode le = report.get("lawEnforcement");
              assertThat(figures("le-summary"))
                  .containsExactly(
                      le.get("requests").asLong(),
                      le.get("withWarrant").asLong(),
                      le.get("withoutWarrant").asLong(),
                      le.get("denied").asLong());
            });

    // the charts are drawn from the same figures: bars for permitted and for denied requests
    assertThat(barHeights("bar-permit")).anyMatch(height -> height > 0);
    assertThat(barHeights("bar-deny")).anyMatch(height -> height > 0);
    assertThat(browser.findElements(By.cssSelector("#requests-purpose tbody tr"))).isNotEmpty();

    // the browser itself checked the tree head's and the report's Ed25519 signatures
    new WebDriverWait(browser, WAIT)
        .until(d -> d.findElements(By.cssSelector("#proof .verified")).size() == 2);
    assertThat(browser.findElements(By.cssSelector("#proof .not-verified"))).isEmpty();
    assertThat(browser.findElement(By.cssSelector("#proof dd .verified")).getText())
        .isEqualTo("verified");
    assertThat(browser.findElements(By.cssSelector("#registry h3"))).isNotEmpty();
    fullPageScreenshot(SCREENSHOTS.resolve("transparency.png"));
  }

  @Test
  @Order(2)
  void signedJsonAndCsvReportsDownloadWithThePagesFigures() throws IOException {
    openDashboard();
    String name = "transparency-report-" + value("from") + "-" + value("to");
    List<Long> shown = figures("requests-summary");

    browser.findElement(By.id("download-json")).click();
    Path json = awaitDownload(name + ".json");
    JsonNode report = ContractJson.mapper().readTree(Files.readString(json));
    assertThat(report.get("signature").asString()).isNotBlank();
    assertThat(report.get("treeHead").get("signature").asString()).isNotBlank();
    assertThat(report.get("from").asString()).isEqualTo(value("from"));
    assertThat(report.get("accessRequests").get("requests").asLong()).isEqualTo(shown.get(0));

    browser.findElement(By.id("download-csv")).click();
    Path csv = awaitDownload(name + ".csv");
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).startsWith("day,action,purpose,role,organization");
    assertThat(lines).anyMatch(line -> line.contains("DATA_QUERY") && line.contains("DENY"));
  }

  @Test
  @Order(3)
  void noPersonalDataReachesThePublicPageOrReports() throws IOException {
    openDashboard();
    new WebDriverWait(browser, WAIT)
        .until(d -> !d.findElements(By.cssSelector("#registry h3")).isEmpty());
    String pageText = (String) js("return document.body.innerText");
    String pageSource = browser.getPageSource();
    String report = reportText(value("from"), value("to"), "json");
    String csv = reportText(value("from"), value("to"), "csv");

    Set<String> personal =
        SimulatedValues.sentInClear(
            RunningPlatform.shared(), SimulatedValues.IDENTIFYING_ATTRIBUTES, 300);
    assertThat(personal).as("the simulator's plates, MACs and card ids").isNotEmpty();
    personal.addAll(List.of("city-it", "police-liaison", "auditor-alice", "policy-admin", WARRANT));
    for (String value : personal) {
      assertThat(pageText).as("public page text").doesNotContain(value);
      assertThat(pageSource).as("public page DOM").doesNotContain(value);
      assertThat(report).as("public JSON report").doesNotContain(value);
      assertThat(csv).as("public CSV report").doesNotContain(value);
    }
    // actors appear by role and organization instead
    assertThat(pageText).contains("STAFF").contains("City IT");
  }

  @Test
  @Order(4)
  void auditorSignsInWithPkceAndTheBrowserVerifiesInclusionAndConsistency() {
    openDashboard();
    browser.findElement(By.id("auditor-link")).click();
    WebElement signIn =
        new WebDriverWait(browser, WAIT)
            .until(ExpectedConditions.elementToBeClickable(By.id("sign-in")));
    // keyboard only: the button is reachable and operable without a pointer
    signIn.sendKeys(Keys.ENTER);

    // auth-server's sign-in form, on the issuer's origin
    new WebDriverWait(browser, WAIT)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    assertThat(browser.getCurrentUrl())
        .startsWith(RunningPlatform.shared().settings().issuerUri() + "/login");
    browser.findElement(By.id("username")).sendKeys("auditor-alice");
    browser.findElement(By.id("password")).sendKeys("auditor-alice-password");
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    // back on the gateway's origin, signed in, with the code gone from the address bar
    WebElement subject =
        new WebDriverWait(browser, WAIT)
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-subject")));
    assertThat(subject.getText()).isEqualTo("auditor-alice");
    assertThat(browser.getCurrentUrl()).isEqualTo(gateway + "/transparency/auditor");

    // the view searches the last days on its own once signed in; then narrow it down
    new WebDriverWait(browser, WAIT)
        .until(d -> d.findElement(By.id("search-status")).getText().endsWith("found."));
    new Select(browser.findElement(By.id("search-action"))).selectByVisibleText("DATA_QUERY");
    browser.findElement(By.id("search-submit")).click();
    new WebDriverWait(browser, WAIT)
        .until(
            d ->
                d.findElement(By.id("search-status")).getText().endsWith("found.")
                    && !d.findElements(By.cssSelector("#events-table tbody tr")).isEmpty());
    assertThat(browser.findElements(By.cssSelector("#events-table tbody tr td:nth-child(3)")))
        .extracting(WebElement::getText)
        .containsOnly("DATA_QUERY");

    // events are signed into a tree head within seconds; until then the page says it is too new
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              browser.findElement(By.cssSelector("#events-table button[data-leaf]")).click();
              WebElement verdict =
                  new WebDriverWait(browser, WAIT)
                      .until(
                          ExpectedConditions.presenceOfElementLocated(By.id("inclusion-verdict")));
              assertThat(verdict.getText())
                  .as(browser.findElement(By.id("inclusion")).getText())
                  .isEqualTo("verified");
            });

    // a second signed head needs new events and up to one signing interval; every search is an
    // audited read, so searching again grows the log until the list offers two heads
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(3))
        .until(
            () -> {
              browser.findElement(By.id("search-submit")).click();
              browser.findElement(By.id("heads-reload")).click();
              return browser.findElements(By.cssSelector("#second-head option")).size() >= 2;
            });
    browser.findElement(By.id("consistency-check")).click();
    WebElement consistency =
        new WebDriverWait(browser, WAIT)
            .until(ExpectedConditions.presenceOfElementLocated(By.id("consistency-verdict")));
    assertThat(consistency.getText())
        .as(browser.findElement(By.id("consistency")).getText())
        .isEqualTo("verified");
    fullPageScreenshot(SCREENSHOTS.resolve("transparency-auditor.png"));
  }

  @Test
  @Order(5)
  void thePublicPageFitsAPhoneScreen() {
    browser.manage().window().setSize(new Dimension(390, 844));
    try {
      openDashboard();
      new WebDriverWait(browser, WAIT)
          .until(d -> d.findElements(By.cssSelector("#proof .verified")).size() == 2);
      long overflow =
          (Long)
              js(
                  "return document.documentElement.scrollWidth"
                      + " - document.documentElement.clientWidth");
      assertThat(overflow).as("horizontal scrolling of the whole page").isLessThanOrEqualTo(0);
      fullPageScreenshot(SCREENSHOTS.resolve("transparency-phone.png"));
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 1600));
    }
  }

  // --- Seeding -----------------------------------------------------------------------------

  /** Permitted and denied requests of every kind the report counts, made through the gateway. */
  private static void seedAccessRequests() {
    String staff = client.token("city-it");
    String police = client.token("police-liaison");
    String from = Instant.now().minus(2, ChronoUnit.HOURS).toString();
    String to = Instant.now().plus(1, ChronoUnit.MINUTES).toString();
    Map<String, String> plates = Map.of("category", "licence_plate", "from", from, "to", to);

    Response permitted = readings(staff, plates, "purpose", "traffic-planning");
    assertThat(permitted.status()).as(permitted.body()).isEqualTo(200);
    Response denied = readings(staff, plates, "purpose", "marketing");
    assertThat(denied.status()).as(denied.body()).isEqualTo(403);
    Response withWarrant =
        readings(police, plates, "purpose", "law-enforcement", "warrantRef", WARRANT);
    assertThat(withWarrant.status()).as(withWarrant.body()).isEqualTo(200);
    Response withoutWarrant = readings(police, plates, "purpose", "law-enforcement");
    assertThat(withoutWarrant.status()).as(withoutWarrant.body()).isIn(400, 403);
    Response export =
        client.post(
            "/api/v1/data/exports",
            staff,
            Map.of(
                "category",
                "licence_plate",
                "from",
                from,
                "to",
                to,
                "purpose",
                "traffic-planning",
                "destinationCountry",
                "US"));
    assertThat(export.status()).as(export.body()).isEqualTo(403);

    String today = Instant.now().truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10);
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              JsonNode report = reportFor(today, today);
              assertThat(report.get("accessRequests").get("permitted").asLong()).isPositive();
              assertThat(report.get("accessRequests").get("denied").asLong())
                  .isGreaterThanOrEqualTo(2);
              assertThat(report.get("lawEnforcement").get("withWarrant").asLong()).isPositive();
              assertThat(report.get("exports")).isNotEmpty();
            });
  }

  private static Response readings(String token, Map<String, String> query, String... more) {
    Map<String, String> parameters = new HashMap<>(query);
    for (int i = 0; i < more.length; i += 2) {
      parameters.put(more[i], more[i + 1]);
    }
    return client.get("/api/v1/data/readings", token, parameters);
  }

  private static JsonNode reportFor(String from, String to) {
    Response response =
        client.get("/api/v1/transparency/report", null, Map.of("from", from, "to", to));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static String reportText(String from, String to, String format) {
    Response response =
        client.get(
            "/api/v1/transparency/report", null, Map.of("from", from, "to", to, "format", format));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  // --- Browser -----------------------------------------------------------------------------

  private static void openDashboard() {
    browser.get(gateway + "/transparency");
    new WebDriverWait(browser, WAIT)
        .until(d -> d.findElement(By.id("status")).getText().startsWith("Showing"));
  }

  private static String value(String inputId) {
    return browser.findElement(By.id(inputId)).getDomProperty("value");
  }

  /** The big numbers of a summary row, in page order. */
  private static List<Long> figures(String containerId) {
    return browser.findElements(By.cssSelector("#" + containerId + " .figure strong")).stream()
        .map(figure -> Long.parseLong(figure.getText().replace(",", "")))
        .toList();
  }

  private static List<Double> barHeights(String barClass) {
    return browser.findElements(By.cssSelector("#requests-chart svg rect." + barClass)).stream()
        .map(bar -> Double.parseDouble(bar.getDomAttribute("height")))
        .toList();
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private static Path awaitDownload(String fileName) {
    Path file = DOWNLOADS.resolve(fileName);
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                Files.isRegularFile(file)
                    && Files.size(file) > 0
                    && !Files.exists(DOWNLOADS.resolve(fileName + ".crdownload")));
    return file;
  }

  /**
   * The whole page when the browser manages it in time, else what the window shows: on a crowded
   * machine the renderer may not paint a tall page within chromedriver's 10 s.
   */
  private static void fullPageScreenshot(Path file) {
    Dimension before = browser.manage().window().getSize();
    long height = (Long) js("return document.documentElement.scrollHeight");
    try {
      browser
          .manage()
          .window()
          .setSize(new Dimension(before.getWidth(), (int) Math.min(Math.max(height, 600), 4000)));
      HeadlessChromium.screenshot(browser, file);
    } catch (TimeoutException e) {
      browser.manage().window().setSize(before);
      HeadlessChromium.screenshot(browser, file);
    } finally {
      browser.manage().window().setSize(before);
    }
  }

  private static void deleteDirectory(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.delete(file);
        }
      }
    }
  }
}
