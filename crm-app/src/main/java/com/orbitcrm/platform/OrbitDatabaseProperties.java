package com.orbitcrm.platform;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the database is. With no {@code url}, an embedded PostgreSQL keeps its data under
 * {@code embeddedDataDirectory}; with one (see {@code SPRING_DATASOURCE_URL} in the README), the
 * owner account runs the migrations and the application account runs every query.
 *
 * @param url JDBC URL of an external server, or empty for the embedded one.
 * @param ownerUsername the role that owns the schema and runs migrations.
 * @param appUsername the role the application queries as: it must not be superuser, owner or BYPASSRLS.
 */
@ConfigurationProperties("orbit.db")
public record OrbitDatabaseProperties(
    @Nullable String url,
    @DefaultValue("orbit_owner") String ownerUsername,
    @Nullable String ownerPassword,
    @DefaultValue("orbit_app") String appUsername,
    @Nullable String appPassword,
    @DefaultValue(".orbit-data/postgres") Path embeddedDataDirectory,
    @DefaultValue("0") int embeddedPort) {

  boolean embedded() {
    return url == null || url.isBlank();
  }
}
