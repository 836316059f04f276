package com.orbitcrm.platform.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Switches off the filter that passes every URL a template writes through the static-resource
 * resolvers. It only matters for content-hashed asset URLs, which Orbit does not use (WebJars are
 * served version-less by the resolver chain anyway), and it cost ~1 ms per link: the clients list,
 * with a link per row, spent most of its time there (measured with thread dumps under wrk; see
 * docs/benchmark.md).
 */
@Configuration(proxyBeanMethods = false)
class ResourceUrlConfiguration {

  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
    var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    registration.setEnabled(false);
    return registration;
  }
}
