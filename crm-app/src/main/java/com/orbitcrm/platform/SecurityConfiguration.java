package com.orbitcrm.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who may reach what. Public: the landing page, static assets and the health probe. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain pages(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(auth -> auth
        .requestMatchers("/", "/error", "/favicon.ico", "/css/**", "/js/**", "/img/**", "/webjars/**").permitAll()
        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
        .anyRequest().authenticated());
    return http.build();
  }
}
