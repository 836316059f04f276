/**
 * Imports of clients and deals from CSV files: column and value mapping, the job's life and progress, the
 * undo window. Pure rules; the use cases are in {@code imports.app}.
 */
@NullMarked
package com.orbitcrm.imports;

import org.jspecify.annotations.NullMarked;
