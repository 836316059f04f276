package com.orbitcrm.meetings.app;

import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingChanged;
import com.orbitcrm.meetings.MeetingCursor;
import com.orbitcrm.meetings.MeetingDetails;
import com.orbitcrm.meetings.MeetingDraft;
import com.orbitcrm.meetings.MeetingId;
import com.orbitcrm.meetings.MeetingQuery;
import com.orbitcrm.meetings.MeetingStatus;
import com.orbitcrm.meetings.Rsvp;
import com.orbitcrm.meetings.port.Meetings;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.Fields;
import com.orbitcrm.platform.ForbiddenException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.platform.Records;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.app.MemberService;
import com.orbitcrm.tenancy.app.ProfileService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import com.orbitcrm.platform.SearchWords;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's meetings: everyone reads them; members schedule, change, move, complete, cancel and
 * delete them; an attendee answers for themself (members may record an answer given another way). Every
 * change that attendees notice is published ({@link MeetingChanged}) after its rules ran in
 * {@link Meeting}: invitations and reminders follow from it, and the timeline records it.
 */
@Service
public class MeetingService {

  /** A meeting is about a client or a deal: the record types it may point at, and the deal type. */
  static final RecordType DEAL = new RecordType("deal");

  private final Meetings meetings;
  private final Records records;
  private final MemberService members;
  private final ProfileService profile;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  MeetingService(Meetings meetings, Records records, MemberService members, ProfileService profile,
                 ApplicationEventPublisher events, Clock clock) {
    this.meetings = meetings;
    this.records = records;
    this.members = members;
    this.profile = profile;
    this.events = events;
    this.clock = clock;
  }

