package org.civitas.kit.ops;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Describes each service the same way in its {@code /v3/api-docs}: named after the service and
 * secured by the platform's bearer JWTs, so the gateway's aggregated Swagger UI can try calls with
 * one token.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class OpenApiAutoConfiguration {

  static final String BEARER_SCHEME = "bearer-jwt";

  @Bean
  @ConditionalOnMissingBean
  OpenAPI civitasOpenApi(Environment environment) {
    String service = environment.getProperty("spring.application.name", "civitas");
    String version = environment.getProperty("civitas.api.version", "v1");
    return new OpenAPI()
        .info(
            new Info()
                .title("Civitas " + service)
                .version(version)
                .description("Fixed outside: CONTRACT.md. Personal data never appears in errors."))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER_SCHEME,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("OAuth2 access token from the platform's issuer")))
        // relative, so that calls tried from the gateway's Swagger UI go through the gateway
        .servers(List.of(new Server().url("/")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
  }
}
