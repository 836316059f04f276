package archfixtures.application;

import org.jooq.DSLContext;

/** Planted for ArchitectureTests: a use case that writes SQL itself instead of going through a port. */
public class JooqInUseCase {
  DSLContext dsl;
}
