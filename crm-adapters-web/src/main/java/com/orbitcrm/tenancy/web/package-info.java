/**
 * Web adapter of the tenancy module: who is calling (form sign-in, HTTP Basic, API tokens), which
 * workspace the request acts in, sign-up, the workspace switcher, and the members and API token
 * settings pages and endpoints.
 */
@NullMarked
package com.orbitcrm.tenancy.web;

import org.jspecify.annotations.NullMarked;
