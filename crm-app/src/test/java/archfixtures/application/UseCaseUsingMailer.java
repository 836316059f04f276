package archfixtures.application;

import archfixtures.mail.MailUsingWeb;

/** Planted for ArchitectureTests: a use case that sends mail through the adapter itself, not through a port. */
public class UseCaseUsingMailer {
  MailUsingWeb mailer;
}
