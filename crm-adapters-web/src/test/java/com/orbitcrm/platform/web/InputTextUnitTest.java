package com.orbitcrm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule for text from outside: everything a person types, but no NUL and no half surrogate pair. */
class InputTextUnitTest {

  @Test
  void textIsTextButNulAndHalfPairsAreNot() {
    assertThat(InputText.problem("Zoë's café — 東京 🚀\tline\nnext")).isEmpty();
    assertThat(InputText.problem(null)).isEmpty();
    assertThat(InputText.problem("a\u0000b")).contains("must not contain NUL characters");
    assertThat(InputText.problem("x\uD83D")).contains("is not valid Unicode text");
    assertThat(InputText.problem("\uDE80x")).contains("is not valid Unicode text");
    assertThat(InputText.problem("\uD83D\uD83D\uDE80")).contains("is not valid Unicode text");
  }
}
