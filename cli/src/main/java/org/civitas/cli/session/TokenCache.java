package org.civitas.cli.session;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.civitas.cli.failure.CliFailure;
import org.civitas.cli.failure.ExitCodes;
import org.civitas.cli.failure.NotLoggedIn;
import org.civitas.contract.ContractJson;
import tools.jackson.core.JacksonException;

/**
 * The token cache file, {@code token.json} in the config directory. The file is created with
 * owner-only permissions (0600) from the start, never chmod-ed afterwards, so there is no moment in
 * which another local user could read the token.
 */
public final class TokenCache {

  public static final String FILE_NAME = "token.json";
  static final Set<PosixFilePermission> FILE_PERMISSIONS =
      PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS =
      PosixFilePermissions.fromString("rwx------");

  private final Path directory;

  public TokenCache(Path directory) {
    this.directory = directory;
  }

  public Path file() {
    return directory.resolve(FILE_NAME);
  }

  /** Replaces the cached token atomically: readers see the old or the new file, never half. */
  public void save(CachedToken token) {
    try {
      createDirectory();
      Path temporary = Files.createTempFile(directory, ".token-", ".tmp", fileAttributes(true));
      try {
        Files.write(temporary, ContractJson.mapper().writeValueAsBytes(token));
        move(temporary, file());
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new CliFailure(
          ExitCodes.REFUSED, "cannot write the token cache " + file() + ": " + e.getMessage());
    }
  }

  /** The cached token, if any. A damaged file counts as not logged in. */
  public Optional<CachedToken> load() {
    byte[] content;
    try {
      content = Files.readAllBytes(file());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new NotLoggedIn("cannot read the token cache " + file() + ": " + e.getMessage());
    }
    try {
      CachedToken token = ContractJson.mapper().readValue(content, CachedToken.class);
      return token.accessToken() == null ? Optional.empty() : Optional.of(token);
    } catch (JacksonException e) {
      throw new NotLoggedIn("the token cache " + file() + " is damaged");
    }
  }

  /**
   * The cached token, when present and not expired.
   *
   * @throws NotLoggedIn otherwise, with a message saying which
   */
  public CachedToken requireValid(Instant now) {
    CachedToken token = load().orElseThrow(() -> new NotLoggedIn("not logged in"));
    if (token.expiredAt(now)) {
      throw new NotLoggedIn(
          "the cached token for " + token.clientId() + " expired at " + token.expiresAt());
    }
    return token;
  }

  /** The cached token when present and not expired; public endpoints send it if there is one. */
  public Optional<CachedToken> validToken(Instant now) {
    try {
      return load().filter(token -> !token.expiredAt(now));
    } catch (NotLoggedIn e) {
      return Optional.empty();
    }
  }

  /** Deletes the cache; true when there was one. */
  public boolean delete() {
    try {
      return Files.deleteIfExists(file());
    } catch (IOException e) {
      throw new CliFailure(
          ExitCodes.REFUSED, "cannot delete the token cache " + file() + ": " + e.getMessage());
    }
  }

  private void createDirectory() throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    Path parent = directory.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Files.createDirectory(directory, fileAttributes(false));
    } catch (FileAlreadyExistsException e) {
      // Created concurrently by another civitas process: fine.
    }
  }

  private FileAttribute<?>[] fileAttributes(boolean file) {
    if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(file ? FILE_PERMISSIONS : DIRECTORY_PERMISSIONS)
    };
  }

  private static void move(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
