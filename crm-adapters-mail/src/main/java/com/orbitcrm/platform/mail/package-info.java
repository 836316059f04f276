/** What the modules' SMTP adapters share: the sender and sending when a mail server is configured. */
@NullMarked
package com.orbitcrm.platform.mail;

import org.jspecify.annotations.NullMarked;
