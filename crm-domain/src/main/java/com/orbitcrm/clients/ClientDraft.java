package com.orbitcrm.clients;

import org.jspecify.annotations.Nullable;

/**
 * A client's editable fields as typed (a form, a JSON body): unchecked text, turned into
 * {@link ClientDetails} by {@link ClientDetails#from(ClientDraft)}, which names every field that is wrong.
 */
public record ClientDraft(@Nullable String name, @Nullable String contactName, @Nullable String contactEmail,
                          @Nullable String contactPhone, @Nullable String industry, @Nullable String addressLine1,
                          @Nullable String addressLine2, @Nullable String city, @Nullable String state,
                          @Nullable String zipCode, @Nullable String estimatedMonthlySpend, @Nullable String status,
                          @Nullable String accountOwnerId, @Nullable String companyId) {

  public static ClientDraft empty() {
    return new ClientDraft(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The draft of an existing client, for a partial update. */
  public static ClientDraft of(ClientDetails d) {
    return new ClientDraft(d.name(), d.contactName(), d.contactEmail(), d.contactPhone(), d.industry(),
        d.addressLine1(), d.addressLine2(), d.city(), d.state(), d.zipCode(),
        d.estimatedMonthlySpend() == null ? null : d.estimatedMonthlySpend().toPlainString(), d.status().key(),
        d.accountOwnerId() == null ? null : d.accountOwnerId().toString(), d.companyId());
  }

  public ClientDraft with(String field, @Nullable String value) {
    return switch (field) {
      case "name" -> new ClientDraft(value, contactName, contactEmail, contactPhone, industry, addressLine1,
          addressLine2, city, state, zipCode, estimatedMonthlySpend, status, accountOwnerId, companyId);
      case "contactName" -> new ClientDraft(name, value, contactEmail, contactPhone, industry, addressLine1,
          addressLine2, city, state, zipCode, estimatedMonthlySpend, status, accountOwnerId, companyId);
      case "contactEmail" -> new ClientDraft(name, contactName, value, contactPhone, industry, addressLine1,
          addressLine2, city, state, zipCode, estimatedMonthlySpend, status, accountOwnerId, companyId);
      case "contactPhone" -> new ClientDraft(name, contactName, contactEmail, value, industry, addressLine1,
          addressLine2, city, state, zipCode, estimatedMonthlySpend, status, accountOwnerId, companyId);
      case "industry" -> new ClientDraft(name, contactName, contactEmail, contactPhone, value, addressLine1,
          addressLine2, city, state, zipCode, estimatedMonthlySpend, status, accountOwnerId, companyId);
      case "addressLine1" -> new ClientDraft(name, contactName, contactEmail, contactPhone, industry, value,
          addressLine2, city, state, zipCode, estimatedMonthlySpend, status, accountOwnerId, companyId);
      case "addressLine2" -> new ClientDraft(name, contactName, contactEmail, contactPhone, industry, addressLine1,
          value, city, state, zipCode, estimatedMonthlySpend, status, accountOwnerId, companyId);
      case "city" -> new ClientDraft(name, contactName, contactEmail, contactPhone, industry, addressLine1,
          addressLine2, value, state, zipCode, estimatedMonthlySpend, status, accountOwnerId, companyId);
      case "state" -> new ClientDraft(name, contactName, contactEmail, contactPhone, industry, addressLine1,
          addressLine2, city, value, zipCode, estimatedMonthlySpend, status, accountOwnerId, companyId);
      case "zipCode" -> new ClientDraft(name, contactName, contactEmail, contactPhone, industry, addressLine1,
          addressLine2, city, state, value, estimatedMonthlySpend, status, accountOwnerId, companyId);
      case "estimatedMonthlySpend" -> new ClientDraft(name, contactName, contactEmail, contactPhone, industry,
          addressLine1, addressLine2, city, state, zipCode, value, status, accountOwnerId, companyId);
      case "status" -> new ClientDraft(name, contactName, contactEmail, contactPhone, industry, addressLine1,
          addressLine2, city, state, zipCode, estimatedMonthlySpend, value, accountOwnerId, companyId);
      case "accountOwnerId" -> new ClientDraft(name, contactName, contactEmail, contactPhone, industry, addressLine1,
          addressLine2, city, state, zipCode, estimatedMonthlySpend, status, value, companyId);
      case "companyId" -> new ClientDraft(name, contactName, contactEmail, contactPhone, industry, addressLine1,
          addressLine2, city, state, zipCode, estimatedMonthlySpend, status, accountOwnerId, value);
      default -> throw new IllegalArgumentException("not an editable client field: " + field);
    };
  }

  /** The API names of the editable fields, in display order. */
  public static final java.util.List<String> FIELDS = java.util.List.of("name", "contactName", "contactEmail",
      "contactPhone", "industry", "addressLine1", "addressLine2", "city", "state", "zipCode",
      "estimatedMonthlySpend", "status", "accountOwnerId", "companyId");
}
