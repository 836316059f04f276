package com.orbitcrm.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
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
    assertThat(details.value().amount()).isEqualByComparingTo("25000.50");
    assertThat(details.currency()).isEqualTo("EUR");
    assertThat(details.contactEmail()).isEqualTo("buyer@acme.example");
    assertThat(details.expectedCloseDate()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(DealDetails.from(draft("No value given", null)).value().amount()).isEqualByComparingTo("0");
  }

  @Test
  void weightedValueOverdueAndTheStageChangedEvent() {
    var pipeline = Pipeline.withDefaultStages(new PipelineId(UUID.randomUUID()));
    var details = DealDetails.from(draft("Pilot", "1234.56").with("expectedCloseDate", "2026-11-01"));
    var progress = DealProgress.start(pipeline.stage("negotiation").orElseThrow(), null, null, null, TODAY);
    var deal = new Deal(new DealId(UUID.randomUUID()), new TenantId(UUID.randomUUID()), pipeline.id(), details,
        progress, Rank.first(), null, Instant.EPOCH, Instant.EPOCH, null, 3);
    // Exact: 1234.56 × 75 / 100 = 925.92 (here the product needs no rounding), in the deal's currency.
    assertThat(deal.weightedValue().amount()).isEqualByComparingTo("925.92");
    assertThat(deal.weightedValue().currency()).isEqualTo("USD");
    assertThat(deal.overdue(TODAY)).isTrue();
    assertThat(deal.overdue(LocalDate.of(2026, 10, 1))).isFalse();

    var mover = new UserId(UUID.randomUUID());
    var won = deal.moveTo(pipeline, pipeline.stage("closed_won").orElseThrow(), Rank.between(Rank.first(), null), null, mover, TODAY,
        Instant.parse("2026-11-24T10:00:00Z"));
    assertThat(won.event()).isNotNull();
    assertThat(won.event().fromStage()).isEqualTo("negotiation");
    assertThat(won.event().toStage()).isEqualTo("closed_won");
    assertThat(won.event().by()).isEqualTo(mover);
    assertThat(won.deal().overdue(TODAY)).isFalse();           // a closed deal is never overdue
    assertThat(won.deal().version()).isEqualTo(3);             // the store bumps it on a successful write
    // Winning reaches every step up to won that the deal had not reached, today.
    assertThat(won.deal().reached().firstOn()).containsOnlyKeys("lead", "qualified", "proposal", "negotiation",
        "closed_won").allSatisfy((step, day) -> assertThat(day).isEqualTo(TODAY));

    var reordered = deal.moveTo(pipeline, pipeline.stage("negotiation").orElseThrow(), "a5", null, mover, TODAY,
        Instant.EPOCH);
    assertThat(reordered.event()).isNull();                    // a move within a column is no stage change
    assertThat(reordered.deal().reached()).isEqualTo(deal.reached());
  }

  @Test
  void weightedValuesAreExactAndRoundedOnlyWhenShown() {
    var pipeline = Pipeline.withDefaultStages(new PipelineId(UUID.randomUUID()));
    var lead = DealProgress.start(pipeline.stage("lead").orElseThrow(), new Probability(33), null, null, TODAY);
    var details = DealDetails.from(draft("Odd", "0.05"));
    var deal = new Deal(new DealId(UUID.randomUUID()), new TenantId(UUID.randomUUID()), pipeline.id(), details,
        lead, Rank.first(), null, Instant.EPOCH, Instant.EPOCH, null, 0);
    // 0.05 × 33 % = 0.0165: rounding each card to cents first (0.02) would make three of them 0.06, not 0.0495.
    assertThat(deal.weightedValue().amount()).isEqualByComparingTo("0.0165");
    var three = deal.weightedValue().plus(deal.weightedValue()).plus(deal.weightedValue());
    assertThat(three.amount()).isEqualByComparingTo("0.0495");
  }

  @Test
  void contactsAreCheckedTheSameWayOnDealsAsOnClients() {
    assertThatThrownBy(() -> DealDetails.from(draft("Phone", "1").with("contactPhone", "call me maybe")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field).containsExactly("contactPhone"));
    var ok = DealDetails.from(draft("Phone", "1").with("contactPhone", "+1 (415) 555-0134 x12")
        .with("contactName", "  Ada  "));
    assertThat(ok.contactPhone()).isEqualTo("+1 (415) 555-0134 x12");
    assertThat(ok.contactName()).isEqualTo("Ada");
  }
}
