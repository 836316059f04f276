package com.orbitcrm.customfields.app;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.orbitcrm.customfields.port.PhoneNumbers;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Phone numbers by Google's libphonenumber: valid numbers of the plan only, formatted E.164. */
@Component
class LibPhoneNumbers implements PhoneNumbers {

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

  @Override
  public Optional<String> e164(String raw, String region) {
    try {
      var number = util.parse(raw, region);
      return util.isValidNumber(number) ? Optional.of(util.format(number, PhoneNumberFormat.E164)) : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public java.util.Set<String> regions() {
    return util.getSupportedRegions();
  }
}
