package org.civitas.standalone;

/** What the operator needs once the platform is up: URLs and the demo credentials. */
final class Banner {

  static String ready(PlatformSettings s, double seconds) {
    return String.format(
        """

        ================================================================================
         Civitas is up (%.1f s). Data directory: %s
        --------------------------------------------------------------------------------
         API gateway (the one public entry)   %s
         Transparency dashboard (public)      %s/transparency
         Auditor view (browser sign-in)       %s/transparency/auditor
         Public sensor registry               %s/api/v1/public/registry
         Signed audit tree head               %s/api/v1/audit/tree-head
         Token endpoint                       %s/oauth2/token
         Kafka bootstrap                      127.0.0.1:%d
         PostgreSQL                           localhost:%d (databases policy, policy_keys, audit)
        --------------------------------------------------------------------------------
         Demo OAuth2 clients (client-credentials grant; DEMO ONLY, from application-demo.yml)
           client id        secret                  role
           vendor-acme      vendor-acme-secret      VENDOR (vendor_id acme)
           vendor-globex    vendor-globex-secret    VENDOR (vendor_id globex)
           city-it          city-it-secret          STAFF
           policy-admin     policy-admin-secret     POLICY_ADMIN
           police-liaison   police-liaison-secret   LAW_ENFORCEMENT
           auditor          auditor-secret          AUDITOR
         Demo sign-in user (auditor view): auditor-alice / auditor-alice-password (AUDITOR)
         Try:
           curl -s -u city-it:city-it-secret -d grant_type=client_credentials %s/oauth2/token
         Sensor simulator: %s
         Press Ctrl-C to stop.
        ================================================================================
        """,
        seconds,
        s.dataDirectory(),
        s.gatewayUrl(),
        s.gatewayUrl(),
        s.gatewayUrl(),
        s.gatewayUrl(),
        s.gatewayUrl(),
        s.issuerUri(),
        s.kafkaPort(),
        s.postgresPort(),
        s.issuerUri(),
        s.simulator()
            ? "on (via " + s.simulatorVia() + ", " + s.simulatorRate() + " readings/s)"
            : "off");
  }

  private Banner() {}
}
