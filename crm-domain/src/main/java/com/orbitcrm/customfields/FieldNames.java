package com.orbitcrm.customfields;

import java.text.Normalizer;
import java.util.Locale;

/** Machine names from labels: "Contract Value (€)" → {@code contract_value}. */
public final class FieldNames {

  private FieldNames() {}

  public static String derive(String label) {
    String ascii = Normalizer.normalize(label == null ? "" : label, Normalizer.Form.NFKD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_+|_+$", "");
    if (ascii.isEmpty()) {
      return "field";
    }
    if (!Character.isLetter(ascii.charAt(0))) {
      ascii = "f_" + ascii;
    }
    return ascii.length() > 63 ? ascii.substring(0, 63).replaceAll("_+$", "") : ascii;
  }
}
