package com.orbitcrm.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class DensityUnitTest {

  @Test
  void aSubmittedDensityIsOneOfTwoAndAnythingElseIsAFieldError() {
    assertThat(Density.parse("compact")).isEqualTo(Density.COMPACT);
    assertThat(Density.parse(" Comfortable ")).isEqualTo(Density.COMFORTABLE);
    assertThatThrownBy(() -> Density.parse("tiny")).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).violations().getFirst().field()).isEqualTo("density"));
    assertThatThrownBy(() -> Density.parse(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aStoredValueReadsBackAndAnUnknownOneIsTheDefault() {
    for (Density d : Density.values()) {
      assertThat(Density.stored(d.key())).isEqualTo(d);
    }
    assertThat(Density.stored("dense")).isEqualTo(Density.COMFORTABLE);
    assertThat(new WorkspaceMembership(new TenantId(java.util.UUID.randomUUID()), "Acme", Role.MEMBER).density())
        .isEqualTo(Density.COMFORTABLE);
  }
}
