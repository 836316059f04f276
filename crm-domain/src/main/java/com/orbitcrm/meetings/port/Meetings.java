package com.orbitcrm.meetings.port;

import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.meetings.MeetingQuery;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.tenancy.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Secondary port: the stored meetings of a workspace, with their attendees. Internal to the meetings module. */
public interface Meetings {

  void insert(Meeting meeting);

  /** The meeting, unless it was deleted. */
  Optional<Meeting> find(TenantId tenant, MeetingId id);

  /** At most {@code limit} live meetings each of whose {@code words} starts a word of its title. */
  List<Meeting> findByWords(TenantId tenant, List<String> words, int limit);

  /** The meeting even if it was deleted (for those who tell attendees about the deletion). */
  Optional<Meeting> findEvenDeleted(TenantId tenant, MeetingId id);

  /** The live meeting, its row locked until the transaction ends (one reminder at a time). */
  Optional<Meeting> lock(TenantId tenant, MeetingId id);

  /**
   * Stores a changed meeting and its attendees.
   *
   * @return false when the stored version is not {@code meeting.version()} (someone changed it meanwhile).
   */
  boolean update(Meeting meeting);

  /** Records that the reminder went out; does not count as an edit (no version bump). */
  void markReminded(TenantId tenant, MeetingId id, Instant at);

  boolean delete(TenantId tenant, MeetingId id, Instant at);

  /** The meetings {@code query} selects (its rule is {@link MeetingQuery#matches}), in start order. */
  List<Meeting> list(TenantId tenant, MeetingQuery query);

  /** The meetings whose reminder went out to {@code who} (as organizer or attendee), latest reminder first. */
  List<Meeting> remindedFor(TenantId tenant, MeetingQuery.Participant who, int limit);

  /** The titles of those of {@code ids} that are meetings of the workspace (not deleted). */
  Map<MeetingId, String> titles(TenantId tenant, Collection<MeetingId> ids);

  /** Deletes every meeting about a record that no longer exists; answers how many. */
  int deleteAllOf(TenantId tenant, RecordRef entity);
}
