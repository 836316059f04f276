/** The tenancy module's e-mails over SMTP: invitations, sign-up notices, password reset links. */
@NullMarked
package com.orbitcrm.tenancy.mail;

import org.jspecify.annotations.NullMarked;
