/**
 * Clients (companies) with their contact, address, status, spend and account owner.
 */
@NullMarked
package com.orbitcrm.clients;

import org.jspecify.annotations.NullMarked;