  // ---- Reading ------------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public Meeting get(MeetingId id) {
    return meetings.find(TenantContext.requireTenant(), id).orElseThrow(() -> new NotFoundException("Meeting"));
  }

  /** At most {@code limit} live meetings whose title's words start with the typed words (the command bar). */
  @Transactional(readOnly = true)
  public List<Meeting> findByWords(String typed, int limit) {
    return meetings.findByWords(TenantContext.requireTenant(), SearchWords.of(typed), Math.clamp(limit, 1, 50));
  }

  /** A page of meetings in start order, and the cursor of the next page (when there is one). */
  public record Page(List<Meeting> items, @Nullable MeetingCursor next) {}

  @Transactional(readOnly = true)
  public Page list(MeetingQuery query) {
    if (query.limit() < 1 || query.limit() > MeetingQuery.MAX_LIMIT) {
      throw InvalidInputException.of("limit", "must be between 1 and " + MeetingQuery.MAX_LIMIT);
    }
    if (query.from() != null && query.to() != null && !query.to().isAfter(query.from())) {
      throw InvalidInputException.of("to", "must be after from");
    }
    var asked = query.limit(query.limit() + 1);
    List<Meeting> rows = meetings.list(TenantContext.requireTenant(), asked);
    if (rows.size() <= query.limit()) {
      return new Page(rows, null);
    }
    List<Meeting> items = rows.subList(0, query.limit());
    Meeting last = items.getLast();
    return new Page(List.copyOf(items), new MeetingCursor(last.details().start(), last.id().value()));
  }

  /** The meetings about a record (a client's, a deal's), upcoming and past, at most {@code limit} of each. */
  public record OfRecord(List<Meeting> upcoming, List<Meeting> past) {}

  @Transactional(readOnly = true)
  public OfRecord of(RecordRef record, int limit) {
    var tenant = TenantContext.requireTenant();
    records.require(record);
    Instant now = clock.instant();
    boolean deal = record.type().equals(DEAL);
    RecordRef about = deal ? null : record;
    UUID dealId = deal ? record.id() : null;
    // Ongoing and upcoming: everything that ends after now, soonest first.
    var upcoming = meetings.list(tenant, new MeetingQuery(now, null, about, dealId, null, null, null, null, limit));
    // Past: started before now, newest first, less those still going on.
    var past = meetings.list(tenant, new MeetingQuery(null, now, about, dealId, null, null, null, null,
        limit + upcoming.size(), true)).stream().filter(m -> !m.details().end().isAfter(now)).limit(limit).toList();
    return new OfRecord(upcoming, past);
  }

  // ---- Changing -----------------------------------------------------------------------------------

  @Transactional
  public Meeting schedule(MeetingDraft draft, MeetingLinks links) {
    var scope = TenantContext.requireWriter();
    var violations = new ArrayList<FieldViolation>();
    UserId organizer = organizer(violations, links.organizerId(), scope.user());
    MeetingDetails details = details(violations, draft, organizer);
    Linked linked = linked(violations, links);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    Instant now = clock.instant();
    var meeting = Meeting.schedule(MeetingId.random(), scope.tenant(), details, organizer, linked.entity(),
        linked.dealId(), scope.user(), now);
    meetings.insert(meeting);
    publish(meeting, Meeting.Change.SCHEDULED, true, now);
    return get(meeting.id());
  }

  /**
   * Changes a meeting: {@code draft} is complete (take {@link MeetingDraft#of} and change what the caller
   * sent). Moving it marks it rescheduled and re-arms its reminder.
   *
   * @param expectedVersion {@literal null} skips the check.
   */
  @Transactional
  public Meeting update(MeetingId id, MeetingDraft draft, MeetingLinks links, @Nullable Integer expectedVersion) {
    var scope = TenantContext.requireWriter();
    Meeting current = get(id);
    requireVersion(current, expectedVersion);
    var violations = new ArrayList<FieldViolation>();
    UserId organizer = links.organizerId() == null ? current.organizer()
        : organizer(violations, links.organizerId(), scope.user());
    MeetingDetails details = details(violations, draft, organizer);
    Linked linked = linked(violations, links);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return store(current, current.revise(details, organizer, linked.entity(), linked.dealId(), clock.instant()));
  }

  /** Moves a meeting to other times (a drag on the calendar, the keyboard's move). */
  @Transactional
  public Meeting move(MeetingId id, Instant start, Instant end, @Nullable Integer expectedVersion) {
    TenantContext.requireWriter();
    Meeting current = get(id);
    requireVersion(current, expectedVersion);
    var draft = MeetingDraft.of(current.details()).withTimes(start.toString(), end.toString());
    MeetingDetails details = MeetingDetails.from(draft, current.details().zone());
    return store(current, current.move(details.start(), details.end(), clock.instant()));
  }

  @Transactional
  public Meeting complete(MeetingId id, @Nullable String notes, @Nullable String outcome) {
    TenantContext.requireWriter();
    Meeting current = get(id);
    var draft = MeetingDraft.of(current.details()).withWrapUp(notes, outcome);
    MeetingDetails checked = MeetingDetails.from(draft, current.details().zone());
    Instant now = clock.instant();
    Meeting next = current.complete(checked.notes(), checked.outcome(), now);
    save(next);
    publish(next, Meeting.Change.COMPLETED, current.status().isLive(), now);
    return get(id);
  }

  @Transactional
  public Meeting cancel(MeetingId id) {
    TenantContext.requireWriter();
    Meeting current = get(id);
    Instant now = clock.instant();
    Meeting next = current.cancel(now);
    save(next);
    publish(next, Meeting.Change.CANCELLED, true, now);
    return get(id);
  }

  /** Deletes a meeting; attendees of a live one that has not ended get a cancellation. */
  @Transactional
  public Meeting delete(MeetingId id) {
    var scope = TenantContext.requireWriter();
    Meeting current = get(id);
    Instant now = clock.instant();
    meetings.delete(scope.tenant(), id, now);
    publish(current, Meeting.Change.DELETED, current.status().isLive() && !current.isOver(now), now);
    return current;
  }

  /**
   * Records an attendee's answer. A member answers for their own address; a writer may record anyone's
   * (an answer given by phone).
   */
  @Transactional
  public Meeting answer(MeetingId id, @Nullable String email, @Nullable String answer) {
    var scope = TenantContext.require();
    var violations = new ArrayList<FieldViolation>();
    String address = Fields.text(violations, "email", email, 255);
    if (address == null && violations.isEmpty()) {
      violations.add(new FieldViolation("email", "is required"));
    } else if (address != null && EmailAddress.problem(address).isPresent()) {
      violations.add(new FieldViolation("email", EmailAddress.problem(address).get()));
    }
    Rsvp rsvp = rsvp(violations, answer);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    var who = new EmailAddress(address);
    boolean self = scope.user() != null && members.isMember(scope.user())
        && members.member(scope.user()).email().equals(who);
    if (!self && !scope.role().canWrite()) {
      throw new ForbiddenException("Your role (" + scope.role().key() + ") may only answer for yourself");
    }
    Meeting current = get(id);
    return answered(current, who, rsvp);
  }

  /** As an attendee answers through their signed link (no sign-in; the workspace is set by the caller). */
  @Transactional
  public Meeting answerAsAttendee(MeetingId id, EmailAddress who, Rsvp rsvp) {
    Meeting current = meetings.find(TenantContext.requireTenant(), id)
        .orElseThrow(() -> new NotFoundException("Meeting"));
    return answered(current, who, rsvp);
  }

  private Meeting answered(Meeting current, EmailAddress who, Rsvp rsvp) {
    if (current.status() == MeetingStatus.CANCELLED) {
      throw new ConflictException("This meeting was cancelled");
    }
    Meeting next = current.answer(who, rsvp, clock.instant());
    save(next);
    return next;
  }

  static Rsvp rsvp(List<FieldViolation> violations, @Nullable String raw) {
    String v = raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
    Optional<Rsvp> rsvp = v == null ? Optional.empty() : Rsvp.of(v);
    if (rsvp.isEmpty() || rsvp.get() == Rsvp.PENDING) {
      violations.add(new FieldViolation("status", "must be accepted or declined"));
      return Rsvp.PENDING;
    }
    return rsvp.get();
  }

  // ---- Helpers ------------------------------------------------------------------------------------

  private Meeting store(Meeting current, Meeting.Revision revision) {
    if (revision.change() == Meeting.Change.NONE && revision.meeting().equals(current)) {
      return current;
    }
    save(revision.meeting());
    boolean rearmed = revision.meeting().reminderSent() != current.reminderSent()
        || !revision.meeting().reminderAt().equals(current.reminderAt());
    if (revision.change() != Meeting.Change.NONE) {
      publish(revision.meeting(), revision.change(), current.status().isLive(), revision.meeting().updatedAt());
    } else if (rearmed) {
      // Nothing an attendee notices, but the reminder moved: the reminders listener re-arms it.
      publish(revision.meeting(), Meeting.Change.NONE, current.status().isLive(), revision.meeting().updatedAt());
    }
    return get(current.id());
  }

  private void save(Meeting next) {
    if (!meetings.update(next)) {
      throw new ConflictException("This meeting was changed by someone else: reload it and try again");
    }
  }

  private static void requireVersion(Meeting current, @Nullable Integer expectedVersion) {
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw new ConflictException("This meeting was changed by someone else: reload it and try again");
    }
  }

  private void publish(Meeting m, Meeting.Change change, boolean wasLive, Instant at) {
    events.publishEvent(new MeetingChanged(m.tenant(), m.id(), change, m.sequence(), m.entity(), m.dealId(), wasLive,
        TenantContext.require().user(), at));
  }

  private @Nullable MeetingDetails details(List<FieldViolation> violations, MeetingDraft draft, @Nullable UserId organizer) {
    try {
      return MeetingDetails.from(draft, organizer == null ? profile.zone() : profile.zoneOf(organizer));
    } catch (InvalidInputException e) {
      violations.addAll(e.violations());
      return null;
    }
  }

  private @Nullable UserId organizer(List<FieldViolation> violations, @Nullable String raw, @Nullable UserId current) {
    UUID id = Fields.uuid(violations, "organizerId", raw, "is not an id");
    if (id == null) {
      return current;
    }
    var user = new UserId(id);
    if (!members.isMember(user)) {
      violations.add(new FieldViolation("organizerId", "is not a member of this workspace"));
      return current;
    }
    return user;
  }

  private record Linked(@Nullable RecordRef entity, @Nullable UUID dealId) {}

  private Linked linked(List<FieldViolation> violations, MeetingLinks links) {
    RecordRef entity = null;
    if (links.entityType() != null || links.entityId() != null) {
      try {
        entity = records.parse(links.entityType(), links.entityId());
        if (entity.type().equals(Meeting.RECORD_TYPE)) {
          violations.add(new FieldViolation("entityType", "a meeting is about a client or a deal, not a meeting"));
          entity = null;
        } else {
          records.requireReferenced(entity);
        }
      } catch (InvalidInputException e) {
        violations.addAll(e.violations());
        entity = null;
      }
    }
    UUID dealId = Fields.uuid(violations, "dealId", links.dealId(), "is not an id");
    if (dealId != null && records.find(new RecordRef(DEAL, dealId)).isEmpty()) {
      violations.add(new FieldViolation("dealId", "is not a deal of this workspace"));
      dealId = null;
    }
    if (entity != null && entity.type().equals(DEAL)) {
      if (dealId != null && !dealId.equals(entity.id())) {
        violations.add(new FieldViolation("dealId", "must be the deal the meeting is about (entityId)"));
      }
      dealId = entity.id();
    }
    return new Linked(entity, dealId);
  }
}
