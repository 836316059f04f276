package com.orbitcrm.clients.web;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientDetails;
import com.orbitcrm.platform.web.MoneyFormat;
import com.orbitcrm.tenancy.Initials;
import java.math.BigDecimal;
import com.orbitcrm.customfields.web.CustomFieldForms;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the clients pages show of a client: formatted, and with its owner's name. */
public record ClientRow(String id, ClientDetails d, @Nullable String ownerName, @Nullable Instant ownerAssignedAt,
                        Instant createdAt, Instant updatedAt, @Nullable Instant deletedAt, int version,
                        List<CustomFieldForms.Shown> columns) {

  static ClientRow of(Client c, @Nullable String ownerName) {
    return new ClientRow(c.id().toString(), c.details(), ownerName, c.accountOwnerAssignedDate(), c.createdAt(),
        c.updatedAt(), c.deletedAt(), c.version(), List.of());
  }

  /** The same with the cells of the list's custom-field columns. */
  ClientRow withColumns(List<CustomFieldForms.Shown> cells) {
    return new ClientRow(id, d, ownerName, ownerAssignedAt, createdAt, updatedAt, deletedAt, version, List.copyOf(cells));
  }

  public String spend() {
    return money(d.estimatedMonthlySpend());
  }

  public @Nullable String ownerInitials() {
    return ownerName == null ? null : Initials.of(ownerName);
  }

  public String place() {
    if (d.city() != null && d.state() != null) {
      return d.city() + ", " + d.state();
    }
    return d.city() != null ? d.city() : d.state() != null ? d.state() : "";
  }

  public String statusBadge() {
    return switch (d.status()) {
      case ACTIVE -> "badge-ok";
      case INACTIVE -> "badge-warn";
      case CHURNED -> "badge-danger";
    };
  }

  static String money(@Nullable BigDecimal amount) {
    return MoneyFormat.format(amount, "USD");
  }
}
