package com.orbitcrm.imports.app;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientDraft;
import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.app.ClientService;
import com.orbitcrm.clients.app.ClientService.ClientChange;
import com.orbitcrm.clients.app.ClientService.NewClient;
import com.orbitcrm.customfields.FieldDefinition;
import com.orbitcrm.customfields.app.CustomFieldService;
import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealDraft;
import com.orbitcrm.deals.DealId;
import com.orbitcrm.deals.app.DealCommands.CreateDeal;
import com.orbitcrm.deals.app.DealService;
import com.orbitcrm.imports.ColumnMapping;
import com.orbitcrm.imports.Dedupe;
import com.orbitcrm.imports.ImportJob;
import com.orbitcrm.imports.ImportKind;
import com.orbitcrm.imports.ImportSettings;
import com.orbitcrm.imports.ImportStatus;
import com.orbitcrm.imports.Progress;
import com.orbitcrm.imports.RejectedRow;
import com.orbitcrm.imports.WrittenRecord;
import com.orbitcrm.imports.port.ImportQueue;
import com.orbitcrm.imports.port.Imports;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.TableStatistics;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.app.MemberService;
import com.orbitcrm.tenancy.app.WorkspaceCalendar;
import com.orbitcrm.platform.CsvCell;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of the current workspace: upload a CSV file (checked whole before anything is kept), map its
 * columns, preview, run as a background job in batches of {@link #BATCH} rows (each batch one transaction
 * that also records the job's progress, what it wrote and what it refused), download the refused rows, undo
 * within {@link ImportJob#UNDO_WINDOW}. Members import; viewers read the history only. Records are written
 * only through the clients' and deals' batch use cases, with every rule of their single create and update.
 */
@Service
public class ImportService {

  /** Rows per committed batch. */
  public static final int BATCH = 2_000;
  /** Rows the preview shows. */
  public static final int PREVIEW_ROWS = 10;

  private static final Logger log = LoggerFactory.getLogger(ImportService.class);
  /** Rows written from which an import brings the planner's statistics up to date (a table's shape may change). */
  static final int ANALYZE_FROM = 1_000;

  private final Imports imports;
  private final ImportQueue queue;
  private final ClientService clients;
  private final DealService deals;
  private final CustomFieldService customFields;
  private final MemberService members;
  private final WorkspaceCalendar calendar;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final TableStatistics statistics;

  ImportService(Imports imports, ImportQueue queue, ClientService clients, DealService deals,
                CustomFieldService customFields, MemberService members, WorkspaceCalendar calendar,
                PlatformTransactionManager transactions, Clock clock, TableStatistics statistics) {
    this.imports = imports;
    this.queue = queue;
    this.clients = clients;
    this.deals = deals;
    this.customFields = customFields;
    this.members = members;
    this.calendar = calendar;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
    this.statistics = statistics;
  }

  // ---- Starting ------------------------------------------------------------------------------------

  /**
   * Keeps an uploaded file as a new import: queued at once (the API, and the browser after its mapping), or a
   * draft waiting for its mapping. The file is read whole first; a bad one is refused and nothing is kept.
   *
   * @throws InvalidInputException ({@code file}, {@code entity}, {@code mapping}) for a bad file or choice.
   */
  @Transactional
  public ImportJob upload(@Nullable String entity, String fileName, byte[] file, ImportSettings settings,
                          boolean dryRun, boolean queued) {
    var scope = TenantContext.requireWriter();
    ImportKind kind = ImportKind.fromKey(entity).orElseThrow(() ->
        InvalidInputException.of("entity", "must be clients or deals"));
    var shape = CsvFile.of(file).check();
    if (queued) {
      mapping(kind, shape.headers(), settings);
    }
    String name = fileName.isBlank() ? kind.key() + ".csv" : fileName.strip();
    var job = ImportJob.create(UUID.randomUUID(), scope.tenant(), kind,
        name.length() > 255 ? name.substring(0, 255) : name, settings, dryRun, queued, scope.user(), clock.instant())
        .withProgress(shape.rows(), Progress.NONE);
    imports.insert(job, file);
    if (queued) {
      enqueueAfterCommit(job);
    }
    return job;
  }

  /** Queues a draft, or a dry run that completed, with the user's choices: for a dry run or for real. */
  @Transactional
  public ImportJob queue(UUID id, ImportSettings settings, boolean dryRun) {
    TenantContext.requireWriter();
    ImportJob job = get(id);
    if (!job.canQueue()) {
      throw new ConflictException("This import is " + job.status().key() + ": it cannot be started again");
    }
    mapping(job.kind(), headers(job), settings);
    imports.clearRun(job.tenant(), job.id());
    ImportJob next = job.queue(settings, dryRun).withProgress(job.total(), Progress.NONE);
    imports.save(next);
    enqueueAfterCommit(next);
    return next;
  }

  private void enqueueAfterCommit(ImportJob job) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          queue.enqueue(job.tenant(), job.id());
        }
      });
    } else {
      queue.enqueue(job.tenant(), job.id());
    }
  }

  // ---- Reading -------------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public ImportJob get(UUID id) {
    return imports.find(TenantContext.requireTenant(), id).orElseThrow(() -> new NotFoundException("Import"));
  }

  @Transactional(readOnly = true)
  public List<ImportJob> latest(int limit) {
    return imports.latest(TenantContext.requireTenant(), Math.max(1, Math.min(limit, 200)));
  }

  /** The header row of the job's file. */
  @Transactional(readOnly = true)
  public List<String> headers(ImportJob job) {
    return CsvFile.of(file(job)).headers();
  }

  /** The first {@code limit} data rows of the job's file, as read (the mapping page shows a few values). */
  @Transactional(readOnly = true)
  public List<List<String>> samples(UUID id, int limit) {
    ImportJob job = get(id);
    return CsvFile.of(file(job)).first(limit).stream().map(CsvFile.Row::cells).toList();
  }

  /** The columns as {@code settings} would map them (automatic matches for those it leaves out). */
  @Transactional(readOnly = true)
  public ColumnMapping mapping(ImportJob job, ImportSettings settings) {
    return mapping(job.kind(), headers(job), settings);
  }

  /** The custom fields a column may fill: name → label. */
  @Transactional(readOnly = true)
  public Map<String, String> customFields(ImportKind kind) {
    Map<String, String> out = new LinkedHashMap<>();
    customFields.definitions(kind.recordType()).forEach(d -> out.put(d.fieldName(), d.fieldLabel()));
    return out;
  }

  private ColumnMapping mapping(ImportKind kind, List<String> headers, ImportSettings settings) {
    return ColumnMapping.resolve(kind, headers, customFields(kind), settings.mapping());
  }

  private byte[] file(ImportJob job) {
    return imports.file(job.tenant(), job.id()).orElseThrow(() ->
        new ConflictException("This import's file is no longer kept"));
  }

  /** One row of the preview: its line, the cells by field as they will be stored, the problems by field. */
  public record PreviewRow(long line, String outcome, Map<String, String> values, Map<String, String> problems) {}

  /**
   * The first rows as the import would store them, checked by the same rules (nothing is written).
   *
   * @throws InvalidInputException when the mapping is not possible.
   */
  @Transactional
  public List<PreviewRow> preview(UUID id, ImportSettings settings) {
    TenantContext.requireWriter();
    ImportJob job = get(id);
    CsvFile csv = CsvFile.of(file(job));
    ColumnMapping mapping = mapping(job.kind(), csv.headers(), settings);
    var run = new Run(job.withSettings(settings), mapping, true);
    List<CsvFile.Row> rows = csv.first(PREVIEW_ROWS);
    List<Outcome> outcomes = run.batch(rows);
    List<PreviewRow> out = new ArrayList<>();
    for (Outcome o : outcomes) {
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < mapping.targets().size(); i++) {
        String t = mapping.targets().get(i);
        if (!t.equals(ColumnMapping.IGNORE) && i < o.row().cells().size()) {
          values.put(t, o.row().cells().get(i));
        }
      }
      Map<String, String> problems = new LinkedHashMap<>();
      o.problems().forEach(p -> problems.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
      out.add(new PreviewRow(o.row().line(), o.action().name().toLowerCase(java.util.Locale.ROOT), values,
          problems));
    }
    return out;
  }

  /** The refused rows as CSV: {@code line}, {@code reason}, then the file's own columns. */
  @Transactional(readOnly = true)
  public byte[] rejectedCsv(UUID id) {
    ImportJob job = get(id);
    List<String> headers = imports.file(job.tenant(), job.id()).map(f -> CsvFile.of(f).headers()).orElse(List.of());
    var bytes = new ByteArrayOutputStream();
    try (var writer = CsvWriter.builder().build(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
      List<String> head = new ArrayList<>(List.of("line", "reason"));
      head.addAll(headers);
      writer.writeRecord(head);
      for (RejectedRow r : imports.rejects(job.tenant(), job.id(), ImportJob.MAX_ROWS)) {
        List<String> row = new ArrayList<>(List.of(String.valueOf(r.line()), CsvCell.neutralise(r.reason())));
        // The text each cell stood for, written so that a spreadsheet shows it rather than runs it.
        r.fields().forEach(cell -> row.add(cell == null ? "" : CsvCell.neutralise(CsvCell.restore(cell))));
        writer.writeRecord(row);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The first refused rows, for the result page. */
  @Transactional(readOnly = true)
  public List<RejectedRow> rejects(UUID id, int limit) {
    ImportJob job = get(id);
    return imports.rejects(job.tenant(), job.id(), limit);
  }

  // ---- Undo ----------------------------------------------------------------------------------------

  /**
   * Undoes a whole import: what it created goes to the trash (restorable from there), what it updated gets
   * its old fields back. Once, within {@link ImportJob#UNDO_WINDOW} of its end.
   */
  @Transactional
  public ImportJob undo(UUID id) {
    TenantContext.requireWriter();
    ImportJob job = get(id);
    var now = clock.instant();
    if (!job.undoableAt(now)) {
      throw new ConflictException(job.undoneAt() != null ? "This import was already undone"
          : "Only an import that wrote records can be undone, within 7 days of its end");
    }
    List<WrittenRecord> written = imports.written(job.tenant(), job.id());
    List<DealId> createdDeals = new ArrayList<>();
    List<ClientId> createdClients = new ArrayList<>();
    List<ClientChange> restored = new ArrayList<>();
    for (WrittenRecord w : written) {
      if (w.type().equals(Deal.RECORD_TYPE) && w.created()) {
        createdDeals.add(new DealId(w.id()));
      } else if (w.type().equals(Client.RECORD_TYPE) && w.created()) {
        createdClients.add(new ClientId(w.id()));
      } else if (w.type().equals(Client.RECORD_TYPE) && w.previous() != null) {
        Map<String, @Nullable String> previous = w.previous();
        restored.add(new ClientChange(new ClientId(w.id()), d -> {
          ClientDraft back = ClientDraft.empty();
          for (String f : ClientDraft.FIELDS) {
            back = back.with(f, previous.get(f));
          }
          return back;
        }, Map.of()));
      }
    }
    deals.deleteAll(createdDeals);
    clients.deleteAll(createdClients);
    clients.updateAll(restored, false);
    ImportJob undone = job.undone(now);
    imports.save(undone);
    return undone;
  }

  // ---- Running (the background job) -----------------------------------------------------------------

  /**
   * Runs a queued import (or resumes one a stopped instance was running) in its workspace, as the member who
   * started it: batch by batch, each committed with its progress; a run resumed skips the rows committed
   * before. Ends completed, or failed with a reason; never throws.
   */
  public void run(TenantId tenant, UUID id) {
    ImportJob found = TenantContext.callAs(TenantContext.Scope.system(tenant),
        () -> tx.execute(s -> imports.find(tenant, id).orElse(null)));
    if (found == null || found.status().finished() || found.status() == ImportStatus.DRAFT) {
      return;
    }
    var scope = new TenantContext.Scope(tenant, found.createdBy(), Role.MEMBER);
    TenantContext.runAs(scope, () -> {
      try {
        runInScope(tenant, id);
      } catch (RuntimeException e) {
        String reason = e instanceof InvalidInputException invalid
            ? invalid.violations().stream().map(FieldViolation::message).collect(Collectors.joining("; "))
            : "the import stopped: " + e.getMessage();
        log.warn("Import {} failed: {}", id, reason, e instanceof InvalidInputException ? null : e);
        inTx(() -> {
          imports.find(tenant, id).ifPresent(j -> imports.save(j.failed(reason, clock.instant())));
          return null;
        });
      }
    });
  }

  private void runInScope(TenantId tenant, UUID id) {
    ImportJob job = inTx(() -> {
      ImportJob started = imports.find(tenant, id).orElseThrow().start(clock.instant());
      imports.save(started);
      return started;
    });
    byte[] file = inTx(() -> imports.file(tenant, id).orElseThrow(() ->
        InvalidInputException.of("file", "the file of this import is no longer kept")));
    CsvFile csv = CsvFile.of(file);
    var shape = csv.check();
    ColumnMapping mapping = inTx(() -> mapping(job.kind(), shape.headers(), job.settings()));
    int skip = job.processed();
    if (job.settings().allOrNothing() && !job.dryRun()
        && (skip == 0 || inTx(() -> imports.written(tenant, id).isEmpty()))) {
      inTx(() -> {
        imports.clearRun(tenant, id);
        return null;
      });
      Progress checked = pass(job.withProgress(shape.rows(), Progress.NONE), csv, mapping, true, 0);
      if (checked.rejected() > 0) {
        inTx(() -> {
          imports.save(imports.find(tenant, id).orElseThrow().failed(checked.rejected() + " of " + shape.rows()
              + " rows have errors, so nothing was imported (all or nothing): download them, fix them and "
              + "upload again, or import the valid rows only", clock.instant()));
          return null;
        });
        return;
      }
      inTx(() -> {
        imports.clearRun(tenant, id);
        imports.save(imports.find(tenant, id).orElseThrow().withProgress(shape.rows(), Progress.NONE));
        return null;
      });
      skip = 0;
    }
    ImportJob current = inTx(() -> imports.find(tenant, id).orElseThrow());
    Progress done = pass(current.withProgress(shape.rows(), skip == 0 ? Progress.NONE : current.progress()), csv,
        mapping, job.dryRun(), skip);
    if (!job.dryRun() && done.created() + done.updated() >= ANALYZE_FROM) {
      // Thousands of rows at once: the planner would keep the tables' old shape (autovacuum may be off).
      inTx(() -> {
        statistics.refresh(job.kind() == ImportKind.CLIENTS
            ? List.of("clients", "client_search_words", "crm_custom_field_values", "import_records")
            : List.of("crm_deals", "crm_deal_figures", "clients", "client_search_words", "crm_custom_field_values",
                "import_records"));
        return null;
      });
    }
    inTx(() -> {
      imports.save(imports.find(tenant, id).orElseThrow().completed(clock.instant()));
      return null;
    });
  }

  /** One pass over the file from row {@code skip}: batches, each committed with the figures after it. */
  private Progress pass(ImportJob job, CsvFile csv, ColumnMapping mapping, boolean dryRun, int skip) {
    Run run = inTx(() -> new Run(job, mapping, dryRun));
    Progress[] total = {job.progress()};
    List<CsvFile.Row> buffer = new ArrayList<>(BATCH);
    Runnable flush = () -> {
      List<CsvFile.Row> rows = List.copyOf(buffer);
      buffer.clear();
      total[0] = inTx(() -> {
        List<Outcome> outcomes = run.batch(rows);
        List<RejectedRow> rejects = new ArrayList<>();
        List<WrittenRecord> written = new ArrayList<>();
        int created = 0;
        int updated = 0;
        for (Outcome o : outcomes) {
          switch (o.action()) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case REJECTED -> rejects.add(new RejectedRow(o.row().line(), reason(o.problems()), o.row().cells()));
            case SKIPPED -> { }
          }
          if (!dryRun) {
            written.addAll(o.written());
          }
        }
        Progress after = total[0].plus(new Progress(rows.size(), created, updated, rejects.size()));
        imports.recordBatch(job.tenant(), job.id(), job.total(), after, rejects, written);
        return after;
      });
    };
    csv.forEachRow(skip, row -> {
      buffer.add(row);
      if (buffer.size() >= BATCH) {
        flush.run();
      }
    });
    if (!buffer.isEmpty()) {
      flush.run();
    }
    return total[0];
  }

  private static String reason(List<FieldViolation> problems) {
    return problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
  }

  private <T> T inTx(Supplier<T> work) {
    return tx.execute(status -> work.get());
  }

  // ---- One batch -----------------------------------------------------------------------------------

  enum Action { CREATED, UPDATED, SKIPPED, REJECTED }

  /** What became of one row, and what it wrote (for undo). */
  record Outcome(CsvFile.Row row, Action action, List<FieldViolation> problems, List<WrittenRecord> written) {
    static Outcome rejected(CsvFile.Row row, List<FieldViolation> problems) {
      return new Outcome(row, Action.REJECTED, problems, List.of());
    }
  }

  /**
   * The state of one pass: the mapping, the value mapping against this workspace's members and pipeline, the
   * dedupe keys seen so far in the file, the clients created for deals so far.
   */
  private final class Run {
    private final ImportJob job;
    private final ColumnMapping mapping;
    private final boolean dryRun;
    private final RowReader reader;
    private final Set<String> seenKeys = new HashSet<>();
    private final Map<String, ClientId> createdClients = new HashMap<>();

    Run(ImportJob job, ColumnMapping mapping, boolean dryRun) {
      this.job = job;
      this.mapping = mapping;
      this.dryRun = dryRun;
      List<FieldDefinition> definitions = customFields.definitions(job.kind().recordType());
      var values = job.settings().values();
      this.reader = new RowReader(mapping, definitions, values.owners(members.members()),
          job.kind() == ImportKind.DEALS ? values.stages(deals.pipeline()) : null, calendar.zone());
    }

    List<Outcome> batch(List<CsvFile.Row> rows) {
      return job.kind() == ImportKind.CLIENTS ? clientsBatch(rows) : dealsBatch(rows);
    }

    private List<FieldViolation> shape(CsvFile.Row row) {
      List<FieldViolation> problems = new ArrayList<>();
      if (row.cells().size() > mapping.headers().size()) {
        problems.add(new FieldViolation("row", "has " + row.cells().size() + " cells, the header "
            + mapping.headers().size()));
      }
      return problems;
    }

    private List<Outcome> clientsBatch(List<CsvFile.Row> rows) {
      Dedupe dedupe = job.settings().dedupe();
      Outcome[] out = new Outcome[rows.size()];
      Map<Integer, String> keys = new HashMap<>();
      Map<Integer, List<FieldViolation>> problems = new HashMap<>();
      for (int i = 0; i < rows.size(); i++) {
        CsvFile.Row row = rows.get(i);
        List<FieldViolation> p = shape(row);
        reader.clientDraft(row.cells(), p, null);
        reader.instant(row.cells(), "createdAt", p);
        if (dedupe.by() != Dedupe.By.NONE) {
          String key = reader.cell(row.cells(), dedupe.by().field());
          if (key != null) {
            String k = Dedupe.key(key);
            if (!seenKeys.add(k)) {
              p.add(new FieldViolation(dedupe.by().field(), "an earlier row of this file has the same "
                  + dedupe.by().field() + " \"" + key + "\""));
            } else {
              keys.put(i, k);
            }
          }
        }
        if (!p.isEmpty()) {
          out[i] = Outcome.rejected(row, p);
        }
        problems.put(i, p);
      }
      Map<String, ClientId> existing = dedupe.by() == Dedupe.By.NONE || dedupe.onMatch() == Dedupe.OnMatch.CREATE
          ? Map.of() : clients.findBy(dedupe.by().field(), keys.values());
      List<Integer> newIndex = new ArrayList<>();
      List<NewClient> news = new ArrayList<>();
      List<Integer> changeIndex = new ArrayList<>();
      List<ClientChange> changes = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        if (out[i] != null) {
          continue;
        }
        List<String> cells = rows.get(i).cells();
        ClientId match = keys.containsKey(i) ? existing.get(keys.get(i)) : null;
        if (match != null && dedupe.onMatch() == Dedupe.OnMatch.SKIP) {
          out[i] = new Outcome(rows.get(i), Action.SKIPPED, List.of(), List.of());
        } else if (match != null) {
          changeIndex.add(i);
          changes.add(new ClientChange(match, current -> reader.clientDraft(cells, new ArrayList<>(), current),
              reader.customValues(cells)));
        } else {
          newIndex.add(i);
          news.add(new NewClient(reader.clientDraft(cells, new ArrayList<>(), null), reader.customValues(cells),
              reader.instant(cells, "createdAt", new ArrayList<>())));
        }
      }
      var created = clients.createAll(news, dryRun);
      for (int n = 0; n < created.size(); n++) {
        int i = newIndex.get(n);
        var w = created.get(n);
        out[i] = w.ok() ? new Outcome(rows.get(i), Action.CREATED, List.of(),
            List.of(new WrittenRecord(Client.RECORD_TYPE, w.id().value(), true, null)))
            : Outcome.rejected(rows.get(i), w.problems());
      }
      var updated = clients.updateAll(changes, dryRun);
      for (int n = 0; n < updated.size(); n++) {
        int i = changeIndex.get(n);
        var w = updated.get(n);
        out[i] = w.ok() ? new Outcome(rows.get(i), Action.UPDATED, List.of(),
            List.of(new WrittenRecord(Client.RECORD_TYPE, w.id().value(), false, fields(w.previous()))))
            : Outcome.rejected(rows.get(i), w.problems());
      }
      return List.of(out);
    }

    private Map<String, @Nullable String> fields(@Nullable ClientDraft d) {
      Map<String, @Nullable String> out = new LinkedHashMap<>();
      if (d != null) {
        for (String f : ClientDraft.FIELDS) {
          ClientDraft only = d;
          out.put(f, switch (f) {
            case "name" -> only.name();
            case "contactName" -> only.contactName();
            case "contactEmail" -> only.contactEmail();
            case "contactPhone" -> only.contactPhone();
            case "industry" -> only.industry();
            case "addressLine1" -> only.addressLine1();
            case "addressLine2" -> only.addressLine2();
            case "city" -> only.city();
            case "state" -> only.state();
            case "zipCode" -> only.zipCode();
            case "estimatedMonthlySpend" -> only.estimatedMonthlySpend();
            case "status" -> only.status();
            case "accountOwnerId" -> only.accountOwnerId();
            case "companyId" -> only.companyId();
            default -> null;
          });
        }
      }
      return out;
    }

    /** How a row names its client: by id, company id, e-mail or name (the first mapped and filled). */
    private record ClientRef(String by, String key, String raw) {}

    private @Nullable ClientRef clientRef(List<String> cells) {
      String id = reader.cell(cells, "clientId");
      if (id != null) {
        try {
          UUID.fromString(id);
          return new ClientRef("id", id, id);
        } catch (IllegalArgumentException e) {
          return new ClientRef("companyId", Dedupe.key(id), id);
        }
      }
      for (String[] t : new String[][] {{"clientCompanyId", "companyId"}, {"clientEmail", "contactEmail"},
          {"clientName", "name"}}) {
        String v = reader.cell(cells, t[0]);
        if (v != null) {
          return new ClientRef(t[1], Dedupe.key(v), v);
        }
      }
      return null;
    }

    private List<Outcome> dealsBatch(List<CsvFile.Row> rows) {
      Outcome[] out = new Outcome[rows.size()];
      List<ClientRef> refs = new ArrayList<>();
      List<List<FieldViolation>> problems = new ArrayList<>();
      for (CsvFile.Row row : rows) {
        refs.add(clientRef(row.cells()));
        problems.add(shape(row));
      }
      Map<String, Map<String, ClientId>> found = new HashMap<>();
      for (String by : List.of("companyId", "contactEmail", "name")) {
        Set<String> wanted = refs.stream().filter(r -> r != null && r.by().equals(by))
            .map(ClientRef::key).filter(k -> !createdClients.containsKey(by + ":" + k))
            .collect(Collectors.toSet());
        found.put(by, wanted.isEmpty() ? Map.of() : clients.findBy(by, wanted));
      }
      // Clients named and not found: created first (once per name), when the user chose so.
      Map<String, Integer> toCreate = new LinkedHashMap<>();
      List<NewClient> newClients = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        ClientRef ref = refs.get(i);
        if (ref == null || ref.by().equals("id") || found.get(ref.by()).containsKey(ref.key())
            || createdClients.containsKey(ref.by() + ":" + ref.key())) {
          continue;
        }
        if (!job.settings().createClients()) {
          problems.get(i).add(new FieldViolation(clientField(ref), "no client has " + clientField(ref).replace(
              "client", "").toLowerCase(java.util.Locale.ROOT) + " \"" + ref.raw() + "\": add it first, or "
              + "choose to create missing clients"));
          continue;
        }
        if (!toCreate.containsKey(ref.by() + ":" + ref.key())) {
          List<String> cells = rows.get(i).cells();
          ClientDraft draft = ClientDraft.empty()
              .with("name", firstNonNull(reader.cell(cells, "clientName"), ref.raw()))
              .with("contactEmail", reader.cell(cells, "clientEmail"))
              .with("companyId", ref.by().equals("companyId") ? ref.raw() : reader.cell(cells, "clientCompanyId"));
          toCreate.put(ref.by() + ":" + ref.key(), newClients.size());
          newClients.add(new NewClient(draft, Map.of(), null));
        }
      }
      List<ClientService.Written> madeClients = dryRun || newClients.isEmpty() ? List.of()
          : clients.createAll(newClients, false);
      List<String> createKeys = new ArrayList<>(toCreate.keySet());
      Map<String, List<FieldViolation>> clientProblems = new HashMap<>();
      for (int n = 0; n < madeClients.size(); n++) {
        var w = madeClients.get(n);
        if (w.ok()) {
          createdClients.put(createKeys.get(n), w.id());
        } else {
          clientProblems.put(createKeys.get(n), w.problems());
        }
      }
      List<Integer> index = new ArrayList<>();
      List<CreateDeal> commands = new ArrayList<>();
      List<@Nullable ClientId> newClientOf = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        List<String> cells = rows.get(i).cells();
        List<FieldViolation> p = problems.get(i);
        DealDraft draft = reader.dealDraft(cells, p);
        ClientRef ref = refs.get(i);
        ClientId newClient = null;
        if (ref != null && p.stream().noneMatch(v -> v.field().equals(clientField(ref)))) {
          String k = ref.by() + ":" + ref.key();
          if (ref.by().equals("id")) {
            draft = draft.with("clientId", ref.raw());
          } else if (found.get(ref.by()).containsKey(ref.key())) {
            draft = draft.with("clientId", found.get(ref.by()).get(ref.key()).value().toString());
          } else if (clientProblems.containsKey(k)) {
            clientProblems.get(k).forEach(v -> p.add(new FieldViolation("client." + v.field(), v.message())));
          } else if (createdClients.containsKey(k)) {
            draft = draft.with("clientId", createdClients.get(k).value().toString());
            newClient = toCreate.containsKey(k) ? createdClients.get(k) : null;
          }
        }
        String stage = reader.stage(cells, p);
        Integer probability = reader.probability(cells, p);
        var createdAt = reader.instant(cells, "createdAt", p);
        var closedOn = reader.date(cells, "actualCloseDate", p);
        if (!p.isEmpty()) {
          out[i] = Outcome.rejected(rows.get(i), p);
          continue;
        }
        index.add(i);
        newClientOf.add(newClient);
        commands.add(CreateDeal.of(draft).inStage(stage, reader.cell(cells, "lostReason"))
            .withProbability(probability).withHistory(createdAt, closedOn)
            .withCustomFields(reader.customValues(cells)));
      }
      var written = deals.createAll(commands, dryRun);
      Set<ClientId> recorded = new HashSet<>();
      for (int n = 0; n < written.size(); n++) {
        int i = index.get(n);
        var w = written.get(n);
        if (!w.ok()) {
          out[i] = Outcome.rejected(rows.get(i), w.problems());
          continue;
        }
        List<WrittenRecord> records = new ArrayList<>();
        records.add(new WrittenRecord(Deal.RECORD_TYPE, w.id().value(), true, null));
        ClientId c = newClientOf.get(n);
        if (c != null && recorded.add(c)) {
          records.add(new WrittenRecord(Client.RECORD_TYPE, c.value(), true, null));
        }
        out[i] = new Outcome(rows.get(i), Action.CREATED, List.of(), records);
      }
      return List.of(out);
    }

    private static String clientField(ClientRef ref) {
      return switch (ref.by()) {
        case "companyId" -> "clientCompanyId";
        case "contactEmail" -> "clientEmail";
        case "name" -> "clientName";
        default -> "clientId";
      };
    }

    private static String firstNonNull(@Nullable String a, String b) {
      return a != null ? a : b;
    }
  }
}
