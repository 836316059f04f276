package com.orbitcrm.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.platform.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StageMachineUnitTest {

  static final Pipeline PIPELINE = Pipeline.standard();
  static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  static Stage stage(String key) {
    return PIPELINE.stage(key).orElseThrow();
  }

  @Test
  void theStandardPipelineHasTheSpecsStagesOrderAndProbabilities() {
    assertThat(PIPELINE.keys()).containsExactly("lead", "qualified", "proposal", "negotiation", "closed_won",
        "closed_lost");
    assertThat(PIPELINE.stages().stream().map(Stage::defaultProbability)).containsExactly(10, 25, 50, 75, 100, 0);
    assertThat(PIPELINE.first().key()).isEqualTo("lead");
    assertThat(stage("closed_won").kind()).isEqualTo(StageKind.WON);
    assertThat(stage("closed_lost").kind()).isEqualTo(StageKind.LOST);
    assertThat(PIPELINE.stage("won")).isEmpty();
  }

  @Test
  void movingSetsTheDefaultProbabilityOfTheStage() {
    var deal = DealProgress.start(stage("lead"), null, null, TODAY);
    assertThat(deal.probability()).isEqualTo(10);
    var moved = deal.moveTo(stage("proposal"), null, TODAY);
    assertThat(moved.probability()).isEqualTo(50);
    assertThat(moved.actualCloseDate()).isNull();
  }

  @Test
  void aProbabilitySetByHandSurvivesMovesBetweenOpenStages() {
    var deal = DealProgress.start(stage("qualified"), null, null, TODAY).withProbability(40);
    var moved = deal.moveTo(stage("negotiation"), null, TODAY);
    assertThat(moved.probability()).isEqualTo(40);
    assertThat(moved.probabilityManual()).isTrue();
    // Won fixes it at 100; reopening goes back to the stage default.
    var won = moved.moveTo(stage("closed_won"), null, TODAY);
    assertThat(won.probability()).isEqualTo(100);
    assertThat(won.moveTo(stage("proposal"), null, TODAY).probability()).isEqualTo(50);
  }

  @Test
  void winningSetsTheCloseDateAndProbability100() {
    var won = DealProgress.start(stage("negotiation"), null, null, TODAY).moveTo(stage("closed_won"), "ignored", TODAY);
    assertThat(won.probability()).isEqualTo(100);
    assertThat(won.actualCloseDate()).isEqualTo(TODAY);
    assertThat(won.lostReason()).isNull();
  }

  @Test
  void losingRequiresAReasonAndSetsProbability0AndTheCloseDate() {
    var open = DealProgress.start(stage("proposal"), null, null, TODAY);
    assertThatThrownBy(() -> open.moveTo(stage("closed_lost"), "  ", TODAY))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lostReason");
    assertThatThrownBy(() -> open.moveTo(stage("closed_lost"), "x".repeat(1001), TODAY))
        .isInstanceOf(InvalidInputException.class);
    var lost = open.moveTo(stage("closed_lost"), " Chose a competitor ", TODAY);
    assertThat(lost.probability()).isZero();
    assertThat(lost.actualCloseDate()).isEqualTo(TODAY);
    assertThat(lost.lostReason()).isEqualTo("Chose a competitor");
    assertThatThrownBy(() -> lost.withProbability(30)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void reopeningClearsTheCloseDateAndTheLostReason() {
    var lost = DealProgress.start(stage("closed_lost"), null, "No budget", TODAY);
    assertThat(lost.lostReason()).isEqualTo("No budget");
    var reopened = lost.moveTo(stage("qualified"), null, TODAY.plusDays(3));
    assertThat(reopened.actualCloseDate()).isNull();
    assertThat(reopened.lostReason()).isNull();
    assertThat(reopened.probability()).isEqualTo(25);
    assertThatThrownBy(() -> DealProgress.start(stage("closed_lost"), null, null, TODAY))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aMoveWithinTheColumnChangesNothing() {
    var deal = DealProgress.start(stage("proposal"), 65, null, TODAY);
    assertThat(deal.probability()).isEqualTo(65);
    assertThat(deal.changesStage(stage("proposal"))).isFalse();
    assertThat(deal.moveTo(stage("proposal"), null, TODAY)).isEqualTo(deal);
  }

  @Test
  void ranksFitBetweenNeighboursWithoutRenumbering() {
    assertThat(Rank.between(null, null)).isEqualByComparingTo("1024");
    assertThat(Rank.between(new BigDecimal("1024"), null)).isEqualByComparingTo("2048");
    assertThat(Rank.between(null, new BigDecimal("1024"))).isEqualByComparingTo("0");
    assertThat(Rank.between(new BigDecimal("1024"), new BigDecimal("2048"))).isEqualByComparingTo("1536");
    assertThat(Rank.between(new BigDecimal("1"), new BigDecimal("2"))).isEqualByComparingTo("1.5");
    assertThatThrownBy(() -> Rank.between(BigDecimal.TEN, BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);

    // 500 random inserts into one column: always strictly ordered, never equal, never renumbered.
    var random = new Random(7);
    List<BigDecimal> column = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      int at = random.nextInt(column.size() + 1);
      BigDecimal before = at == 0 ? null : column.get(at - 1);
      BigDecimal after = at == column.size() ? null : column.get(at);
      column.add(at, Rank.between(before, after));
    }
    for (int i = 1; i < column.size(); i++) {
      assertThat(column.get(i)).isGreaterThan(column.get(i - 1));
    }
    // Even 200 drops into the same gap keep ranks short enough for a numeric column.
    BigDecimal low = BigDecimal.ZERO;
    BigDecimal high = BigDecimal.ONE;
    for (int i = 0; i < 200; i++) {
      high = Rank.between(low, high);
    }
    assertThat(high.scale()).isLessThanOrEqualTo(201);
    assertThat(high).isGreaterThan(low);
  }
}
