/**
 * Web adapter of the customfields module: {@code /api/crm/custom-fields}, Settings → Fields, and
 * {@link com.orbitcrm.customfields.web.CustomFieldsJson} (record bodies' {@code customFields}) for the modules
 * that own records, published as the {@code customfields::web} named interface.
 */
@NullMarked
@NamedInterface("web")
package com.orbitcrm.customfields.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
