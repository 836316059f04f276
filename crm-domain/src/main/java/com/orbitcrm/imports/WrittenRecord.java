package com.orbitcrm.imports;

import com.orbitcrm.platform.RecordType;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A record an import wrote, for its undo: created (goes to the trash) or updated ({@code previous}: its
 * fields before, by API name, put back).
 */
public record WrittenRecord(RecordType type, UUID id, boolean created, @Nullable Map<String, @Nullable String> previous) {}
