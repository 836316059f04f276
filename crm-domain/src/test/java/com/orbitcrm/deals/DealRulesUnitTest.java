package com.orbitcrm.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A deal's field rules, its weighted value and overdue flag, and the event a move raises. */
class DealRulesUnitTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  static DealDraft draft(String name, String value) {
    return DealDraft.empty().with("name", name).with("value", value);
  }

  @Test
  void fieldsAreCheckedAllAtOnceWithTheirNames() {
    var draft = draft("  ", "12.345").with("currency", "EURO").with("contactEmail", "not an address")
        .with("expectedCloseDate", "31/12/2026").with("ownerId", "nobody").with("source", "x".repeat(101));
    assertThatThrownBy(() -> DealDetails.from(draft))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field)
            .containsExactlyInAnyOrder("name", "value", "currency", "contactEmail", "expectedCloseDate", "ownerId",
                "source"));
  }

  @Test
  void cleanInputIsNormalised() {
    var details = DealDetails.from(draft(" Annual licence ", "25000.5").with("currency", "eur")
        .with("contactEmail", "Buyer@Acme.Example").with("expectedCloseDate", "2026-12-31"));
    assertThat(details.name()).isEqualTo("Annual licence");
    assertThat(details.value()).isEqualByComparingTo("25000.50");
    assertThat(details.currency()).isEqualTo("EUR");
    assertThat(details.contactEmail()).isEqualTo("buyer@acme.example");
    assertThat(details.expectedCloseDate()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(DealDetails.from(draft("No value given", null)).value()).isEqualByComparingTo("0");
  }

  @Test
  void weightedValueOverdueAndTheStageChangedEvent() {
    var pipeline = Pipeline.standard();
    var details = DealDetails.from(draft("Pilot", "1234.56").with("expectedCloseDate", "2026-11-01"));
    var progress = DealProgress.start(pipeline.stage("negotiation").orElseThrow(), null, null, TODAY);
    var deal = new Deal(new DealId(UUID.randomUUID()), new TenantId(UUID.randomUUID()), details, progress,
        Rank.STEP, null, Instant.EPOCH, Instant.EPOCH, null, 3);
    assertThat(deal.weightedValue()).isEqualByComparingTo("925.92");
    assertThat(deal.overdue(TODAY)).isTrue();
    assertThat(deal.overdue(LocalDate.of(2026, 10, 1))).isFalse();

    var mover = new UserId(UUID.randomUUID());
    var won = deal.moveTo(pipeline.stage("closed_won").orElseThrow(), new BigDecimal("5"), null, mover, TODAY,
        Instant.parse("2026-11-24T10:00:00Z"));
    assertThat(won.event()).isNotNull();
    assertThat(won.event().fromStage()).isEqualTo("negotiation");
    assertThat(won.event().toStage()).isEqualTo("closed_won");
    assertThat(won.event().by()).isEqualTo(mover);
    assertThat(won.deal().overdue(TODAY)).isFalse();           // a closed deal is never overdue
    assertThat(won.deal().version()).isEqualTo(3);             // the store bumps it on a successful write

    var reordered = deal.moveTo(pipeline.stage("negotiation").orElseThrow(), new BigDecimal("7"), null, mover, TODAY,
        Instant.EPOCH);
    assertThat(reordered.event()).isNull();                    // a move within a column is no stage change
  }
}
