package com.orbitcrm.customfields.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.orbitcrm.customfields.FieldRules;
import com.orbitcrm.customfields.FieldType;
import com.orbitcrm.customfields.RawValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Phone values through the real numbering plan: E.164 in the workspace's region, invalid numbers refused. */
class LibPhoneNumbersUnitTest {

  final LibPhoneNumbers phones = new LibPhoneNumbers();

  @Test
  void nationalNumbersAreReadInTheWorkspacesRegion() {
    assertThat(phones.e164("(650) 253-0000", "US")).contains("+16502530000");
    assertThat(phones.e164("030 901820", "DE")).contains("+4930901820");
    assertThat(phones.e164("020 7946 0958", "GB")).isPresent().get().asString().startsWith("+44");
  }

  @Test
  void internationalNumbersKeepTheirCountry() {
    assertThat(phones.e164("+49 30 901820", "US")).contains("+4930901820");
    assertThat(phones.e164("+1 650-253-0000", "DE")).contains("+16502530000");
  }

  @Test
  void invalidNumbersAreRefused() {
    assertThat(phones.e164("12", "US")).isEmpty();
    assertThat(phones.e164("not a number", "US")).isEmpty();
    assertThat(phones.e164("+1 000 000 0000", "US")).isEmpty();
    var checked = FieldRules.check(FieldType.PHONE, List.of(), new RawValue.Text("555"), phones, "US");
    assertThat(checked.problem()).isEqualTo("is not a valid phone number");
    assertThat(FieldRules.check(FieldType.PHONE, List.of(), new RawValue.Text("(650) 253-0000"), phones, "US")
        .value().text()).isEqualTo("+16502530000");
  }
}
