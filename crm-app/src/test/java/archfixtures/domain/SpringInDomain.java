package archfixtures.domain;

import org.springframework.context.ApplicationContext;

/** Planted for ArchitectureTests: a domain class that reaches for Spring. */
public class SpringInDomain {
  ApplicationContext context;
}
