package com.orbitcrm.demo;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientDraft;
import com.orbitcrm.clients.app.ClientService;
import com.orbitcrm.customfields.FieldDraft;
import com.orbitcrm.customfields.RawValue;
import com.orbitcrm.customfields.app.CustomFieldService;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealDraft;
import com.orbitcrm.deals.Stage;
import com.orbitcrm.deals.app.DealCommands.CreateDeal;
import com.orbitcrm.deals.app.DealCommands.PlaceDeal;
import com.orbitcrm.deals.app.DealService;
import com.orbitcrm.meetings.LocationType;
import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingDraft;
import com.orbitcrm.meetings.Rsvp;
import com.orbitcrm.meetings.app.MeetingLinks;
import com.orbitcrm.meetings.app.MeetingService;
import com.orbitcrm.platform.TableStatistics;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RecordType;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.tenancy.app.AddMemberCommand;
import com.orbitcrm.tenancy.app.MemberAdded;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.app.IdentityService;
import com.orbitcrm.tenancy.app.MemberService;
import com.orbitcrm.tenancy.app.SignUpCommand;
import com.orbitcrm.tenancy.app.SignUpService;
import com.orbitcrm.timeline.Activity;
import com.orbitcrm.timeline.ActivityDraft;
import com.orbitcrm.timeline.app.EmailTrackingService;
import com.orbitcrm.timeline.app.NoteService;
import com.orbitcrm.timeline.app.TimelineService;
import com.orbitcrm.timeline.app.TaskService;
import com.orbitcrm.timeline.TaskDraft;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Fills a new installation with a demo workspace: members with each role, ~30 clients across
 * industries and states, ~60 deals over every stage, activities of every type and notes. Written through
 * the modules' use cases, as a person or an import would, so every rule applies to it; only the dates are
 * history (when a client or deal was created, when a deal closed, when an activity happened).
 * Deterministic (fixed seed) so screenshots and tests can rely on its shape, and dated relative to today
 * so "this month" and "recent" always have something.
 */
