/**
 * What the modules' SMTP adapters share: the sender and sending when a mail server is configured. Published to
 * their adapters as the {@code platform::mail} named interface.
 */
@NullMarked
@NamedInterface("mail")
package com.orbitcrm.platform.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
