package archfixtures.mail;

import archfixtures.web.WebUsingPersistence;

/** Planted for ArchitectureTests: a mail adapter that reaches into the web adapter instead of a port. */
public class MailUsingWeb {
  WebUsingPersistence controller;
}
