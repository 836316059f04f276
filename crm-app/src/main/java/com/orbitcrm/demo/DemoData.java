package com.orbitcrm.demo;

import static org.orbitcrm.db.jooq.Tables.CLIENTS;
import static org.orbitcrm.db.jooq.Tables.CRM_ACTIVITIES;
import static org.orbitcrm.db.jooq.Tables.CRM_DEALS;
import static org.orbitcrm.db.jooq.Tables.CRM_MEETINGS;
import static org.orbitcrm.db.jooq.Tables.CRM_NOTES;

import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.app.AddMemberCommand;
import com.orbitcrm.tenancy.app.IdentityService;
import com.orbitcrm.tenancy.app.MemberService;
import com.orbitcrm.tenancy.app.SignUpCommand;
import com.orbitcrm.tenancy.app.SignUpService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
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
 * industries and states, ~60 deals over every stage, activities of every type, notes and meetings.
 * Deterministic (fixed seed) so screenshots and tests can rely on its shape, and dated relative to
 * today so "this month" and "upcoming" always have something.
 */
@Component
@ConditionalOnProperty(name = "orbit.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final SignUpService signUp;
  private final MemberService members;
  private final IdentityService identity;
  private final DSLContext dsl;
  private final TransactionOperations transactions;
  private final Environment environment;
  private final Clock clock = Clock.systemUTC();

  DemoData(SignUpService signUp, MemberService members, IdentityService identity, DSLContext dsl,
           TransactionOperations transactions, Environment environment) {
    this.signUp = signUp;
    this.members = members;
    this.identity = identity;
    this.dsl = dsl;
    this.transactions = transactions;
    this.environment = environment;
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
    UserId sam = TenantContext.callAs(ownerScope, () -> members.add(new AddMemberCommand(DemoAccounts.MEMBER_EMAIL,
        DemoAccounts.MEMBER_NAME, "member", DemoAccounts.MEMBER_PASSWORD))).user();
    TenantContext.runAs(ownerScope, () -> members.add(new AddMemberCommand(DemoAccounts.VIEWER_EMAIL,
        DemoAccounts.VIEWER_NAME, "viewer", DemoAccounts.VIEWER_PASSWORD)));

    var globex = signUp.signUp(new SignUpCommand(DemoAccounts.SECOND_WORKSPACE, DemoAccounts.GLOBEX_NAME,
        DemoAccounts.GLOBEX_EMAIL, DemoAccounts.GLOBEX_PASSWORD));
    var globexScope = new TenantContext.Scope(globex.tenantId(), globex.userId(), Role.OWNER);
    TenantContext.runAs(globexScope, () -> members.add(new AddMemberCommand(DemoAccounts.OWNER_EMAIL, null,
        "admin", null)));

    var random = new Random(20261124L);
    int rows = fill(northwind.tenantId(), List.of(northwind.userId(), sam), 30, 60, random);
    rows += fill(globex.tenantId(), List.of(globex.userId(), northwind.userId()), 8, 12, random);
    String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    log.info("""

        ------------------------------------------------------------------------------------------
         Demo workspace "{}" is ready ({} rows in {} ms).
         Sign in at http://localhost:{}/login as {} / {}
         (also: {} / {} as a member, {} / {} as a viewer)
        ------------------------------------------------------------------------------------------""",
        DemoAccounts.WORKSPACE, rows, Duration.ofNanos(System.nanoTime() - started).toMillis(), port,
        DemoAccounts.OWNER_EMAIL, DemoAccounts.OWNER_PASSWORD, DemoAccounts.MEMBER_EMAIL,
        DemoAccounts.MEMBER_PASSWORD, DemoAccounts.VIEWER_EMAIL, DemoAccounts.VIEWER_PASSWORD);
  }

  private int fill(TenantId tenant, List<UserId> owners, int clientCount, int dealCount, Random random) {
    Integer written = TenantContext.callAs(TenantContext.Scope.system(tenant), () -> transactions.execute(tx -> {
      var clients = clients(tenant, owners, clientCount, random);
      var deals = deals(tenant, owners, clients, dealCount, random);
      int activities = activities(tenant, owners, clients, deals, random);
      int notes = notes(tenant, owners, clients, deals, random);
      int meetings = meetings(tenant, owners, clients, deals, random);
      return clients.size() + deals.size() + activities + notes + meetings;
    }));
    return written == null ? 0 : written;
  }

  // ---- Clients ------------------------------------------------------------------------------

  private record DemoClient(UUID id, String name, String contact, String email, UserId owner) {}

  private List<DemoClient> clients(TenantId tenant, List<UserId> owners, int count, Random random) {
    List<DemoClient> result = new ArrayList<>();
    OffsetDateTime now = OffsetDateTime.now(clock);
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
      OffsetDateTime created = now.minusDays(20 + random.nextInt(400)).truncatedTo(ChronoUnit.SECONDS);
      var id = UUID.randomUUID();
      dsl.insertInto(CLIENTS)
          .set(CLIENTS.TENANT_ID, tenant.value())
          .set(CLIENTS.ID, id)
          .set(CLIENTS.NAME, name)
          .set(CLIENTS.CONTACT_NAME, first + " " + last)
          .set(CLIENTS.CONTACT_EMAIL, email)
          .set(CLIENTS.CONTACT_PHONE, String.format("+1 (%s) 555-%04d", place[3], random.nextInt(10000)))
          .set(CLIENTS.INDUSTRY, INDUSTRIES[i % INDUSTRIES.length])
          .set(CLIENTS.ADDRESS_LINE1, (100 + random.nextInt(9800)) + " " + STREETS[random.nextInt(STREETS.length)])
          .set(CLIENTS.ADDRESS_LINE2, random.nextInt(4) == 0 ? "Suite " + (100 + random.nextInt(900)) : null)
          .set(CLIENTS.CITY, place[0])
          .set(CLIENTS.STATE, place[1])
          .set(CLIENTS.ZIP_CODE, place[2])
          .set(CLIENTS.ESTIMATED_MONTHLY_SPEND, money(500 + random.nextInt(45_000)))
          .set(CLIENTS.STATUS, status)
          .set(CLIENTS.ACCOUNT_OWNER_ID, owner.value())
          .set(CLIENTS.ACCOUNT_OWNER_ASSIGNED_DATE, created.plusDays(random.nextInt(10)))
          .set(CLIENTS.COMPANY_ID, "CUST-" + (10_000 + i * 37))
          .set(CLIENTS.CREATED_BY, owner.value())
          .set(CLIENTS.CREATED_AT, created)
          .set(CLIENTS.UPDATED_AT, created)
          .execute();
      result.add(new DemoClient(id, name, first + " " + last, email, owner));
    }
    return result;
  }

  // ---- Deals --------------------------------------------------------------------------------

  private record DemoDeal(UUID id, String name, DemoClient client, String stage, UserId owner) {}

  private List<DemoDeal> deals(TenantId tenant, List<UserId> owners, List<DemoClient> clients, int count,
                               Random random) {
    List<DemoDeal> result = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    OffsetDateTime now = OffsetDateTime.now(clock);
    int[] rank = new int[STAGES.length];
    for (int i = 0; i < count; i++) {
      int s = STAGE_MIX[i % STAGE_MIX.length];
      String stage = STAGES[s];
      DemoClient client = clients.get(random.nextInt(clients.size()));
      UserId owner = random.nextInt(3) == 0 ? owners.get(random.nextInt(owners.size())) : client.owner();
      String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
      boolean closed = stage.startsWith("closed");
      LocalDate expected = closed ? today.minusDays(random.nextInt(75)) : today.plusDays(-12 + random.nextInt(130));
      LocalDate actual = closed ? expected.plusDays(random.nextInt(5) - 2) : null;
      if (actual != null && actual.isAfter(today)) {
        actual = today;
      }
      OffsetDateTime created = now.minusDays(15 + random.nextInt(150)).truncatedTo(ChronoUnit.SECONDS);
      rank[s] += 1;
      var id = UUID.randomUUID();
      String name = client.name() + " — " + product;
      dsl.insertInto(CRM_DEALS)
          .set(CRM_DEALS.TENANT_ID, tenant.value())
          .set(CRM_DEALS.ID, id)
          .set(CRM_DEALS.NAME, name)
          .set(CRM_DEALS.DESCRIPTION, product + " for " + client.name() + ". Champion: " + client.contact() + ".")
          .set(CRM_DEALS.STAGE, stage)
          .set(CRM_DEALS.STAGE_ORDER, BigDecimal.valueOf(rank[s] * 1000L))
          .set(CRM_DEALS.VALUE, money(2_000 + random.nextInt(48) * 2_500 + (random.nextInt(8) == 0 ? 150_000 : 0)))
          .set(CRM_DEALS.CURRENCY, random.nextInt(10) == 0 ? "EUR" : "USD")
          .set(CRM_DEALS.PROBABILITY, PROBABILITIES[s])
          .set(CRM_DEALS.CLIENT_ID, client.id())
          .set(CRM_DEALS.CONTACT_NAME, client.contact())
          .set(CRM_DEALS.CONTACT_EMAIL, client.email())
          .set(CRM_DEALS.EXPECTED_CLOSE_DATE, expected)
          .set(CRM_DEALS.ACTUAL_CLOSE_DATE, actual)
          .set(CRM_DEALS.OWNER_ID, owner.value())
          .set(CRM_DEALS.SOURCE, SOURCES[random.nextInt(SOURCES.length)])
          .set(CRM_DEALS.LOST_REASON, stage.equals("closed_lost") ? LOST_REASONS[random.nextInt(LOST_REASONS.length)] : null)
          .set(CRM_DEALS.CREATED_BY, owner.value())
          .set(CRM_DEALS.CREATED_AT, created)
          .set(CRM_DEALS.UPDATED_AT, created)
          .execute();
      result.add(new DemoDeal(id, name, client, stage, owner));
    }
    return result;
  }

  // ---- Activities ---------------------------------------------------------------------------

  private int activities(TenantId tenant, List<UserId> owners, List<DemoClient> clients, List<DemoDeal> deals,
                         Random random) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    int written = 0;
    for (DemoClient client : clients) {
      int n = 3 + random.nextInt(4);
      for (int k = 0; k < n; k++) {
        String type = ACTIVITY_TYPES[(k + random.nextInt(ACTIVITY_TYPES.length)) % ACTIVITY_TYPES.length];
        OffsetDateTime at = now.minusHours(2 + random.nextInt(24 * 90)).truncatedTo(ChronoUnit.MINUTES);
        activity(tenant, "client", client.id(), type, at, client.contact(), client.email(),
            owners.get(random.nextInt(owners.size())), null, null, random);
        written++;
      }
    }
    for (DemoDeal deal : deals) {
      OffsetDateTime at = now.minusHours(1 + random.nextInt(24 * 30)).truncatedTo(ChronoUnit.MINUTES);
      activity(tenant, "deal", deal.id(), random.nextBoolean() ? "call" : "email", at, deal.client().contact(),
          deal.client().email(), deal.owner(), null, null, random);
      written++;
      if (!deal.stage().equals("lead")) {
        String from = previousStage(deal.stage());
        activity(tenant, "deal", deal.id(), "status_change", at.plusHours(3), deal.client().contact(),
            deal.client().email(), deal.owner(), from, deal.stage(), random);
        activity(tenant, "client", deal.client().id(), "status_change", at.plusHours(3), deal.client().contact(),
            deal.client().email(), deal.owner(), from, deal.stage(), random);
        written += 2;
      }
    }
    return written;
  }

  private void activity(TenantId tenant, String entityType, UUID entityId, String type, OffsetDateTime at,
                        String contact, String email, UserId by, @Nullable String from, @Nullable String to,
                        Random random) {
    var insert = dsl.insertInto(CRM_ACTIVITIES)
        .set(CRM_ACTIVITIES.TENANT_ID, tenant.value())
        .set(CRM_ACTIVITIES.ENTITY_TYPE, entityType)
        .set(CRM_ACTIVITIES.ENTITY_ID, entityId)
        .set(CRM_ACTIVITIES.ACTIVITY_TYPE, type)
        .set(CRM_ACTIVITIES.CREATED_BY, by.value())
        .set(CRM_ACTIVITIES.CREATED_AT, at)
        .set(CRM_ACTIVITIES.UPDATED_AT, at);
    switch (type) {
      case "email" -> {
        boolean opened = random.nextInt(3) > 0;
        boolean clicked = opened && random.nextBoolean();
        insert = insert.set(CRM_ACTIVITIES.SUBJECT, EMAIL_SUBJECTS[random.nextInt(EMAIL_SUBJECTS.length)])
            .set(CRM_ACTIVITIES.DESCRIPTION, "Hi " + contact.split(" ")[0] + ", following up on our conversation.")
            .set(CRM_ACTIVITIES.EMAIL_FROM, "sales@northwind.example")
            .set(CRM_ACTIVITIES.EMAIL_TO, email)
            .set(CRM_ACTIVITIES.EMAIL_OPENED, opened)
            .set(CRM_ACTIVITIES.EMAIL_OPENED_AT, opened ? at.plusMinutes(20 + random.nextInt(600)) : null)
            .set(CRM_ACTIVITIES.EMAIL_CLICKED, clicked)
            .set(CRM_ACTIVITIES.EMAIL_CLICKED_AT, clicked ? at.plusMinutes(700 + random.nextInt(300)) : null);
      }
      case "call" -> {
        String outcome = CALL_OUTCOMES[random.nextInt(CALL_OUTCOMES.length)];
        insert = insert.set(CRM_ACTIVITIES.SUBJECT, "Call with " + contact)
            .set(CRM_ACTIVITIES.DESCRIPTION, outcome.equals("answered") ? "Discussed timeline and budget." : null)
            .set(CRM_ACTIVITIES.CALL_DURATION, outcome.equals("answered") ? 120 + random.nextInt(1800) : 0)
            .set(CRM_ACTIVITIES.CALL_OUTCOME, outcome);
      }
      case "meeting" -> insert = insert.set(CRM_ACTIVITIES.SUBJECT, "Discovery meeting")
          .set(CRM_ACTIVITIES.DESCRIPTION, "Walked through requirements with " + contact + ".")
          .set(CRM_ACTIVITIES.MEETING_START_TIME, at.minusHours(1))
          .set(CRM_ACTIVITIES.MEETING_END_TIME, at)
          .set(CRM_ACTIVITIES.MEETING_LOCATION, "Video call")
          .set(CRM_ACTIVITIES.MEETING_ATTENDEES, JSONB.valueOf("[{\"name\": \"" + contact + "\", \"email\": \""
              + email + "\"}]"));
      // As the timeline module writes them: "Qualified → Proposal", from/to keys in the metadata.
      case "status_change" -> insert = insert.set(CRM_ACTIVITIES.SUBJECT, label(from) + " → " + label(to))
          .set(CRM_ACTIVITIES.METADATA, JSONB.valueOf("{\"fromStage\": \"" + from + "\", \"toStage\": \"" + to + "\"}"));
      case "task" -> insert = insert.set(CRM_ACTIVITIES.SUBJECT, TASKS[random.nextInt(TASKS.length)])
          .set(CRM_ACTIVITIES.METADATA, JSONB.valueOf("{\"done\": " + random.nextBoolean() + "}"));
      case "sms" -> insert = insert.set(CRM_ACTIVITIES.SUBJECT, "Text to " + contact)
          .set(CRM_ACTIVITIES.DESCRIPTION, "Running 5 minutes late, see you soon!");
      case "document" -> insert = insert.set(CRM_ACTIVITIES.SUBJECT, DOCUMENTS[random.nextInt(DOCUMENTS.length)])
          .set(CRM_ACTIVITIES.METADATA, JSONB.valueOf("{\"fileName\": \"proposal-v2.pdf\", \"sizeBytes\": 248512}"));
      default -> insert = insert.set(CRM_ACTIVITIES.SUBJECT, "Note")
          .set(CRM_ACTIVITIES.DESCRIPTION, "Prefers e-mail over phone; decision expected after board meeting.");
    }
    insert.execute();
  }

  // ---- Notes and meetings -------------------------------------------------------------------

  private int notes(TenantId tenant, List<UserId> owners, List<DemoClient> clients, List<DemoDeal> deals,
                    Random random) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    int written = 0;
    for (int i = 0; i < clients.size() + deals.size() / 3; i++) {
      boolean onClient = i < clients.size();
      UUID entity = onClient ? clients.get(i).id() : deals.get(random.nextInt(deals.size())).id();
      OffsetDateTime at = now.minusHours(random.nextInt(24 * 60)).truncatedTo(ChronoUnit.MINUTES);
      dsl.insertInto(CRM_NOTES)
          .set(CRM_NOTES.TENANT_ID, tenant.value())
          .set(CRM_NOTES.ENTITY_TYPE, onClient ? "client" : "deal")
          .set(CRM_NOTES.ENTITY_ID, entity)
          .set(CRM_NOTES.CONTENT, NOTES[random.nextInt(NOTES.length)])
          .set(CRM_NOTES.IS_PINNED, random.nextInt(4) == 0)
          .set(CRM_NOTES.COLOR, NOTE_COLORS[random.nextInt(NOTE_COLORS.length)])
          .set(CRM_NOTES.CREATED_BY, owners.get(random.nextInt(owners.size())).value())
          .set(CRM_NOTES.CREATED_AT, at)
          .set(CRM_NOTES.UPDATED_AT, at)
          .execute();
      written++;
    }
    return written;
  }

  private int meetings(TenantId tenant, List<UserId> owners, List<DemoClient> clients, List<DemoDeal> deals,
                       Random random) {
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.HOURS);
    int count = Math.max(6, deals.size() * 2 / 5);
    for (int i = 0; i < count; i++) {
      DemoDeal deal = deals.get(random.nextInt(deals.size()));
      boolean past = i % 2 == 0;
      OffsetDateTime start = past ? now.minusDays(1 + random.nextInt(30)).withHour(9 + random.nextInt(8))
          : now.plusDays(random.nextInt(21)).withHour(9 + random.nextInt(8));
      if (!past && !start.isAfter(now)) {
        start = start.plusDays(1);
      }
      String locationType = LOCATION_TYPES[random.nextInt(LOCATION_TYPES.length)];
      String attendeeStatus = past ? "accepted" : ATTENDEE_STATES[random.nextInt(ATTENDEE_STATES.length)];
      dsl.insertInto(CRM_MEETINGS)
          .set(CRM_MEETINGS.TENANT_ID, tenant.value())
          .set(CRM_MEETINGS.TITLE, MEETING_TITLES[random.nextInt(MEETING_TITLES.length)] + " — " + deal.client().name())
          .set(CRM_MEETINGS.DESCRIPTION, "Agenda: goals, timeline, next steps.")
          .set(CRM_MEETINGS.START_TIME, start)
          .set(CRM_MEETINGS.END_TIME, start.plusMinutes(30 + 30L * random.nextInt(3)))
          .set(CRM_MEETINGS.TIMEZONE, TIMEZONES[random.nextInt(TIMEZONES.length)])
          .set(CRM_MEETINGS.LOCATION_TYPE, locationType)
          .set(CRM_MEETINGS.LOCATION, switch (locationType) {
            case "in_person" -> "Client office";
            case "phone" -> "+1 (415) 555-0134";
            default -> "Video call";
          })
          .set(CRM_MEETINGS.MEETING_URL, locationType.equals("video") ? "https://meet.example.com/" + Integer.toHexString(random.nextInt()) : null)
          .set(CRM_MEETINGS.CLIENT_ID, deal.client().id())
          .set(CRM_MEETINGS.DEAL_ID, deal.id())
          .set(CRM_MEETINGS.ATTENDEES, JSONB.valueOf("[{\"name\": \"" + deal.client().contact() + "\", \"email\": \""
              + deal.client().email() + "\", \"status\": \"" + attendeeStatus + "\"}]"))
          .set(CRM_MEETINGS.REMINDER_MINUTES, new Integer[] {15, 60})
          .set(CRM_MEETINGS.STATUS, past ? (random.nextInt(6) == 0 ? "no_show" : "completed") : "scheduled")
          .set(CRM_MEETINGS.OUTCOME, past ? "Agreed next steps; proposal to follow." : null)
          .set(CRM_MEETINGS.ORGANIZER_ID, deal.owner().value())
          .set(CRM_MEETINGS.CREATED_BY, deal.owner().value())
          .execute();
    }
    return count;
  }

  private static String previousStage(String stage) {
    return switch (stage) {
      case "qualified" -> "lead";
      case "proposal" -> "qualified";
      case "negotiation" -> "proposal";
      default -> "negotiation";
    };
  }

  private static BigDecimal money(long whole) {
    return BigDecimal.valueOf(whole).setScale(2, RoundingMode.UNNECESSARY);
  }

  // ---- Vocabulary ---------------------------------------------------------------------------

  private static final String[] STAGES = {"lead", "qualified", "proposal", "negotiation", "closed_won", "closed_lost"};
  private static final int[] PROBABILITIES = {10, 25, 50, 75, 100, 0};
  /** How 60 deals spread over the stages: a funnel, with some won and lost. */
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
  private static final String[] NOTE_COLORS = {"default", "default", "yellow", "green", "blue", "red"};
  private static final String[] MEETING_TITLES = {"Discovery call", "Product demo", "Pricing review",
      "Quarterly business review", "Contract walkthrough", "Kick-off"};
  private static final String[] LOCATION_TYPES = {"video", "video", "in_person", "phone"};
  private static final String[] ATTENDEE_STATES = {"pending", "accepted", "accepted", "declined", "tentative"};
  private static final String[] TIMEZONES = {"America/New_York", "America/Chicago", "America/Los_Angeles",
      "Europe/London"};

  private static String label(@Nullable String stage) {
    return stage == null ? "?" : com.orbitcrm.deals.Pipeline.standard().stage(stage)
        .map(com.orbitcrm.deals.Stage::label).orElse(stage);
  }
}
