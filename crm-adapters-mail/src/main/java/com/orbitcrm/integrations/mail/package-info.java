/** The integrations module's mail: the notice that a webhook endpoint was switched off. */
@NullMarked
package com.orbitcrm.integrations.mail;

import org.jspecify.annotations.NullMarked;
