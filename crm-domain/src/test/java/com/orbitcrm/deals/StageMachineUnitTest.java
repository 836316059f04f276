package com.orbitcrm.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.platform.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StageMachineUnitTest {

  static final Pipeline PIPELINE = Pipeline.withDefaultStages(new PipelineId(java.util.UUID.randomUUID()));
  static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  static Stage stage(String key) {
    return PIPELINE.stage(key).orElseThrow();
  }

  @Test
  void theDefaultPipelineHasTheSpecsStagesOrderAndProbabilities() {
    assertThat(PIPELINE.keys()).containsExactly("lead", "qualified", "proposal", "negotiation", "closed_won",
        "closed_lost");
    assertThat(PIPELINE.stages().stream().map(s -> s.defaultProbability().percent())).containsExactly(10, 25, 50, 75, 100, 0);
    assertThat(PIPELINE.first().key()).isEqualTo("lead");
    assertThat(stage("closed_won").kind()).isEqualTo(StageKind.WON);
    assertThat(stage("closed_lost").kind()).isEqualTo(StageKind.LOST);
    assertThat(PIPELINE.stage("won")).isEmpty();
  }

  @Test
  void movingSetsTheDefaultProbabilityOfTheStage() {
    var deal = DealProgress.start(stage("lead"), null, null, null, TODAY);
    assertThat(deal.probability().percent()).isEqualTo(10);
    var moved = deal.moveTo(stage("proposal"), null, TODAY);
    assertThat(moved.probability().percent()).isEqualTo(50);
    assertThat(moved.actualCloseDate()).isNull();
  }

  @Test
  void aProbabilitySetByHandSurvivesMovesBetweenOpenStages() {
    var deal = DealProgress.start(stage("qualified"), null, null, null, TODAY).withProbability(new Probability(40));
    var moved = deal.moveTo(stage("negotiation"), null, TODAY);
    assertThat(moved.probability().percent()).isEqualTo(40);
    assertThat(moved.probabilityManual()).isTrue();
    // Won fixes it at 100; reopening goes back to the stage default.
    var won = moved.moveTo(stage("closed_won"), null, TODAY);
    assertThat(won.probability().percent()).isEqualTo(100);
    assertThat(won.moveTo(stage("proposal"), null, TODAY).probability().percent()).isEqualTo(50);
  }

  @Test
  void winningSetsTheCloseDateAndProbability100() {
    var won = DealProgress.start(stage("negotiation"), null, null, null, TODAY).moveTo(stage("closed_won"), "ignored", TODAY);
    assertThat(won.probability().percent()).isEqualTo(100);
    assertThat(won.actualCloseDate()).isEqualTo(TODAY);
    assertThat(won.lostReason()).isNull();
  }

  @Test
  void losingRequiresAReasonAndSetsProbability0AndTheCloseDate() {
    var open = DealProgress.start(stage("proposal"), null, null, null, TODAY);
    assertThatThrownBy(() -> open.moveTo(stage("closed_lost"), "  ", TODAY))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lostReason");
    assertThatThrownBy(() -> open.moveTo(stage("closed_lost"), "x".repeat(1001), TODAY))
        .isInstanceOf(InvalidInputException.class);
    var lost = open.moveTo(stage("closed_lost"), " Chose a competitor ", TODAY);
    assertThat(lost.probability().percent()).isZero();
    assertThat(lost.actualCloseDate()).isEqualTo(TODAY);
    assertThat(lost.lostReason()).isEqualTo("Chose a competitor");
    assertThatThrownBy(() -> lost.withProbability(new Probability(30))).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void reopeningClearsTheCloseDateAndTheLostReason() {
    var lost = DealProgress.start(stage("closed_lost"), null, "No budget", null, TODAY);
    assertThat(lost.lostReason()).isEqualTo("No budget");
    var reopened = lost.moveTo(stage("qualified"), null, TODAY.plusDays(3));
    assertThat(reopened.actualCloseDate()).isNull();
    assertThat(reopened.lostReason()).isNull();
    assertThat(reopened.probability().percent()).isEqualTo(25);
    assertThatThrownBy(() -> DealProgress.start(stage("closed_lost"), null, null, null, TODAY))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aMoveWithinTheColumnChangesNothing() {
    var deal = DealProgress.start(stage("proposal"), new Probability(65), null, null, TODAY);
    assertThat(deal.probability().percent()).isEqualTo(65);
    assertThat(deal.changesStage(stage("proposal"))).isFalse();
    assertThat(deal.moveTo(stage("proposal"), null, TODAY)).isEqualTo(deal);
  }

  @Test
  void aDealCreatedClosedIsClosedOnTheDayGivenForHistory() {
    var day = LocalDate.of(2025, 3, 14);
    var won = DealProgress.start(stage("closed_won"), null, null, day, TODAY);
    assertThat(won.actualCloseDate()).isEqualTo(day);
    assertThat(DealProgress.start(stage("closed_won"), null, null, null, TODAY).actualCloseDate()).isEqualTo(TODAY);
    // An open deal has no close date, whatever is given.
    assertThat(DealProgress.start(stage("lead"), null, null, day, TODAY).actualCloseDate()).isNull();
  }

  @Test
  void aProbabilityIsAPercentage() {
    assertThatThrownBy(() -> new Probability(101)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Probability(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Probability.of(101, "probability")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("probability");
    assertThatThrownBy(() -> Probability.parsePercent("ten", "probability")).isInstanceOf(InvalidInputException.class);
    assertThat(Probability.parsePercent(" 40 ", "probability")).isEqualTo(40);
    assertThat(Probability.parsePercent("  ", "probability")).isNull();
    assertThat(Probability.problem(101, "probability")).isPresent();
    assertThat(Probability.problem(100, "probability")).isEmpty();
    assertThat(Probability.problem(null, "probability")).isEmpty();
  }
}
