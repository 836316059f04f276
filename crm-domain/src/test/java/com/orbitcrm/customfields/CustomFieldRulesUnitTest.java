package com.orbitcrm.customfields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.customfields.port.PhoneNumbers;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.RecordType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CustomFieldRulesUnitTest {

  /** A stand-in plan: 10 US digits, optionally with +1 or punctuation (the real one is tested with libphonenumber). */
  static final PhoneNumbers PHONES = (raw, region) -> {
    String digits = raw.replaceAll("[\\s().-]", "");
    if (digits.matches("\\+1\\d{10}")) {
      return Optional.of(digits);
    }
    return region.equals("US") && digits.matches("\\d{10}") ? Optional.of("+1" + digits) : Optional.empty();
  };
  static final RecordType CLIENT = new RecordType("client");
  static final List<FieldOption> TIERS = List.of(new FieldOption("gold", "Gold", "yellow"),
      new FieldOption("silver", "Silver", "gray"), new FieldOption("bronze", "Bronze", "orange"));

  static FieldRules.Checked check(FieldType type, RawValue raw) {
    return FieldRules.check(type, type.hasOptions() ? TIERS : List.of(), raw, PHONES, "US");
  }

  static String ok(FieldType type, RawValue raw) {
    var c = check(type, raw);
    assertThat(c.problem()).as("problem of %s", raw).isNull();
    assertThat(c.value()).isNotNull();
    return c.value().text();
  }

  static String refused(FieldType type, RawValue raw) {
    var c = check(type, raw);
    assertThat(c.value()).as("value of %s", raw).isNull();
    assertThat(c.problem()).as("problem of %s", raw).isNotNull();
    return c.problem();
  }

  static RawValue in(String s) {
    return new RawValue.Input(s);
  }

  static RawValue str(String s) {
    return new RawValue.Text(s);
  }

  static RawValue num(String s) {
    return new RawValue.Number(new BigDecimal(s));
  }

  @Nested
  class Types {
    @Test
    void text() {
      assertThat(ok(FieldType.TEXT, str("  Hello  "))).isEqualTo("Hello");
      assertThat(ok(FieldType.TEXT, in("two\nlines"))).isEqualTo("two\nlines");
      assertThat(refused(FieldType.TEXT, str("x".repeat(501)))).contains("500");
      assertThat(refused(FieldType.TEXT, str("bell\u0007"))).contains("control");
      assertThat(refused(FieldType.TEXT, num("1"))).isEqualTo("must be a string");
      assertThat(refused(FieldType.TEXT, new RawValue.Bool(true))).isEqualTo("must be a string");
      assertThat(check(FieldType.TEXT, str("   ")).value()).isNull();
      assertThat(check(FieldType.TEXT, str("   ")).refused()).isFalse();
    }

    @Test
    void numbersAreExact() {
      assertThat(ok(FieldType.NUMBER, num("12.500"))).isEqualTo("12.5");
      assertThat(ok(FieldType.NUMBER, num("1E+3"))).isEqualTo("1000");
      assertThat(ok(FieldType.NUMBER, num("-0.000001"))).isEqualTo("-0.000001");
      assertThat(ok(FieldType.NUMBER, num("0.00"))).isEqualTo("0");
      assertThat(ok(FieldType.NUMBER, in("1,250.75"))).isEqualTo("1250.75");
      assertThat(ok(FieldType.NUMBER, num("999999999999999.999999"))).isEqualTo("999999999999999.999999");
      assertThat(refused(FieldType.NUMBER, num("0.0000001"))).contains("6 decimals");
      assertThat(refused(FieldType.NUMBER, num("1000000000000000"))).contains("15 digits");
      assertThat(refused(FieldType.NUMBER, str("12"))).isEqualTo("must be a number");
      assertThat(refused(FieldType.NUMBER, in("twelve"))).contains("number");
      assertThat(refused(FieldType.NUMBER, in("NaN"))).contains("number");
      assertThat(check(FieldType.NUMBER, num("12.5")).value().typed()).isEqualTo(new BigDecimal("12.5"));
    }

    @Test
    void datesAreIso() {
      assertThat(ok(FieldType.DATE, str("2026-02-28"))).isEqualTo("2026-02-28");
      assertThat(refused(FieldType.DATE, str("2026-02-30"))).contains("date");
      assertThat(refused(FieldType.DATE, str("28/02/2026"))).contains("date");
      assertThat(refused(FieldType.DATE, str("2026-2-8"))).contains("date");
      assertThat(refused(FieldType.DATE, str("+12026-02-08"))).contains("date");
      assertThat(refused(FieldType.DATE, num("20260228"))).contains("date");
    }

    @Test
    void booleans() {
      assertThat(ok(FieldType.BOOLEAN, new RawValue.Bool(true))).isEqualTo("true");
      assertThat(ok(FieldType.BOOLEAN, in("on"))).isEqualTo("true");
      assertThat(ok(FieldType.BOOLEAN, in("false"))).isEqualTo("false");
      assertThat(refused(FieldType.BOOLEAN, str("true"))).isEqualTo("must be true or false");
      assertThat(refused(FieldType.BOOLEAN, in("maybe"))).isEqualTo("must be true or false");
      assertThat(check(FieldType.BOOLEAN, new RawValue.Bool(false)).value().typed()).isEqualTo(false);
    }

    @Test
    void selectTakesAnOptionValue() {
      assertThat(ok(FieldType.SELECT, str("gold"))).isEqualTo("gold");
      assertThat(refused(FieldType.SELECT, str("Gold"))).contains("gold, silver, bronze");
      assertThat(refused(FieldType.SELECT, new RawValue.Items(List.of("gold")))).isEqualTo("must be a string");
    }

    @Test
    void multiselectIsASetInOptionOrder() {
      var c = check(FieldType.MULTISELECT, new RawValue.Items(List.of("bronze", "gold", "bronze")));
      assertThat(c.value().items()).containsExactly("gold", "bronze");
      assertThat(c.value().typed()).isEqualTo(List.of("gold", "bronze"));
      assertThat(check(FieldType.MULTISELECT, new RawValue.Items(List.of())).value()).isNull();
      assertThat(refused(FieldType.MULTISELECT, new RawValue.Items(List.of("gold", "platinum")))).contains("platinum");
      var withNull = new ArrayList<String>();
      withNull.add(null);
      assertThat(refused(FieldType.MULTISELECT, new RawValue.Items(withNull))).contains("array");
      assertThat(refused(FieldType.MULTISELECT, str("gold"))).contains("array");
    }

    @Test
    void urlsAreHttpOnly() {
      assertThat(ok(FieldType.URL, str(" https://example.com/a?b=c "))).isEqualTo("https://example.com/a?b=c");
      assertThat(ok(FieldType.URL, str("http://example.com"))).isEqualTo("http://example.com");
      assertThat(refused(FieldType.URL, str("javascript:alert(1)"))).contains("http");
      assertThat(refused(FieldType.URL, str("ftp://example.com"))).contains("http");
      assertThat(refused(FieldType.URL, str("example.com"))).contains("http");
      assertThat(refused(FieldType.URL, str("https://" + "a".repeat(1000) + ".com"))).contains("1000");
    }

    @Test
    void emails() {
      assertThat(ok(FieldType.EMAIL, str(" Ana.Diaz@Example.COM "))).isEqualTo("ana.diaz@example.com");
      assertThat(refused(FieldType.EMAIL, str("ana@"))).contains("e-mail");
      assertThat(refused(FieldType.EMAIL, str("ana diaz@example.com"))).contains("e-mail");
    }

    @Test
    void phonesBecomeE164InTheWorkspaceRegion() {
      assertThat(ok(FieldType.PHONE, str("(415) 555-0123"))).isEqualTo("+14155550123");
      assertThat(ok(FieldType.PHONE, str("+1 415 555 0123"))).isEqualTo("+14155550123");
      assertThat(refused(FieldType.PHONE, str("555"))).contains("phone");
      assertThat(FieldRules.check(FieldType.PHONE, List.of(), str("4155550123"), PHONES, "DE").refused()).isTrue();
    }

    @Test
    void objectsAndControlCharactersAreRefusedByEveryType() {
      for (FieldType type : FieldType.values()) {
        assertThat(check(type, new RawValue.Other("object")).refused()).as(type.key()).isTrue();
        if (type != FieldType.MULTISELECT) {
          assertThat(check(type, in("a\u0000b")).refused()).as(type.key()).isTrue();
        }
      }
    }
  }

  @Nested
  class Keys {
    @Test
    void numberKeysSortLikeTheNumbers() {
      List<BigDecimal> numbers = List.of("-1000", "-12.5", "-12.25", "-12", "-1", "-0.5", "-0.05", "0", "0.000001",
          "0.05", "0.5", "1", "1.5", "9.99", "10", "12", "12.25", "12.5", "100", "999999999999999.999999")
          .stream().map(BigDecimal::new).toList();
      List<String> keys = numbers.stream().map(SortKey::of).toList();
      // byte order, as the "C" collation compares
      List<String> sorted = keys.stream().sorted(Comparator.naturalOrder()).toList();
      assertThat(sorted).containsExactlyElementsOf(keys);
      assertThat(SortKey.of(new BigDecimal("12.50"))).isEqualTo(SortKey.of(new BigDecimal("12.5")));
    }

    @Test
    void otherTypesAreKeyedByTheirNormalText() {
      assertThat(check(FieldType.DATE, str("2026-01-31")).value().keys()).containsExactly("2026-01-31");
      assertThat(check(FieldType.MULTISELECT, new RawValue.Items(List.of("silver", "gold"))).value().keys())
          .containsExactly("gold", "silver");
    }
  }

  @Nested
  class Definitions {
    static FieldDraft draft(String label, String type, List<FieldDraft.Option> options, boolean required,
                            String defaultValue) {
      return new FieldDraft(label, null, type, options, required, defaultValue, 0, true, "Account");
    }

    static FieldDefinition define(FieldDraft d) {
      return FieldDefinition.define(new FieldId(UUID.randomUUID()), CLIENT, d, null, false, PHONES, "US");
    }

    static List<FieldViolation> violations(Runnable r) {
      try {
        r.run();
      } catch (InvalidInputException e) {
        return e.violations();
      }
      throw new AssertionError("not refused");
    }

    @Test
    void theNameIsDerivedFromTheLabel() {
      assertThat(FieldNames.derive("Contract Value (€)")).isEqualTo("contract_value");
      assertThat(FieldNames.derive("Région préférée")).isEqualTo("region_preferee");
      assertThat(FieldNames.derive("2nd phone")).isEqualTo("f_2nd_phone");
      assertThat(FieldNames.derive("!!!")).isEqualTo("field");
      assertThat(define(draft("Renewal date", "date", List.of(), false, null)).fieldName()).isEqualTo("renewal_date");
    }

    @Test
    void aSelectHasOptionsWithColoursAndAValidDefault() {
      var d = define(draft("Tier", "select", List.of(new FieldDraft.Option(null, "Gold", "yellow"),
          new FieldDraft.Option("silver", "Silver", null)), true, "silver"));
      assertThat(d.options()).containsExactly(new FieldOption("gold", "Gold", "yellow"),
          new FieldOption("silver", "Silver", "gray"));
      assertThat(d.defaultValue()).isEqualTo(FieldValue.of(FieldType.SELECT, "silver"));
      assertThat(d.section()).isEqualTo("Account");
      assertThat(violations(() -> define(draft("Tier", "select", List.of(), false, null))))
          .extracting(FieldViolation::field).containsExactly("options");
      assertThat(violations(() -> define(draft("Tier", "select",
          List.of(new FieldDraft.Option("a", "A", "pink"), new FieldDraft.Option("b", "B", null),
              new FieldDraft.Option("b", "B2", null)), false, "c"))))
          .extracting(FieldViolation::field).containsExactly("options[0].color", "options[2]", "defaultValue");
      assertThat(violations(() -> define(draft("Size", "number", List.of(new FieldDraft.Option("a", "A", null)),
          false, null)))).extracting(FieldViolation::field).containsExactly("options");
      assertThat(violations(() -> define(draft("Tools", "multiselect",
          List.of(new FieldDraft.Option("crm;erp", "CRM and ERP", null)), false, null))))
          .extracting(FieldViolation::field).containsExactly("options[0]");
    }

    @Test
    void aValueInACsvCellIsItsTextAndAMultiselectsItemsJoinedBySemicolons() {
      assertThat(new FieldValue(FieldType.MULTISELECT, List.of("crm", "erp")).csv()).isEqualTo("crm;erp");
      assertThat(FieldValue.of(FieldType.NUMBER, "-12.5").csv()).isEqualTo("-12.5");
      assertThat(FieldValue.of(FieldType.BOOLEAN, "true").csv()).isEqualTo("true");
    }

    @Test
    void theDefaultIsCheckedAgainstTheType() {
      assertThat(define(draft("Seats", "number", List.of(), false, "10.0")).defaultValue())
          .isEqualTo(FieldValue.of(FieldType.NUMBER, "10"));
      assertThat(violations(() -> define(draft("Seats", "number", List.of(), false, "ten"))))
          .extracting(FieldViolation::field).containsExactly("defaultValue");
      assertThat(violations(() -> define(draft("", "colour", List.of(), false, null))))
          .extracting(FieldViolation::field).containsExactly("fieldLabel", "fieldType");
    }

    @Test
    void theNameIsFixedOnceValuesExist() {
      var current = define(draft("Seats", "number", List.of(), false, null));
      var renamed = new FieldDraft("Seats", "licences", "number", List.of(), false, null, 0, true, null);
      assertThat(FieldDefinition.define(current.id(), CLIENT, renamed, current, false, PHONES, "US").fieldName())
          .isEqualTo("licences");
      assertThat(violations(() -> FieldDefinition.define(current.id(), CLIENT, renamed, current, true, PHONES, "US")))
          .extracting(FieldViolation::field).containsExactly("fieldName");
      var relabelled = new FieldDraft("Licences", null, "number", List.of(), false, null, 0, true, null);
      assertThat(FieldDefinition.define(current.id(), CLIENT, relabelled, current, true, PHONES, "US").fieldName())
          .isEqualTo("seats");
    }
  }

  @Nested
  class RecordValues {
    final FieldDefinition tier = Definitions.define(Definitions.draft("Tier", "select",
        List.of(new FieldDraft.Option("gold", "Gold", null), new FieldDraft.Option("silver", "Silver", null)), true, null));
    final FieldDefinition seats = Definitions.define(Definitions.draft("Seats", "number", List.of(), false, "5"));
    final FieldDefinition note = Definitions.define(Definitions.draft("Note", "text", List.of(), false, null));
    final List<FieldDefinition> all = List.of(tier, seats, note);

    Map<String, RawValue> input(Object... pairs) {
      Map<String, RawValue> m = new LinkedHashMap<>();
      for (int i = 0; i < pairs.length; i += 2) {
        m.put((String) pairs[i], (RawValue) pairs[i + 1]);
      }
      return m;
    }

    @Test
    void onCreateRequiredFieldsAreNeededAndDefaultsApply() {
      var changes = CustomValues.check(all, input("tier", str("gold")), true, PHONES, "US");
      assertThat(changes).containsEntry(tier, Optional.of(FieldValue.of(FieldType.SELECT, "gold")))
          .containsEntry(seats, Optional.of(FieldValue.of(FieldType.NUMBER, "5"))).doesNotContainKey(note);
      assertThat(Definitions.violations(() -> CustomValues.check(all, input(), true, PHONES, "US")))
          .containsExactly(new FieldViolation("customFields.tier", "is required"));
    }

    @Test
    void everyProblemIsReportedByItsPath() {
      assertThat(Definitions.violations(() -> CustomValues.check(all,
          input("tier", RawValue.EMPTY, "seats", str("12"), "colour", str("red")), false, PHONES, "US")))
          .extracting(FieldViolation::field)
          .containsExactlyInAnyOrder("customFields.colour", "customFields.tier", "customFields.seats");
    }

    @Test
    void anEditChangesOnlyWhatItNamesAndCanClear() {
      var changes = CustomValues.check(all, input("note", RawValue.EMPTY), false, PHONES, "US");
      assertThat(changes).containsExactly(Map.entry(note, Optional.empty()));
    }

    @Test
    void aTypeChangeNamesTheValuesThatWouldNotConvert() {
      var asNumber = new FieldDefinition(note.id(), CLIENT, "note", "Note", FieldType.NUMBER, List.of(), false, null,
          0, true, null, 0);
      var stored = List.of(FieldValue.of(FieldType.TEXT, "12"), FieldValue.of(FieldType.TEXT, "twelve"),
          FieldValue.of(FieldType.TEXT, " 7.50"));
      assertThat(CustomValues.unconvertible(asNumber, stored, PHONES, "US")).containsExactly("twelve");
      var fewerOptions = new FieldDefinition(tier.id(), CLIENT, "tier", "Tier", FieldType.SELECT,
          List.of(new FieldOption("gold", "Gold", "gray")), true, null, 0, true, null, 0);
      assertThat(CustomValues.unconvertible(fewerOptions, List.of(FieldValue.of(FieldType.SELECT, "gold"),
          FieldValue.of(FieldType.SELECT, "silver")), PHONES, "US")).containsExactly("silver");
      var toMulti = new FieldDefinition(tier.id(), CLIENT, "tier", "Tier", FieldType.MULTISELECT, tier.options(), false,
          null, 0, true, null, 0);
      assertThat(FieldRules.convert(FieldValue.of(FieldType.SELECT, "gold"), FieldType.MULTISELECT, toMulti.options(),
          PHONES, "US")).contains(new FieldValue(FieldType.MULTISELECT, List.of("gold")));
      assertThat(CustomValues.unconvertible(tier, List.of(new FieldValue(FieldType.MULTISELECT, List.of("gold", "silver"))),
          PHONES, "US")).containsExactly("gold, silver");
    }
  }

  @Test
  void definitionsKeepTheirInvariants() {
    assertThatThrownBy(() -> new FieldDefinition(new FieldId(UUID.randomUUID()), CLIENT, "Bad Name", "x",
        FieldType.TEXT, List.of(), false, null, 0, true, null, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FieldOption("a", "A", "pink")).isInstanceOf(IllegalArgumentException.class);
  }
}
