package com.orbitcrm.tenancy.signin;

import com.orbitcrm.tenancy.SignInPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sign-in policy the use cases apply, from {@link SignInProperties}. */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

  @Bean
  SignInPolicy signInPolicy(SignInProperties properties) {
    return properties.policy();
  }
}
