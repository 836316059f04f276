package com.orbitcrm.tenancy.app;

import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.platform.PublicLinks;
import com.orbitcrm.tenancy.Invitation;
import com.orbitcrm.tenancy.port.InvitationMail;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes and sends the tenancy module's e-mails. They go out after the transaction that caused them commits
 * (an invitation that was rolled back is never mailed), and a mail server's refusal is logged, not thrown: the
 * admin has the invitation's link on screen, and a sign-up's answer must not depend on the mail server.
 */
@Component
class TenancyMailer {

  private static final System.Logger log = System.getLogger(TenancyMailer.class.getName());
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  private final InvitationMail mail;
  private final PublicLinks links;

  TenancyMailer(InvitationMail mail, PublicLinks links) {
    this.mail = mail;
    this.links = links;
  }

  String acceptUrl(String token) {
    return links.to("/invitations/" + token);
  }

  void invitation(Invitation invitation, String workspaceName, String inviterName, String acceptUrl) {
    String text = """
        Hello,

        %s invited you to join the workspace "%s" in Orbit CRM as %s.

        To accept, open this link:
        %s

        The invitation is open until %s. If you did not expect it, ignore this e-mail: nobody joins a workspace
        without accepting.
        """.formatted(inviterName, workspaceName, article(invitation.role().key()), acceptUrl,
        DAY.format(invitation.expiresAt()));
    afterCommit(new InvitationMail.Message(invitation.email(),
        "You're invited to " + workspaceName + " on Orbit CRM", text));
  }

  /** To the owner of an address someone just tried to create an account with. */
  void signUpWithTakenAddress(EmailAddress email) {
    String text = """
        Hello,

        Someone just tried to create an Orbit CRM account with this e-mail address, which already has one.

        If it was you, sign in instead:
        %s

        If you forgot your password, reset it here:
        %s

        If it was not you, you need not do anything: your account has not changed.
        """.formatted(links.to("/login"), links.to("/password/forgot"));
    afterCommit(new InvitationMail.Message(email, "Someone tried to sign up with your e-mail address", text));
  }

  private void afterCommit(InvitationMail.Message message) {
    if (!mail.enabled()) {
      return;
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          send(message);
        }
      });
    } else {
      send(message);
    }
  }

  private void send(InvitationMail.Message message) {
    try {
      mail.send(message);
    } catch (RuntimeException e) {
      log.log(System.Logger.Level.WARNING, "Could not send \"" + message.subject() + "\": " + e);
    }
  }

  private static String article(String role) {
    return (role.startsWith("a") || role.startsWith("o") ? "an " : "a ") + role;
  }
}
