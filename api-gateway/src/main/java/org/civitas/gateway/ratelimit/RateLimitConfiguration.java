package org.civitas.gateway.ratelimit;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

  @Bean
  FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitSettings settings) {
    FilterRegistrationBean<RateLimitFilter> registration =
        new FilterRegistrationBean<>(
            new RateLimitFilter(new RateLimiter(settings, System::nanoTime)));
    // right after Spring Security, which has established who the caller is by then
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
    registration.setEnabled(settings.enabled());
    return registration;
  }
}
