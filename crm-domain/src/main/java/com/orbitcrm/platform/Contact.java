package com.orbitcrm.platform;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A contact person as clients and deals hold one: a name, a well-formed e-mail address (normalised to
 * lower case) and a phone number of a plausible shape, each optional. Checked and normalised here once,
 * under the API field names {@code contactName}, {@code contactEmail} and {@code contactPhone}.
 */
public record Contact(@Nullable String name, @Nullable String email, @Nullable String phone) {

  public static final Contact NONE = new Contact(null, null, null);
  public static final int MAX_NAME = 255;
  public static final int MAX_PHONE = 50;

  /** Digits with the usual separators, optionally an extension: "+1 (415) 555-0134 x12". */
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().\\-/]{5,40}((\\s*(x|ext\\.?)\\s*)\\d{1,6})?$");

  /**
   * The contact typed into a form or a body; adds what is wrong to {@code violations} (and answers the
   * parts that are right).
   */
  public static Contact parse(List<FieldViolation> violations, @Nullable String name, @Nullable String email,
                              @Nullable String phone) {
    String cleanName = Fields.text(violations, "contactName", name, MAX_NAME);
    String cleanEmail = Fields.text(violations, "contactEmail", email, 255);
    if (cleanEmail != null) {
      var problem = EmailAddress.problem(cleanEmail);
      if (problem.isPresent()) {
        violations.add(new FieldViolation("contactEmail", problem.get()));
        cleanEmail = null;
      } else {
        cleanEmail = new EmailAddress(cleanEmail).value();
      }
    }
    String cleanPhone = Fields.text(violations, "contactPhone", phone, MAX_PHONE);
    if (cleanPhone != null && !isPhone(cleanPhone)) {
      violations.add(new FieldViolation("contactPhone", "is not a valid phone number"));
      cleanPhone = null;
    }
    return new Contact(cleanName, cleanEmail, cleanPhone);
  }

  static boolean isPhone(String phone) {
    return PHONE.matcher(phone).matches() && phone.chars().filter(Character::isDigit).count() >= 5;
  }

  public boolean isEmpty() {
    return name == null && email == null && phone == null;
  }
}
