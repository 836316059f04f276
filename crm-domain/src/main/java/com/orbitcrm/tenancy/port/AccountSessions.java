package com.orbitcrm.tenancy.port;

import com.orbitcrm.platform.EmailAddress;
import org.jspecify.annotations.Nullable;

/**
 * Secondary port: the signed-in browser sessions of an account, on every instance (they are kept in the
 * database). A password that changes ends them.
 */
public interface AccountSessions {

  /**
   * Ends every session of the account signed in with {@code email}, except {@code keep} (the session that changed
   * the password), if given.
   *
   * @return how many sessions ended.
   */
  int endAll(EmailAddress email, @Nullable String keep);
}
