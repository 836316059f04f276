/**
 * Import jobs on db-scheduler (table {@code scheduled_imports}, V18): one execution per import, picked by one
 * instance; an execution whose instance died is picked up again by another (or after a restart), and the
 * import resumes after its last committed batch.
 */
@NullMarked
package com.orbitcrm.imports.schedule;

import org.jspecify.annotations.NullMarked;
