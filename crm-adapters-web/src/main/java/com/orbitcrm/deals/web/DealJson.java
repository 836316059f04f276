package com.orbitcrm.deals.web;

import com.orbitcrm.customfields.FieldValue;
import com.orbitcrm.customfields.web.CustomFieldsJson;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealDetails;
import com.orbitcrm.deals.DealProgress;
import com.orbitcrm.platform.web.MoneyFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A deal as the API shows it: the camelCase fields of the original spec; money as decimal strings, the
 * weighted value exact (not rounded per deal, so sums add up); {@code stageOrder} is the card's rank in its
 * column, a string that sorts in column order.
 */
record DealJson(String id, String name, @Nullable String description, String pipelineId, String stage, String stageLabel,
                String stageOrder, String value, String currency, int probability, String weightedValue,
                @Nullable String clientId, @Nullable String contactName, @Nullable String contactEmail,
                @Nullable String contactPhone, @Nullable LocalDate expectedCloseDate,
                @Nullable LocalDate actualCloseDate, @Nullable String ownerId, @Nullable String source,
                Map<String, Object> customFields, @Nullable String lostReason, Instant createdAt, Instant updatedAt,
                @Nullable Instant deletedAt, int version) {

  static DealJson of(Deal deal, Map<String, FieldValue> customFields) {
    DealDetails d = deal.details();
    DealProgress p = deal.progress();
    return new DealJson(deal.id().toString(), d.name(), d.description(), deal.pipeline().toString(), p.stage().key(), p.stage().label(),
        deal.rank(), d.value().amount().toPlainString(), d.currency(), p.probability().percent(),
        MoneyFormat.exact(deal.weightedValue().amount()), d.clientId() == null ? null : d.clientId().toString(), d.contactName(),
        d.contactEmail(), d.contactPhone(), d.expectedCloseDate(), p.actualCloseDate(),
        d.ownerId() == null ? null : d.ownerId().toString(), d.source(), CustomFieldsJson.write(customFields), p.lostReason(), deal.createdAt(),
        deal.updatedAt(), deal.deletedAt(), deal.version());
  }

}
