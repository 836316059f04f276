/** The tenancy module's e-mails (invitations, sign-up notices) sent over SMTP. */
@NullMarked
package com.orbitcrm.tenancy.mail;

import org.jspecify.annotations.NullMarked;
