package com.orbitcrm.clients.web;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientDetails;
import com.orbitcrm.customfields.FieldValue;
import com.orbitcrm.customfields.web.CustomFieldsJson;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A client as the API shows it: the camelCase fields of the original spec; money as a decimal string. */
record ClientJson(String id, String name, @Nullable String contactName, @Nullable String contactEmail,
                  @Nullable String contactPhone, @Nullable String industry, @Nullable String addressLine1,
                  @Nullable String addressLine2, @Nullable String city, @Nullable String state,
                  @Nullable String zipCode, @Nullable String estimatedMonthlySpend, String status,
                  @Nullable String accountOwnerId, @Nullable String accountOwnerName,
                  @Nullable Instant accountOwnerAssignedDate, @Nullable String companyId,
                  Map<String, Object> customFields, Instant createdAt, Instant updatedAt, @Nullable Instant deletedAt,
                  int version) {

  static ClientJson of(Client c, @Nullable String ownerName, Map<String, FieldValue> customFields) {
    ClientDetails d = c.details();
    return new ClientJson(c.id().toString(), d.name(), d.contactName(), d.contactEmail(), d.contactPhone(),
        d.industry(), d.addressLine1(), d.addressLine2(), d.city(), d.state(), d.zipCode(),
        d.estimatedMonthlySpend() == null ? null : d.estimatedMonthlySpend().toPlainString(), d.status().key(),
        d.accountOwnerId() == null ? null : d.accountOwnerId().toString(), ownerName, c.accountOwnerAssignedDate(),
        d.companyId(), CustomFieldsJson.write(customFields), c.createdAt(), c.updatedAt(), c.deletedAt(), c.version());
  }
}
