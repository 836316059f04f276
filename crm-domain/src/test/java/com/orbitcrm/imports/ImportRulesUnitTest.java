package com.orbitcrm.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.PipelineId;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImportRulesUnitTest {

  @Test
  void headersMatchTheApisNamesLabelsAndOtherToolsExports() {
    var m = ColumnMapping.resolve(ImportKind.DEALS,
        List.of("Deal Name", "Deal Stage", "Amount", "Close Date", "Create Date", "Deal Owner", "Company name",
            "stageLabel", "weightedValue", "customFields.budget", "Priority", "Mystery"),
        Map.of("budget", "Budget", "priority", "Priority"), Map.of());
    assertThat(m.targets()).containsExactly("name", "stage", "value", "expectedCloseDate", "createdAt", "ownerId",
        "clientName", ColumnMapping.IGNORE, ColumnMapping.IGNORE, "customFields.budget", "customFields.priority",
        ColumnMapping.IGNORE);
    var clients = ColumnMapping.resolve(ImportKind.CLIENTS, List.of("Company name", "contactEmail", "ZIP", "id",
        "accountOwnerName"), Map.of(), Map.of());
    assertThat(clients.targets()).containsExactly("name", "contactEmail", "zipCode", "", "");
  }

  @Test
  void theCallersMappingWinsAndABadOneNamesEveryProblem() {
    var m = ColumnMapping.resolve(ImportKind.CLIENTS, List.of("Firma", "Email"), Map.of(),
        Map.of("Firma", "name", "Email", "ignore"));
    assertThat(m.targets()).containsExactly("name", "");
    assertThatThrownBy(() -> ColumnMapping.resolve(ImportKind.CLIENTS, List.of("A", "B", "A"), Map.of(),
        Map.of("B", "nonsense", "C", "name")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(v -> v.field() + ": " + v.message())
            .anyMatch(s -> s.startsWith("file: the header \"A\" appears twice"))
            .anyMatch(s -> s.startsWith("mapping: the file has no column \"C\""))
            .anyMatch(s -> s.contains("\"nonsense\": not a field of clients"))
            .anyMatch(s -> s.contains("no column is mapped to name")));
    assertThatThrownBy(() -> ColumnMapping.resolve(ImportKind.CLIENTS, List.of("name", "Company"), Map.of(),
        Map.of())).hasMessageContaining("filled by two columns");
  }

  @Test
  void stageValuesMapByKeyLabelWonLostTheCallersMapOrTheChosenStage() {
    var pipeline = Pipeline.withDefaultStages(new PipelineId(UUID.randomUUID()));
    var stages = ValueMapping.NONE.stages(pipeline);
    assertThat(stages.of("Won")).isEqualTo("closed_won");
    assertThat(stages.of("closed lost")).isEqualTo("closed_lost");
    assertThat(stages.of("QUALIFIED")).isEqualTo("qualified");
    assertThat(stages.of(" ")).isNull();
    assertThatThrownBy(() -> stages.of("Appointment set")).hasMessageContaining("is not a stage");
    var mapped = new ValueMapping(Map.of("Appointment set", "qualified"), "lead", Map.of()).stages(pipeline);
    assertThat(mapped.of("appointment SET")).isEqualTo("qualified");
    assertThat(mapped.of("Anything else")).isEqualTo("lead");
  }

  @Test
  void ownersMatchByIdEmailOrName() {
    var ada = new UserId(UUID.randomUUID());
    var member = new Member(ada, "Ada Lovelace", new EmailAddress("ada@example.test"), Role.MEMBER, Instant.EPOCH,
        null);
    var owners = ValueMapping.NONE.owners(List.of(member));
    assertThat(owners.of("ADA@example.test")).isEqualTo(ada);
    assertThat(owners.of("ada lovelace")).isEqualTo(ada);
    assertThat(owners.of(ada.value().toString())).isEqualTo(ada);
    assertThatThrownBy(() -> owners.of("bob@example.test")).hasMessageContaining("not a member");
  }

  @Test
  void aJobRunsOnceReportsItsRateAndCanBeUndoneForSevenDays() {
    var start = Instant.parse("2026-03-01T10:00:00Z");
    var job = ImportJob.create(UUID.randomUUID(), new TenantId(UUID.randomUUID()), ImportKind.CLIENTS, "c.csv",
        ImportSettings.DEFAULTS, false, true, null, start).withProgress(10_000, Progress.NONE);
    assertThat(job.status()).isEqualTo(ImportStatus.QUEUED);
    var running = job.start(start).withProgress(10_000, new Progress(4_000, 3_900, 0, 100));
    assertThat(running.rowsPerSecond(start.plusSeconds(2))).isEqualTo(2_000.0);
    assertThat(running.secondsLeft(start.plusSeconds(2))).hasValue(3);
    assertThat(running.percent()).isEqualTo(40);
    var done = running.withProgress(10_000, new Progress(10_000, 9_800, 0, 200)).completed(start.plusSeconds(5));
    assertThat(done.percent()).isEqualTo(100);
    assertThat(done.undoableAt(start.plus(Duration.ofDays(6)))).isTrue();
    assertThat(done.undoableAt(start.plus(Duration.ofDays(7)).plusSeconds(6))).isFalse();
    var undone = done.undone(start.plusSeconds(60));
    assertThat(undone.undoableAt(start.plusSeconds(61))).isFalse();
    assertThatThrownBy(() -> done.start(start)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> undone.undone(start.plusSeconds(62))).isInstanceOf(IllegalStateException.class);
    var dry = ImportJob.create(UUID.randomUUID(), job.tenant(), ImportKind.CLIENTS, "c.csv", ImportSettings.DEFAULTS,
        true, true, null, start).start(start).completed(start);
    assertThat(dry.undoableAt(start)).isFalse();
    assertThat(dry.canQueue()).isTrue();
    assertThat(dry.queue(ImportSettings.DEFAULTS, false).dryRun()).isFalse();
  }
}
