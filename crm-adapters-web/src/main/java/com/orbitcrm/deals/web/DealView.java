package com.orbitcrm.deals.web;

import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealDetails;
import com.orbitcrm.deals.DealProgress;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.platform.web.MoneyFormat;
import com.orbitcrm.tenancy.Initials;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A deal as the board's card and the deal modal show it, with its client's and owner's names. Every
 * text is made once here: a board renders over a hundred cards, and the template only reads them.
 *
 * @param closeLabel "12 Dec" this year, "12 Dec 2027" otherwise; {@literal null} without a date.
 */
record DealView(Deal deal, String id, @Nullable String clientId, @Nullable String clientName,
                @Nullable String ownerName, @Nullable String ownerInitials, String value, String valueFull,
                String weightedFull, boolean overdue, @Nullable String closeLabel, @Nullable String closeLong,
                @Nullable String actualCloseLong) {

  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.US);
  private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US);

  static DealView of(Deal deal, @Nullable String clientName, @Nullable String ownerName, LocalDate today) {
    DealDetails d = deal.details();
    LocalDate close = d.expectedCloseDate();
    LocalDate actual = deal.progress().actualCloseDate();
    return new DealView(deal, deal.id().toString(), d.clientId() == null ? null : d.clientId().toString(), clientName,
        ownerName, ownerName == null ? null : Initials.of(ownerName), MoneyFormat.compact(d.value()),
        MoneyFormat.format(d.value()), MoneyFormat.format(deal.weightedValue()), deal.overdue(today),
        close == null ? null : (close.getYear() == today.getYear() ? SHORT : LONG).format(close),
        close == null ? null : LONG.format(close), actual == null ? null : LONG.format(actual));
  }

  public DealDetails d() {
    return deal.details();
  }

  public DealProgress p() {
    return deal.progress();
  }

  public Stage stage() {
    return deal.progress().stage();
  }

  public int version() {
    return deal.version();
  }
}
