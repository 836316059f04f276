package com.orbitcrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellUnitTest {

  @ParameterizedTest
  @ValueSource(strings = {"=HYPERLINK(\"http://evil\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\tx", "\r=1+1",
      "'=1+1", "''@x"})
  void formulasGetAnApostropheAndComeBackExactly(String text) {
    String cell = CsvCell.neutralise(text);
    assertThat(cell).startsWith("'").isEqualTo("'" + text);
    assertThat(CsvCell.restore(cell)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Acme", "", "-12.50", "+14155550100", "42", "'quoted", "a=b", "x-y", "'"})
  void otherTextIsLeftAsItIs(String text) {
    assertThat(CsvCell.neutralise(text)).isEqualTo(text);
    assertThat(CsvCell.restore(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(quoteCharacter = '"', value = {"'-x,-x", "'=A1,=A1", "'Acme,'Acme"})
  void restoreTakesOffOnlyTheApostropheNeutraliseAdds(String cell, String text) {
    assertThat(CsvCell.restore(cell)).isEqualTo(text);
  }
}