@Component
@ConditionalOnProperty(name = "orbit.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final SignUpService signUp;
  private final MemberService members;
  private final IdentityService identity;
  private final ClientService clients;
  private final DealService deals;
  private final TimelineService timeline;
  private final TaskService tasks;
  private final NoteService notes;
  private final EmailTrackingService tracking;
  private final MeetingService meetings;
  private final CustomFieldService customFields;
  private final TransactionOperations transactions;
  private final Environment environment;
  private final Clock clock;
  private final TableStatistics statistics;

  DemoData(SignUpService signUp, MemberService members, IdentityService identity, ClientService clients,
           DealService deals, TimelineService timeline, NoteService notes, EmailTrackingService tracking,
           MeetingService meetings, CustomFieldService customFields, TransactionOperations transactions,
           Environment environment, Clock clock, TableStatistics statistics, TaskService tasks) {
    this.statistics = statistics;
    this.tasks = tasks;
    this.customFields = customFields;
    this.signUp = signUp;
    this.members = members;
    this.identity = identity;
    this.clients = clients;
    this.deals = deals;
    this.timeline = timeline;
    this.notes = notes;
    this.tracking = tracking;
    this.meetings = meetings;
    this.transactions = transactions;
    this.environment = environment;
    this.clock = clock;
  }

  /** A new demo account made a member at once (created with its password, so never an invitation). */
  private static Member joined(MemberAdded added) {
    if (added instanceof MemberAdded.Joined joined) {
      return joined.member();
    }
    throw new IllegalStateException("a demo account was invited instead of created: " + added);
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identity.accountForSignIn(DemoAccounts.OWNER_EMAIL).isPresent()) {
      return;
    }
    long started = System.nanoTime();
    var northwind = signUp.signUp(new SignUpCommand(DemoAccounts.WORKSPACE, DemoAccounts.OWNER_NAME,
        DemoAccounts.OWNER_EMAIL, DemoAccounts.OWNER_PASSWORD));
    var ownerScope = new TenantContext.Scope(northwind.tenantId(), northwind.userId(), Role.OWNER);
    TenantContext.runAs(ownerScope, () -> identity.updateWorkspace(null, DemoAccounts.TIME_ZONE, "USD"));
    UserId sam = TenantContext.callAs(ownerScope, () -> joined(members.add(new AddMemberCommand(
        DemoAccounts.MEMBER_EMAIL, DemoAccounts.MEMBER_NAME, "member", DemoAccounts.MEMBER_PASSWORD)))).user();
    TenantContext.runAs(ownerScope, () -> members.add(new AddMemberCommand(DemoAccounts.VIEWER_EMAIL,
        DemoAccounts.VIEWER_NAME, "viewer", DemoAccounts.VIEWER_PASSWORD)));

    var globex = signUp.signUp(new SignUpCommand(DemoAccounts.SECOND_WORKSPACE, DemoAccounts.GLOBEX_NAME,
        DemoAccounts.GLOBEX_EMAIL, DemoAccounts.GLOBEX_PASSWORD));
    var globexScope = new TenantContext.Scope(globex.tenantId(), globex.userId(), Role.OWNER);
    // The demo owner is in both workspaces from the start: the system joins them directly (people are invited).
    TenantContext.runAs(TenantContext.Scope.system(globex.tenantId()), () -> members.addWithoutInvitation(
        new EmailAddress(DemoAccounts.OWNER_EMAIL), Role.ADMIN));

    var random = new Random(20261124L);
    int rows = fill(northwind.tenantId(), List.of(northwind.userId(), sam), 30, 60, random);
    rows += fill(globex.tenantId(), List.of(globex.userId(), northwind.userId()), 8, 12, random);
    // Fresh tables: the planner's statistics still say "empty" (and autovacuum may be off).
    TenantContext.runAs(ownerScope, () -> transactions.executeWithoutResult(tx -> statistics.refresh(List.of(
        "clients", "client_search_words", "crm_deals", "crm_deal_figures", "crm_custom_field_values",
        "crm_activities", "crm_notes", "crm_meetings", "crm_meeting_attendees"))));
    String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    log.info("""

        ------------------------------------------------------------------------------------------
         Demo workspace "{}" is ready ({} records in {} ms).
         Sign in at http://localhost:{}/login as {} / {}
         (also: {} / {} as a member, {} / {} as a viewer)
        ------------------------------------------------------------------------------------------""",
        DemoAccounts.WORKSPACE, rows, Duration.ofNanos(System.nanoTime() - started).toMillis(), port,
        DemoAccounts.OWNER_EMAIL, DemoAccounts.OWNER_PASSWORD, DemoAccounts.MEMBER_EMAIL,
        DemoAccounts.MEMBER_PASSWORD, DemoAccounts.VIEWER_EMAIL, DemoAccounts.VIEWER_PASSWORD);
  }

  /** One workspace's demo records, in one transaction begun in that workspace. */
  private int fill(TenantId tenant, List<UserId> owners, int clientCount, int dealCount, Random random) {
    Integer written = TenantContext.callAs(TenantContext.Scope.system(tenant), () -> transactions.execute(tx -> {
      as(tenant, owners.getFirst(), this::defineFields);
      var demoClients = clients(tenant, owners, clientCount, random);
      var demoDeals = deals(tenant, owners, demoClients, dealCount, random);
      int activities = activities(tenant, owners, demoClients, demoDeals, random);
      int notesWritten = notes(tenant, owners, demoClients, demoDeals, random);
      int meetingsWritten = meetings(tenant, owners, demoClients, demoDeals, random);
      return demoClients.size() + demoDeals.size() + activities + notesWritten + meetingsWritten;
    }));
    return written == null ? 0 : written;
  }

  /** A few custom fields of clients and deals (none required, so that every form keeps working as it was). */
  private Integer defineFields() {
    var client = new RecordType("client");
    var deal = new RecordType("deal");
    customFields.create(client, new FieldDraft("Tier", null, "select", List.of(new FieldDraft.Option("gold", "Gold", "yellow"),
        new FieldDraft.Option("silver", "Silver", "gray"), new FieldDraft.Option("bronze", "Bronze", "orange")), false,
        null, 10, true, "Account"));
    customFields.create(client, new FieldDraft("Seats", null, "number", List.of(), false, null, 20, true, "Account"));
    customFields.create(client, new FieldDraft("Renewal date", null, "date", List.of(), false, null, 30, true, "Contract"));
    customFields.create(client, new FieldDraft("Referenceable", null, "boolean", List.of(), false, null, 40, true,
        "Contract"));
    customFields.create(deal, new FieldDraft("Competitor", null, "select", List.of(new FieldDraft.Option(null, "None", "gray"),
        new FieldDraft.Option(null, "Acme CRM", "red"), new FieldDraft.Option(null, "Salesforce", "blue")), false, null, 10,
        true, null));
    customFields.create(deal, new FieldDraft("Budget approved", null, "boolean", List.of(), false, null, 20, true, null));
    return 6;
  }

  private static Map<String, RawValue> clientValues(Random random, Instant created) {
    Map<String, RawValue> values = new LinkedHashMap<>();
    values.put("tier", new RawValue.Text(List.of("gold", "silver", "bronze").get(random.nextInt(3))));
    values.put("seats", new RawValue.Number(java.math.BigDecimal.valueOf(5 + random.nextInt(400))));
    values.put("renewal_date", new RawValue.Text(LocalDate.ofInstant(created, java.time.ZoneOffset.UTC)
        .plusYears(1).toString()));
    values.put("referenceable", new RawValue.Bool(random.nextInt(3) == 0));
    return values;
  }

  /** Runs {@code work} as {@code user}, a member of {@code tenant}, so that it is written in their name. */
  private static <T> T as(TenantId tenant, UserId user, Supplier<T> work) {
    return TenantContext.callAs(new TenantContext.Scope(tenant, user, Role.OWNER), work);
  }

  // ---- Clients ------------------------------------------------------------------------------

  private record DemoClient(Client client, String contact, String email, UserId owner) {
    RecordRef ref() {
      return client.ref();
    }
  }

  private List<DemoClient> clients(TenantId tenant, List<UserId> owners, int count, Random random) {
    List<DemoClient> result = new ArrayList<>();
    Instant now = clock.instant();
    for (int i = 0; i < count; i++) {
      String name = COMPANIES[i % COMPANIES.length] + (i >= COMPANIES.length ? " " + (i / COMPANIES.length + 1) : "");
      String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
      String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
      String domain = name.toLowerCase().replaceAll("[^a-z0-9]+", "") + ".example";
      String email = java.text.Normalizer.normalize((first + "." + last).toLowerCase(), java.text.Normalizer.Form.NFD)
          .replaceAll("[^a-z.]", "") + "@" + domain;
      String[] place = PLACES[random.nextInt(PLACES.length)];
      UserId owner = owners.get(random.nextInt(owners.size()));
      int roll = random.nextInt(10);
      String status = roll < 7 ? "active" : roll < 9 ? "inactive" : "churned";
      Instant created = now.minus(Duration.ofDays(20 + random.nextInt(400))).truncatedTo(ChronoUnit.SECONDS);
      var draft = ClientDraft.empty()
          .with("name", name)
          .with("contactName", first + " " + last)
          .with("contactEmail", email)
          .with("contactPhone", String.format("+1 (%s) 555-%04d", place[3], random.nextInt(10000)))
          .with("industry", INDUSTRIES[i % INDUSTRIES.length])
          .with("addressLine1", (100 + random.nextInt(9800)) + " " + STREETS[random.nextInt(STREETS.length)])
          .with("addressLine2", random.nextInt(4) == 0 ? "Suite " + (100 + random.nextInt(900)) : null)
          .with("city", place[0])
          .with("state", place[1])
          .with("zipCode", place[2])
          .with("estimatedMonthlySpend", String.valueOf(500 + random.nextInt(45_000)))
          .with("status", status)
          .with("accountOwnerId", owner.toString())
          .with("companyId", "CUST-" + (10_000 + i * 37));
      // A random of their own, so that the rest of the demo stays what it was before custom fields.
      var values = clientValues(new Random(7_919L * i + 1), created);
      Client client = as(tenant, owner, () -> clients.create(draft, values, created));
      result.add(new DemoClient(client, first + " " + last, email, owner));
    }
    return result;
  }

  // ---- Deals --------------------------------------------------------------------------------

  private record DemoDeal(Deal deal, DemoClient client, UserId owner) {
    RecordRef ref() {
      return deal.ref();
    }
  }

  private List<DemoDeal> deals(TenantId tenant, List<UserId> owners, List<DemoClient> demoClients, int count,
                               Random random) {
    List<DemoDeal> result = new ArrayList<>();
    List<Stage> stages = deals.pipeline().stages();
    ZoneId zone = ZoneId.of(DemoAccounts.TIME_ZONE);
    LocalDate today = LocalDate.now(clock.withZone(zone));
    Instant now = clock.instant();
    for (int i = 0; i < count; i++) {
      Stage stage = stages.get(STAGE_MIX[i % STAGE_MIX.length]);
      DemoClient client = demoClients.get(random.nextInt(demoClients.size()));
      UserId owner = random.nextInt(3) == 0 ? owners.get(random.nextInt(owners.size())) : client.owner();
      String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
      LocalDate expected = stage.open() ? today.plusDays(-12 + random.nextInt(130)) : today.minusDays(random.nextInt(75));
      LocalDate closedOn = stage.open() ? null : min(expected.plusDays(random.nextInt(5) - 2), today);
      // A closed deal entered the pipeline a sales cycle (a week to four months) before it closed.
      Instant created = closedOn == null
          ? now.minus(Duration.ofDays(15 + random.nextInt(150))).truncatedTo(ChronoUnit.SECONDS)
          : closedOn.minusDays(7 + random.nextInt(110)).atTime(9 + random.nextInt(8), 0).atZone(zone).toInstant();
      var draft = DealDraft.empty()
          .with("name", client.client().details().name() + " — " + product)
          .with("description", product + " for " + client.client().details().name() + ". Champion: "
              + client.contact() + ".")
          .with("value", String.valueOf(2_000 + random.nextInt(48) * 2_500 + (random.nextInt(8) == 0 ? 150_000 : 0)))
          .with("currency", random.nextInt(10) == 0 ? "EUR" : "USD")
          .with("clientId", client.client().id().toString())
          .with("contactName", client.contact())
          .with("contactEmail", client.email())
          .with("expectedCloseDate", expected.toString())
          .with("ownerId", owner.toString())
          .with("source", SOURCES[random.nextInt(SOURCES.length)]);
      // Closed deals are brought in closed on their own day. An open deal past the first stage arrives one
      // stage earlier and is moved on, as a person would: its timeline records the stage change.
      int index = stages.indexOf(stage);
      boolean moveOn = stage.open() && index > 0;
      Stage start = moveOn ? stages.get(index - 1) : stage;
      String reason = stage.open() ? null : LOST_REASONS[random.nextInt(LOST_REASONS.length)];
      var own = new Random(draft.hashCode());
      var values = Map.<String, RawValue>of("competitor",
          new RawValue.Text(List.of("none", "acme_crm", "salesforce").get(own.nextInt(3))),
          "budget_approved", new RawValue.Bool(own.nextBoolean()));
      Deal brought = as(tenant, owner, () -> deals.create(CreateDeal.of(draft).inStage(start.key(), reason)
          .withHistory(created, closedOn).withCustomFields(values)));
      Deal deal = !moveOn ? brought : as(tenant, owner, () -> deals.place(new PlaceDeal(brought.id(), stage.key(),
          null, null, null, null)).deal());
      result.add(new DemoDeal(deal, client, owner));
    }
    return result;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  // ---- Activities ---------------------------------------------------------------------------

  private int activities(TenantId tenant, List<UserId> owners, List<DemoClient> demoClients, List<DemoDeal> demoDeals,
                         Random random) {
    Instant now = clock.instant();
    int written = 0;
    for (DemoClient client : demoClients) {
      int n = 3 + random.nextInt(4);
      for (int k = 0; k < n; k++) {
        String type = ACTIVITY_TYPES[(k + random.nextInt(ACTIVITY_TYPES.length)) % ACTIVITY_TYPES.length];
        Instant at = now.minus(Duration.ofHours(2 + random.nextInt(24 * 90))).truncatedTo(ChronoUnit.MINUTES);
        activity(tenant, client.ref(), type, at, client.contact(), client.email(),
            owners.get(random.nextInt(owners.size())), random);
        written++;
      }
    }
    for (DemoDeal deal : demoDeals) {
      Instant at = now.minus(Duration.ofHours(1 + random.nextInt(24 * 30))).truncatedTo(ChronoUnit.MINUTES);
      activity(tenant, deal.ref(), random.nextBoolean() ? "call" : "email", at, deal.client().contact(),
          deal.client().email(), deal.owner(), random);
      written++;
    }
    return written;
  }

  private void activity(TenantId tenant, RecordRef on, String type, Instant at, String contact, String email,
                        UserId by, Random random) {
    String first = contact.split(" ")[0];
    ActivityDraft draft = switch (type) {
      case "email" -> new ActivityDraft(type, EMAIL_SUBJECTS[random.nextInt(EMAIL_SUBJECTS.length)],
          "Hi " + first + ", following up on our conversation.", "sales@northwind.example", email, null, null, null,
          null, null, null, List.of());
      case "call" -> {
        String outcome = CALL_OUTCOMES[random.nextInt(CALL_OUTCOMES.length)];
        boolean answered = outcome.equals("answered");
        yield new ActivityDraft(type, "Call with " + contact, answered ? "Discussed timeline and budget." : null,
            null, null, String.valueOf(answered ? 120 + random.nextInt(1800) : 0), outcome, null, null, null, null,
            List.of());
      }
      case "meeting" -> new ActivityDraft(type, "Discovery meeting", "Walked through requirements with " + contact
          + ".", null, null, null, null, null, at.minus(Duration.ofHours(1)).toString(), at.toString(), "Video call",
          List.of(contact + " <" + email + ">"));
      case "task" -> new ActivityDraft(type, TASKS[random.nextInt(TASKS.length)], null, null, null, null, null, null,
          null, null, null, List.of());
      case "sms" -> new ActivityDraft(type, "Text to " + contact, "Running 5 minutes late, see you soon!", null, null,
          null, null, null, null, null, null, List.of());
      case "document" -> new ActivityDraft(type, DOCUMENTS[random.nextInt(DOCUMENTS.length)], "proposal-v2.pdf",
          null, null, null, null, null, null, null, null, List.of());
      default -> new ActivityDraft("note", "Note", "Prefers e-mail over phone; decision expected after board meeting.",
          null, null, null, null, null, null, null, null, List.of());
    };
    boolean track = type.equals("email") && random.nextInt(3) > 0;
    TaskDraft task = TaskDraft.NONE;
    if (type.equals("task")) {
      // Due somewhere from three days ago to two weeks ahead (a few today), on the hour; one in five without a date.
      Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
      Instant due = switch (random.nextInt(5)) {
        case 0 -> null;
        case 1 -> now.minus(Duration.ofHours(1 + random.nextInt(72)));
        case 2 -> now.plus(Duration.ofHours(1 + random.nextInt(6)));
        default -> now.plus(Duration.ofDays(1 + random.nextInt(14)));
      };
      String[] priorities = {"low", "normal", "normal", "high"};
      task = new TaskDraft(due == null ? null : due.toString(), by.value().toString(),
          priorities[random.nextInt(priorities.length)]);
    }
    TaskDraft taskDraft = task;
    Activity logged = as(tenant, by, () -> timeline.log(on, draft, taskDraft, track, List.of(), at));
    if (logged.task() != null && logged.task().dueAt() != null && logged.task().dueAt().isBefore(clock.instant())
        && random.nextBoolean()) {
      as(tenant, by, () -> tasks.complete(logged.id())); // some of the past ones are done
    }
    if (track) {
      // Opened through its tracking pixel, as the recipient's mail program would.
      tracking.tokens(logged).pixel().ifPresent(tracking::opened);
    }
  }

  // ---- Notes --------------------------------------------------------------------------------

  private int notes(TenantId tenant, List<UserId> owners, List<DemoClient> demoClients, List<DemoDeal> demoDeals,
                    Random random) {
    Instant now = clock.instant();
    int written = 0;
    for (int i = 0; i < demoClients.size() + demoDeals.size() / 3; i++) {
      boolean onClient = i < demoClients.size();
      RecordRef on = onClient ? demoClients.get(i).ref() : demoDeals.get(random.nextInt(demoDeals.size())).ref();
      Instant at = now.minus(Duration.ofHours(random.nextInt(24 * 60))).truncatedTo(ChronoUnit.MINUTES);
      String content = NOTES[random.nextInt(NOTES.length)];
      boolean pinned = random.nextInt(4) == 0;
      String color = NOTE_COLORS[random.nextInt(NOTE_COLORS.length)];
      as(tenant, owners.get(random.nextInt(owners.size())), () -> notes.create(on, content, pinned, color, at));
      written++;
    }
    return written;
  }

  // ---- Meetings -----------------------------------------------------------------------------

  /**
   * Past meetings (most completed with an outcome, some cancelled, one still waiting for its wrap-up) and
   * upcoming ones over the next twelve days in working hours of the workspace's zone, with the client's
   * contact and a colleague invited (some answered); the first upcoming one starts soon, so its reminder
   * shows in the app right after the start.
   */
  private int meetings(TenantId tenant, List<UserId> owners, List<DemoClient> demoClients, List<DemoDeal> demoDeals,
                       Random random) {
    ZoneId zone = ZoneId.of(DemoAccounts.TIME_ZONE);
    LocalDate today = LocalDate.now(clock.withZone(zone));
    int written = 0;
    for (int i = 0; i < Math.min(30, demoClients.size() + demoDeals.size()); i++) {
      boolean past = i % 2 == 0;
      DemoDeal deal = i % 3 == 0 && !demoDeals.isEmpty() ? demoDeals.get(random.nextInt(demoDeals.size())) : null;
      DemoClient client = deal != null ? deal.client() : demoClients.get(random.nextInt(demoClients.size()));
      // The one that starts soon is the workspace owner's: its reminder shows under the bell of the demo login.
      UserId organizer = i == 1 ? owners.getFirst() : deal != null ? deal.owner() : client.owner();
      LocalDate day = past ? today.minusDays(1 + random.nextInt(14)) : today.plusDays(random.nextInt(12));
      while (day.getDayOfWeek().getValue() > 5) {
        day = day.plusDays(1);
      }
      var start = day.atTime(9 + random.nextInt(8), random.nextBoolean() ? 0 : 30).atZone(zone).toInstant();
      if (i == 1) {
        start = clock.instant().plus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.MINUTES);
      }
      int minutes = MEETING_LENGTHS[random.nextInt(MEETING_LENGTHS.length)];
      var attendees = new ArrayList<MeetingDraft.AttendeeDraft>();
      attendees.add(new MeetingDraft.AttendeeDraft(client.email(), client.contact(), null));
      String kind = MEETING_TITLES[random.nextInt(MEETING_TITLES.length)];
      String title = kind + " — " + client.client().details().name();
      LocationType where = LocationType.values()[random.nextInt(LocationType.values().length)];
      var draft = MeetingDraft.blank().withTitle(title)
          .withDescription("Agenda: " + kind.toLowerCase(Locale.ROOT) + ", open questions, next steps.")
          .withTimes(start.toString(), start.plus(Duration.ofMinutes(minutes)).toString())
          .withTimezone(zone.getId())
          .withPlace(where.key(), where == LocationType.IN_PERSON ? client.client().details().city() + " office"
              : where == LocationType.PHONE ? "We call " + client.contact() : null,
              where == LocationType.VIRTUAL ? "https://meet.example.com/" + Integer.toHexString(random.nextInt()) : null)
          .withAttendees(attendees)
          .withReminderMinutes(i == 1 ? "30" : MEETING_REMINDERS[random.nextInt(MEETING_REMINDERS.length)]);
      RecordRef about = deal != null ? deal.ref() : client.ref();
      var links = new MeetingLinks(null, about.type().key(), about.id().toString(), null);
      Meeting m = as(tenant, organizer, () -> meetings.schedule(draft, links));
      if (random.nextInt(3) > 0) {
        Rsvp answer = random.nextInt(5) == 0 ? Rsvp.DECLINED : Rsvp.ACCEPTED;
        as(tenant, organizer, () -> meetings.answer(m.id(), client.email(), answer.key()));
      }
      if (past && i % 8 != 6) {
        if (i % 5 == 4) {
          as(tenant, organizer, () -> meetings.cancel(m.id()));
        } else {
          as(tenant, organizer, () -> meetings.complete(m.id(), "Spoke with " + client.contact() + ".",
              MEETING_OUTCOMES[random.nextInt(MEETING_OUTCOMES.length)]));
        }
      }
      written++;
    }
    return written;
  }

  // ---- Vocabulary ---------------------------------------------------------------------------

  /** How 60 deals spread over the stages (indexes into the pipeline): a funnel, with some won and lost. */
  private static final int[] STAGE_MIX = {0, 0, 1, 0, 2, 1, 3, 4, 0, 1, 2, 5, 0, 1, 3, 2, 4, 1, 0, 5};
  private static final String[] COMPANIES = {"Acme Robotics", "Bluebird Health", "Cobalt Logistics", "Dunmore Foods",
      "Evergreen Realty", "Fjord Analytics", "Granite Manufacturing", "Harbor Hospitality", "Ironclad Security",
      "Juniper Schools", "Keystone Energy", "Lumen Retail", "Maple Financial", "Nimbus Cloud", "Orchard Dental",
      "Pioneer Freight", "Quartz Studios", "Redwood Builders", "Summit Outdoor", "Tidewater Marine",
      "Umbra Devices", "Vista Clinics", "Willow Apparel", "Xenon Labs", "Yellowstone Capital", "Zephyr Airlines",
      "Atlas Pharma", "Beacon Insurance", "Cascade Coffee", "Delta Print Works"};
  private static final String[] INDUSTRIES = {"Technology", "Healthcare", "Logistics", "Food & Beverage",
      "Real Estate", "Technology", "Manufacturing", "Hospitality", "Security", "Education", "Energy", "Retail",
      "Finance", "Technology", "Healthcare", "Logistics", "Media", "Construction", "Retail", "Marine"};
  private static final String[][] PLACES = {{"San Francisco", "CA", "94107", "415"}, {"Austin", "TX", "78701", "512"},
      {"Seattle", "WA", "98101", "206"}, {"Denver", "CO", "80202", "303"}, {"Boston", "MA", "02110", "617"},
      {"Chicago", "IL", "60601", "312"}, {"New York", "NY", "10001", "212"}, {"Miami", "FL", "33130", "305"},
      {"Portland", "OR", "97205", "503"}, {"Atlanta", "GA", "30303", "404"}, {"Phoenix", "AZ", "85004", "602"},
      {"Minneapolis", "MN", "55401", "612"}, {"Raleigh", "NC", "27601", "919"}, {"Nashville", "TN", "37203", "615"}};
  private static final String[] STREETS = {"Market Street", "Main Street", "Oak Avenue", "Harbor Way", "Pine Street",
      "Elm Drive", "Commerce Blvd", "Innovation Way", "River Road", "Park Avenue"};
  private static final String[] FIRST_NAMES = {"Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James",
      "Isabella", "Lucas", "Mia", "Mateo", "Amara", "Hiroshi", "Priya", "Kwame", "Sofia", "Chen", "Fatima", "Diego"};
  private static final String[] LAST_NAMES = {"Nguyen", "Smith", "Garcia", "Johnson", "Okafor", "Kim", "Patel",
      "Müller", "Rossi", "Brown", "Silva", "Cohen", "Tanaka", "Williams", "Haddad", "Larsen", "Moreau", "Singh"};
  private static final String[] PRODUCTS = {"Annual platform licence", "Pilot project", "Enterprise upgrade",
      "Support renewal", "Onboarding package", "Data migration", "Additional seats", "Analytics add-on",
      "Multi-site rollout", "Training program"};
  private static final String[] SOURCES = {"Website", "Referral", "Cold call", "Trade show", "Partner", "Inbound e-mail",
      "LinkedIn"};
  private static final String[] LOST_REASONS = {"Chose a competitor", "No budget this year", "Project cancelled",
      "Went silent after proposal", "Price too high"};
  private static final String[] ACTIVITY_TYPES = {"email", "call", "meeting", "note", "task", "sms", "document"};
  private static final String[] CALL_OUTCOMES = {"answered", "answered", "no_answer", "voicemail", "busy"};
  private static final String[] EMAIL_SUBJECTS = {"Proposal attached", "Quick follow-up", "Pricing for next year",
      "Meeting recap and next steps", "Introduction: Northwind x your team", "Contract draft for review"};
  private static final String[] TASKS = {"Send revised quote", "Prepare demo environment", "Follow up on security review",
      "Book on-site visit", "Check references"};
  private static final String[] DOCUMENTS = {"Proposal v2 sent", "Signed NDA", "Security questionnaire",
      "Statement of work"};
  private static final String[] NOTES = {"Decision maker is the CFO; procurement needs three quotes.",
      "Very happy with onboarding. Ask for a case study in Q3.",
      "Budget frozen until the new fiscal year starts in April.",
      "Prefers short calls on Tuesday mornings. Don't call Fridays.",
      "Competitor demo scheduled next week — send the comparison sheet first.",
      "Renewal at risk: support tickets doubled last month.",
      "Champion moved to a new role; new contact is the VP of Operations.",
      "Wants SSO and audit logs before signing."};
  private static final int[] MEETING_LENGTHS = {30, 30, 45, 60, 60, 90};
  private static final String[] MEETING_REMINDERS = {"15", "15", "30", "10", "60"};
  private static final String[] MEETING_TITLES = {"Discovery call", "Product demo", "Proposal review",
      "Contract negotiation", "Quarterly business review", "Onboarding kick-off"};
  private static final String[] MEETING_OUTCOMES = {"Proposal requested", "Moving to a pilot", "Needs legal review",
      "Budget confirmed", "Follow-up demo for the team", "Not a fit right now"};
  private static final String[] NOTE_COLORS = {"default", "default", "yellow", "green", "blue", "red"};
}
