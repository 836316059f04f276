package com.orbitcrm.meetings.app;

import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.meetings.port.Meetings;
import com.orbitcrm.platform.NamedRecords;
import com.orbitcrm.tenancy.TenantContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Answers for meetings through the platform's record seam: meetings of the current workspace, by title. */
@Component
class MeetingRecords extends NamedRecords {

  private final Meetings meetings;

  MeetingRecords(Meetings meetings) {
    super(Meeting.RECORD_TYPE, "Meeting", "/meetings/");
    this.meetings = meetings;
  }

  @Override
  protected Map<UUID, String> names(Collection<UUID> ids) {
    var names = new LinkedHashMap<UUID, String>();
    meetings.titles(TenantContext.requireTenant(), ids.stream().map(MeetingId::new).toList())
        .forEach((id, name) -> names.put(id.value(), name));
    return names;
  }
}
