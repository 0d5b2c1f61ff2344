package org.civitas.audit;

import java.util.Arrays;
import org.civitas.audit.verify.VerifyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Tamper-evident audit log, proofs, signed tree heads and transparency. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AuditServiceApplication {

  /** Starts the service, or with {@code verify} as first argument runs the log verifier. */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("verify")) {
      VerifyCommand.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    SpringApplication.run(AuditServiceApplication.class, args);
  }
}
