package com.orbitcrm.meetings.app;

import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.meetings.port.Meetings;
import com.orbitcrm.platform.RecordDirectory;
import com.orbitcrm.platform.RecordSummary;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.tenancy.TenantContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers for meetings through the platform's record seam: meetings of the current workspace, by title. */
@Component
class MeetingRecords implements RecordDirectory {

  private final Meetings meetings;

  MeetingRecords(Meetings meetings) {
    this.meetings = meetings;
  }

  @Override
  public RecordType type() {
    return Meeting.RECORD_TYPE;
  }

  @Override
  public String typeLabel() {
    return "Meeting";
  }

  @Override
  @Transactional(readOnly = true)
  public Map<UUID, RecordSummary> find(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    var names = new LinkedHashMap<UUID, String>();
    meetings.titles(TenantContext.requireTenant(), ids.stream().map(MeetingId::new).toList())
        .forEach((id, title) -> names.put(id.value(), title));
    return RecordDirectory.summaries(Meeting.RECORD_TYPE, "/meetings/", names);
  }
}
