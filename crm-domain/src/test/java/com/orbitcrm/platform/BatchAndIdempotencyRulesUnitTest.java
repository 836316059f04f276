package com.orbitcrm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BatchAndIdempotencyRulesUnitTest {

  @Test
  void aBatchIsCreateOrUpsertWithAKnownMatchField() {
    var fields = List.of("companyId", "contactEmail");
    assertThat(BatchRequest.of(null, null, false, fields)).isEqualTo(new BatchRequest(BatchRequest.Mode.CREATE, null, false));
    assertThat(BatchRequest.of("UPSERT", "companyId", true, fields).idProperty()).isEqualTo("companyId");
    assertThatThrownBy(() -> BatchRequest.of("upsert", null, false, fields)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("idProperty");
    assertThatThrownBy(() -> BatchRequest.of("upsert", "name", false, fields)).hasMessageContaining("idProperty");
    assertThatThrownBy(() -> BatchRequest.of("merge", null, false, fields)).hasMessageContaining("mode");
    assertThatThrownBy(() -> BatchRequest.requireSize(0)).hasMessageContaining("inputs");
    assertThatThrownBy(() -> BatchRequest.requireSize(1001)).hasMessageContaining("1000");
    BatchRequest.requireSize(1000);
    assertThat(BatchRequest.matchKey("  ACME-1 ")).isEqualTo("acme-1");
    assertThat(BatchRequest.matchKey(" ")).isNull();
    assertThatThrownBy(() -> new BatchItemResult(0, UUID.randomUUID(), BatchItemResult.Status.ERROR, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aKeyIsVisibleAsciiAndLivesADay() {
    assertThatThrownBy(() -> new IdempotencyKey("")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new IdempotencyKey("with space")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new IdempotencyKey("é")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new IdempotencyKey("k".repeat(256))).isInstanceOf(InvalidInputException.class);
    new IdempotencyKey(UUID.randomUUID().toString());
    var now = Instant.parse("2026-11-29T10:00:00Z");
    assertThat(IdempotencyKey.live(now.minusSeconds(86_399), now)).isTrue();
    assertThat(IdempotencyKey.live(now.minusSeconds(86_401), now)).isFalse();
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    assertThat(IdempotencyKey.fingerprint("POST", "/api/clients", body))
        .isEqualTo(IdempotencyKey.fingerprint("POST", "/api/clients", body))
        .isNotEqualTo(IdempotencyKey.fingerprint("POST", "/api/clients/batch", body))
        .isNotEqualTo(IdempotencyKey.fingerprint("POST", "/api/clients", "{ }".getBytes(StandardCharsets.UTF_8)));
  }
}
