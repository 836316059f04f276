package com.orbitcrm.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.customfields.FieldType;
import com.orbitcrm.customfields.FieldValue;
import com.orbitcrm.deals.PipelineDraft.StageDraft;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pipelines admins define, and what a deal must have to enter a stage (one check for every way in). */
class PipelineRulesUnitTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  static StageDraft stage(String label, String kind, Integer probability, String... required) {
    return new StageDraft(null, label, "#3b82f6", probability, kind, List.of(required));
  }

  static Pipeline partners() {
    return new PipelineDraft("Partners", List.of(stage("Contacted", "open", 10),
        stage("Proposal sent", "open", 60, "value", "expectedCloseDate", "cf.tier"),
        stage("Signed", "won", null), stage("Dropped", "lost", null, "contactEmail")))
        .define(new PipelineId(UUID.randomUUID()));
  }

  static Deal deal(Pipeline on, DealDetails details) {
    var progress = DealProgress.start(on.first(), null, null, null, TODAY);
    return new Deal(new DealId(UUID.randomUUID()), new TenantId(UUID.randomUUID()), on.id(), details, progress,
        Rank.first(), null, Instant.EPOCH, Instant.EPOCH, null, 0);
  }

  @Test
  void aDraftBecomesAPipelineWithKeysFromLabelsInOrder() {
    var p = partners();
    assertThat(p.keys()).containsExactly("contacted", "proposal_sent", "signed", "dropped");
    assertThat(p.stages()).extracting(Stage::order).containsExactly(1, 2, 3, 4);
    assertThat(p.stage("signed").orElseThrow().defaultProbability().percent()).isEqualTo(100);
    assertThat(p.stage("proposal_sent").orElseThrow().requirements().fields())
        .containsExactly("value", "expectedCloseDate", "cf.tier");
    assertThat(PipelineDraft.keyFor("Démo booked!", new java.util.HashSet<>(List.of("demo_booked"))))
        .isEqualTo("demo_booked_2");
    assertThat(PipelineDraft.keyFor("1st call", new java.util.HashSet<>())).isEqualTo("stage_1st_call");
  }

  @Test
  void everyProblemOfADraftIsNamedAtOnce() {
    var draft = new PipelineDraft(" ", List.of(
        new StageDraft(null, "", "red", 120, "open", List.of("budget")),
        new StageDraft("dup", "A", "#000000", 10, "maybe", List.of()),
        new StageDraft("dup", "B", "#000000", 50, "won", List.of())));
    assertThatThrownBy(() -> draft.define(new PipelineId(UUID.randomUUID())))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field)
            .containsExactlyInAnyOrder("name", "stages[0].label", "stages[0].color", "stages[0].probability",
                "stages[0].requiredFields", "stages[1].kind", "stages[2].key", "stages[2].probability"));
    var noLost = new PipelineDraft("Half", List.of(stage("A", "open", 5), stage("B", "won", null)));
    assertThatThrownBy(() -> noLost.define(new PipelineId(UUID.randomUUID())))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::message).containsExactly("need at least one lost stage"));
  }

  @Test
  void aStageRefusesADealThatLacksWhatItRequiresNamingEachField() {
    var p = partners();
    var bare = deal(p, DealDetails.from(DealDraft.empty().with("name", "Reseller")));
    var target = p.stage("proposal_sent").orElseThrow();
    assertThatThrownBy(() -> bare.moveTo(p, target, Rank.first(), null, Map.of(), null, TODAY, Instant.EPOCH))
        .isInstanceOfSatisfying(EntryRefused.class, e -> {
          assertThat(e.fields()).containsExactly("value", "expectedCloseDate", "cf.tier");
          assertThat(e.stage()).isEqualTo(target);
        });
    var full = deal(p, DealDetails.from(DealDraft.empty().with("name", "Reseller").with("value", "10")
        .with("expectedCloseDate", "2027-01-31")));
    var moved = full.moveTo(p, target, Rank.first(), null, Map.of("tier", FieldValue.of(FieldType.TEXT, "gold")),
        null, TODAY, Instant.EPOCH);
    assertThat(moved.deal().progress().stage().key()).isEqualTo("proposal_sent");
    assertThat(moved.deal().progress().probability().percent()).isEqualTo(60);
    // A value of 0 is no value; a reorder within the stage is not an entry.
    var zero = deal(p, DealDetails.from(DealDraft.empty().with("name", "Zero").with("value", "0")));
    assertThat(p.stage("proposal_sent").orElseThrow().missingOnEntry(zero.details(), Map.of(), null))
        .extracting(FieldViolation::field).contains("value");
    assertThat(bare.moveTo(p, p.first(), "b0", null, Map.of(), null, TODAY, Instant.EPOCH).event()).isNull();
  }

  @Test
  void aLostStageAsksItsReasonWithItsOtherRequirementsInOneAnswer() {
    var p = partners();
    var bare = deal(p, DealDetails.from(DealDraft.empty().with("name", "Reseller")));
    assertThatThrownBy(() -> bare.moveTo(p, p.stage("dropped").orElseThrow(), Rank.first(), " ", Map.of(), null,
        TODAY, Instant.EPOCH))
        .isInstanceOfSatisfying(EntryRefused.class, e ->
            assertThat(e.fields()).containsExactly("contactEmail", "lostReason"));
    // The seed's lost stage asks only the reason, as before.
    var seed = Pipeline.withDefaultStages(new PipelineId(UUID.randomUUID()));
    assertThat(seed.stage("closed_lost").orElseThrow().entryFields()).containsExactly("lostReason");
  }

  @Test
  void aDealMovingToAnotherPipelineLandsOnTheObviousStageOrNone() {
    var seed = Pipeline.withDefaultStages(new PipelineId(UUID.randomUUID()));
    var p = partners();
    assertThat(p.counterpart(seed.stage("closed_won").orElseThrow())).map(Stage::key).contains("signed");
    assertThat(p.counterpart(seed.stage("closed_lost").orElseThrow())).map(Stage::key).contains("dropped");
    assertThat(p.counterpart(seed.stage("qualified").orElseThrow())).isEmpty();
    assertThat(seed.counterpart(seed.stage("proposal").orElseThrow())).map(Stage::key).contains("proposal");

    var d = deal(seed, DealDetails.from(DealDraft.empty().with("name", "Mover").with("contactEmail", "a@b.example")));
    var moved = d.moveTo(p, p.first(), Rank.first(), null, Map.of(), null, TODAY, Instant.EPOCH);
    assertThat(moved.deal().pipeline()).isEqualTo(p.id());
    assertThat(moved.event().pipelineChanged()).isTrue();
    assertThat(moved.event().fromPipeline()).isEqualTo(seed.id());
    assertThat(moved.deal().progress().probability().percent()).isEqualTo(10);
  }
}
