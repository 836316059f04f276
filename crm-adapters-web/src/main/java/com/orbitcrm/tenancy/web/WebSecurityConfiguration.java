package com.orbitcrm.tenancy.web;

import com.orbitcrm.platform.web.Problems;
import com.orbitcrm.tenancy.app.ApiTokenService;
import com.orbitcrm.tenancy.SignInRefusal;
import com.orbitcrm.tenancy.app.IdentityService;
import com.orbitcrm.tenancy.app.RequestTransaction;
import com.orbitcrm.tenancy.app.SignInGuard;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponseHeader;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may reach what, in two chains. The API ({@code /api/**}) takes an API token, HTTP Basic or the
 * browser session, answers 401/403 as problem+json, and wants a CSRF token only where a cookie
 * authenticates a change. Pages use form sign-in, CSRF on every form and HTMX request, and send
 * strangers to the sign-in page. Both end in {@link TenantResolutionFilter}.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * The one password check of both chains: Spring's (bcrypt through {@link AccountUserDetailsService}) inside the
   * sign-in guard ({@link ProtectedSignIn}: throttle and lock, counted in the database).
   */
  @Bean
  AuthenticationManager signInManager(AccountUserDetailsService accounts, PasswordEncoder encoder, SignInGuard guard) {
    var passwords = new DaoAuthenticationProvider(accounts);
    passwords.setPasswordEncoder(encoder);
    return new ProviderManager(new ProtectedSignIn(passwords, guard));
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens, IdentityService identity,
                          AuthenticationManager signInManager, RequestTransaction transaction) throws Exception {
    AuthenticationEntryPoint unauthorized = (request, response, e) -> {
      if (e instanceof SignInRefused refused) {
        // Too many attempts (or locked): 429 with when to try again; the password was not looked at.
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.refusal().seconds()));
        Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, refused.refusal().message(), request);
        return;
      }
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Orbit CRM\"");
      Problems.write(response, HttpStatus.UNAUTHORIZED,
          "Authentication required: send an API token (Authorization: Bearer …) or sign in", request);
    };
    AccessDeniedHandler forbidden = (request, response, e) ->
        Problems.write(response, HttpStatus.FORBIDDEN, e.getMessage() != null && e.getMessage().contains("CSRF")
            ? "Missing or invalid CSRF token: send the X-CSRF-TOKEN header with a cookie-authenticated change"
            : "You may not do this", request);
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.POST, "/api/signup", "/api/password-reset", "/api/password-reset/*").permitAll()
            .requestMatchers("/api/openapi.yaml", "/api/docs", "/api/docs/**").permitAll()
            .anyRequest().authenticated())
        .authenticationManager(signInManager)
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized)
            .authenticationDetailsSource(SignInOrigin.source(true)))
        .csrf(csrf -> csrf.requireCsrfProtectionMatcher(WebSecurityConfiguration::cookieAuthenticatedChange))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
        .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
        .addFilterAfter(new TenantResolutionFilter(identity, transaction), AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http, IdentityService identity, AuthenticationManager signInManager,
                           RequestTransaction transaction,
                           @Value("${orbit.metrics.token:}") String metricsToken,
                           @Value("${management.server.port:-1}") int managementPort) throws Exception {
    var toSignIn = new LoginUrlAuthenticationEntryPoint("/login");
    AuthenticationEntryPoint entryPoint = (request, response, e) -> {
      if (HtmxRequest.fromRequest(request).isHtmxRequest()) {
        // An HTMX call after the session ended: send the whole page to sign-in, not a fragment.
        response.setHeader(HtmxResponseHeader.HX_REDIRECT.getValue(), request.getContextPath() + "/login");
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
      } else {
        toSignIn.commence(request, response, e);
      }
    };
    var success = new SignInSuccessHandler(identity);
    http.authorizeHttpRequests(auth -> auth
            .requestMatchers("/", "/login", "/signup", "/error", "/error/**", "/favicon.ico").permitAll()
            // Forgot password: ask for a link, and set a new password through one (the link is the credential).
            .requestMatchers("/password/forgot", "/password/reset/*").permitAll()
            .requestMatchers("/css/**", "/js/**", "/img/**", "/webjars/**").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .requestMatchers("/actuator/prometheus").access(new MetricsAccess(metricsToken, managementPort))
            // E-mail tracking: fetched by the recipient's mail client; the signed token is the credential.
            .requestMatchers(HttpMethod.GET, "/t/*/open.gif", "/t/*/go").permitAll()
            // A meeting's invitee answers through the signed link in their invitation (the form still
            // carries a CSRF token); calendar apps poll a member's feed with its secret key.
            .requestMatchers("/rsvp/*").permitAll()
            // An invitation link shows its workspace and role to whoever holds it; a person without an account
            // creates one there and joins (accepting with an account needs sign-in: /invitations/*/sign-in).
            .requestMatchers(HttpMethod.GET, "/invitations/*").permitAll()
            .requestMatchers(HttpMethod.POST, "/invitations/*/join").permitAll()
            .requestMatchers(HttpMethod.GET, "/calendar/feed/*").permitAll()
            .anyRequest().authenticated())
        .authenticationManager(signInManager)
        .formLogin(form -> form
            .loginPage("/login")
            .usernameParameter("email")
            .authenticationDetailsSource(SignInOrigin.source(false))
            .successHandler(success)
            .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                + (e instanceof SignInRefused refused
                    ? "/login?" + (refused.refusal().reason() == SignInRefusal.Reason.LOCKED ? "locked" : "throttled")
                        + "&wait=" + refused.refusal().minutes()
                    : "/login?error")))
            .permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
        .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint))
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
        .addFilterAfter(new TenantResolutionFilter(identity, transaction), AuthorizationFilter.class);
    return http.build();
  }

  /**
   * CSRF matters wherever the browser sends credentials by itself: a session cookie (and Basic credentials,
   * which browsers also replay). Only a Bearer token — which a page cannot make a browser send — makes a
   * change stateless; a wrong one is a 401 from {@code BearerTokenFilter}, never a session's change.
   */
  private static boolean cookieAuthenticatedChange(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    return !SAFE_METHODS.contains(request.getMethod())
        && (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7))
        && request.getRequestedSessionId() != null
        && !request.getRequestURI().equals(request.getContextPath() + "/api/signup")
        && !request.getRequestURI().startsWith(request.getContextPath() + "/api/password-reset");
  }

}
