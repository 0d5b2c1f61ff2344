package org.civitas.standalone;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven by the system's chromedriver (Debian packages {@code chromium}
 * and {@code chromium-driver}). Both paths are given explicitly: Selenium Manager would try to
 * download a driver, which this build must not depend on.
 */
final class HeadlessChromium {

  static final Path BROWSER = Path.of(System.getProperty("civitas.chromium", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getProperty("civitas.chromedriver", "/usr/bin/chromedriver"));

  /**
   * Fails in CI (where the browser is part of the job's setup) and skips elsewhere when Chromium or
   * its driver is missing, saying how to install them.
   */
  static void requireInstalled() {
    if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
      return;
    }
    String message =
        "The browser tests need Chromium at "
            + BROWSER
            + " and chromedriver at "
            + DRIVER
            + " (Debian/Ubuntu: apt-get install -y chromium chromium-driver)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + "; CI=true, so a missing browser is a failure, not a skip");
    }
    assumeTrue(false, message + "; skipped");
  }

  /** A fresh browser with its own profile; downloads land in {@code downloads} without asking. */
  static ChromeDriver start(Path downloads, Path logFile) {
    try {
      Files.createDirectories(downloads);
      Files.createDirectories(logFile.getParent());
      Path profile =
          Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chromium-profile");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BROWSER.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--window-size=1280,1600",
          "--user-data-dir=" + profile);
      options.setExperimentalOption(
          "prefs",
          Map.of(
              "download.default_directory", downloads.toString(),
              "download.prompt_for_download", false,
              "download.directory_upgrade", true,
              "safebrowsing.enabled", false));
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(DRIVER.toFile())
              .usingAnyFreePort()
              .withLogFile(logFile.toFile())
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      return driver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves what the browser shows, so every run leaves a picture of the page behind. */
  static Path screenshot(ChromeDriver driver, Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HeadlessChromium() {}
}
