package org.civitas.audit.ops;

import org.civitas.audit.AuditServiceTestBase;
import org.civitas.testsupport.ApiDocumentCoverage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** An endpoint of this service missing from its OpenAPI document fails the build. */
class ApiDocumentIntegrationTest extends AuditServiceTestBase {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyEndpointOfTheServiceIsInItsOpenApiDocument() {
    ApiDocumentCoverage.assertEveryEndpointDocumented(mappings, port);
  }
}
