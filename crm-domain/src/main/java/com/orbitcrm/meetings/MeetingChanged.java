package com.orbitcrm.meetings;

import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.TenantScopedEvent;
import com.orbitcrm.tenancy.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A meeting was scheduled, moved, changed, completed, cancelled or deleted. Published for the meetings
 * module's own mail (invitations with the new sequence, cancellations) and reminders, and for the timeline
 * (an entry on the record the meeting is about). It carries ids; listeners read the meeting (a deleted one
 * stays readable to them).
 *
 * @param wasLive whether the meeting was scheduled before this change (a deleted live meeting is cancelled
 *                for its attendees).
 */
public record MeetingChanged(TenantId tenant, MeetingId meeting, Meeting.Change change, int sequence,
                             @Nullable RecordRef entity, @Nullable UUID dealId, boolean wasLive, @Nullable UserId by,
                             Instant at) implements TenantScopedEvent {}
