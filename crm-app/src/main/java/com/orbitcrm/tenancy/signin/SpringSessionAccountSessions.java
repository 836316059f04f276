package com.orbitcrm.tenancy.signin;

import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.tenancy.port.AccountSessions;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends an account's browser sessions through Spring Session's principal-name index (spring_session.principal_name,
 * the e-mail the person signed in with): every instance reads sessions from the same table, so a session deleted
 * here is signed out everywhere at its next request.
 */
@Component
class SpringSessionAccountSessions implements AccountSessions {

  private final FindByIndexNameSessionRepository<? extends Session> sessions;

  SpringSessionAccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
    this.sessions = sessions;
  }

  @Override
  public int endAll(EmailAddress email, @Nullable String keep) {
    Map<String, ? extends Session> found = sessions.findByPrincipalName(email.value());
    int ended = 0;
    for (String id : found.keySet()) {
      if (!id.equals(keep)) {
        sessions.deleteById(id);
        ended++;
      }
    }
    return ended;
  }
}
