/** The imports module's jOOQ adapter: jobs, their files, what they wrote and refused (V18). */
@NullMarked
package com.orbitcrm.imports.jooq;

import org.jspecify.annotations.NullMarked;
