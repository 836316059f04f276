/** Mail adapter of the tenancy module: e-mail about a person's account (password reset links), over SMTP. */
@NullMarked
package com.orbitcrm.tenancy.mail;

import org.jspecify.annotations.NullMarked;
