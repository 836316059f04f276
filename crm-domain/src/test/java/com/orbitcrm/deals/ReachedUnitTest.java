package com.orbitcrm.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReachedUnitTest {

  static final Pipeline PIPELINE = Pipeline.withDefaultStages(new PipelineId(UUID.randomUUID()));
  static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);

  static Stage stage(String key) {
    return PIPELINE.stage(key).orElseThrow();
  }

  @Test
  void arrivingReachesTheStageAndTheStepsItSkipped() {
    var reached = Reached.NONE.arrive(PIPELINE, stage("proposal"), MAY_1);
    assertThat(reached.firstOn()).containsExactly(java.util.Map.entry("lead", MAY_1),
        java.util.Map.entry("qualified", MAY_1), java.util.Map.entry("proposal", MAY_1));
  }

  @Test
  void aStepKeepsTheDayItWasFirstReached() {
    var reached = Reached.NONE.arrive(PIPELINE, stage("qualified"), MAY_1)
        .arrive(PIPELINE, stage("lead"), MAY_1.plusDays(3))               // back
        .arrive(PIPELINE, stage("negotiation"), MAY_1.plusDays(9));       // and further
    assertThat(reached.on("lead")).isEqualTo(MAY_1);
    assertThat(reached.on("qualified")).isEqualTo(MAY_1);
    assertThat(reached.on("proposal")).isEqualTo(MAY_1.plusDays(9));
    assertThat(reached.on("negotiation")).isEqualTo(MAY_1.plusDays(9));
    assertThat(reached.on("closed_won")).isNull();
  }

  @Test
  void lostIsNotAStep() {
    var reached = Reached.NONE.arrive(PIPELINE, stage("qualified"), MAY_1);
    assertThat(reached.arrive(PIPELINE, stage("closed_lost"), MAY_1.plusDays(2))).isSameAs(reached);
    assertThat(Reached.start(PIPELINE, stage("closed_lost"), MAY_1, MAY_1).firstOn()).isEmpty();
  }

  @Test
  void historyBroughtInIsWonOnItsCloseDayAfterTheStepsOnItsFirstDay() {
    var reached = Reached.start(PIPELINE, stage("closed_won"), MAY_1, MAY_1.plusDays(40));
    assertThat(reached.on("lead")).isEqualTo(MAY_1);
    assertThat(reached.on("negotiation")).isEqualTo(MAY_1);
    assertThat(reached.on("closed_won")).isEqualTo(MAY_1.plusDays(40));
    assertThat(Reached.start(PIPELINE, stage("lead"), MAY_1, null).firstOn()).containsOnlyKeys("lead");
  }
}
