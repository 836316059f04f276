package com.orbitcrm.insights.app;

import com.orbitcrm.deals.BoardFilter;
import com.orbitcrm.deals.Pipeline;
import com.orbitcrm.deals.app.DealFigures;
import com.orbitcrm.insights.Dashboard;
import com.orbitcrm.insights.Forecast;
import com.orbitcrm.insights.Funnel;
import com.orbitcrm.insights.Period;
import com.orbitcrm.insights.WonLost;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.Workspace;
import com.orbitcrm.tenancy.app.IdentityService;
import com.orbitcrm.tenancy.app.MemberService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard of the current workspace: the eight metrics, the weighted forecast, the funnel and won
 * against lost per month — read on every request from sums the database keeps in step with every change
 * of a deal, in the same transaction (nothing cached: a moved deal is in the next load), in the
 * workspace's calendar and main currency, for everyone or one owner.
 */
@Service
public class InsightsService {

  public static final int FORECAST_MONTHS = 12;
  public static final int MAX_FORECAST_MONTHS = 24;
  public static final int TREND_MONTHS = 12;

  private final DealFigures figures;
  private final IdentityService identity;
  private final MemberService members;
  private final Clock clock;

  InsightsService(DealFigures figures, IdentityService identity, MemberService members, Clock clock) {
    this.figures = figures;
    this.identity = identity;
    this.members = members;
    this.clock = clock;
  }

  /**
   * What a dashboard is asked for, as typed: a period for the metrics of closed deals (this month when
   * none is given) and an owner ({@literal null}: the whole team).
   */
  public record Query(@Nullable String period, @Nullable String from, @Nullable String to, @Nullable String ownerId,
                      @Nullable String pipelineId) {

    /** On the default pipeline. */
    public Query(@Nullable String period, @Nullable String from, @Nullable String to, @Nullable String ownerId) {
      this(period, from, to, ownerId, null);
    }
  }

  /** A dashboard as computed for a query: in which calendar and currency, for whom. */
  public record Overview(Workspace workspace, LocalDate today, @Nullable UserId owner, Pipeline pipeline,
                         Dashboard dashboard, Forecast forecast, Funnel funnel, WonLost wonLost) {}

  /** Everything the dashboard page shows, read in one transaction. */
  @Transactional(readOnly = true)
  public Overview overview(Query query) {
    var context = context(query);
    var filter = filter(context.owner());
    Pipeline pipeline = figures.pipeline(query.pipelineId());
    return new Overview(context.workspace(), context.today(), context.owner(), pipeline,
        dashboard(pipeline, filter, context), forecast(pipeline, filter, context, FORECAST_MONTHS),
        funnel(pipeline, filter, context), wonLost(pipeline, filter, context));
  }

  /** The pipelines a dashboard may be narrowed to, in order (the default one when none is named). */
  @Transactional(readOnly = true)
  public List<Pipeline> pipelines() {
    TenantContext.require();
    return figures.pipelines();
  }

  /** The eight metrics alone, as computed for a query. */
  public record Metrics(Workspace workspace, LocalDate today, @Nullable UserId owner, Dashboard dashboard) {}

  @Transactional(readOnly = true)
  public Metrics metrics(Query query) {
    var context = context(query);
    return new Metrics(context.workspace(), context.today(), context.owner(),
        dashboard(figures.pipeline(query.pipelineId()), filter(context.owner()), context));
  }

  /** The weighted forecast for the coming {@code months} months (1 to {@value #MAX_FORECAST_MONTHS}). */
  @Transactional(readOnly = true)
  public Forecast forecast(@Nullable String ownerId, int months) {
    return forecast(ownerId, null, months);
  }

  /** The forecast of one pipeline ({@literal null}: the default one). */
  @Transactional(readOnly = true)
  public Forecast forecast(@Nullable String ownerId, @Nullable String pipelineId, int months) {
    if (months < 1 || months > MAX_FORECAST_MONTHS) {
      throw InvalidInputException.of("months", "must be between 1 and " + MAX_FORECAST_MONTHS);
    }
    var context = context(new Query(null, null, null, ownerId));
    return forecast(figures.pipeline(pipelineId), filter(context.owner()), context, months);
  }

  private record Context(Workspace workspace, ZoneId zone, LocalDate today, Period period, @Nullable UserId owner) {}

  private Context context(Query query) {
    TenantContext.require();
    Workspace workspace = identity.currentWorkspace().orElseThrow(() -> new NotFoundException("Workspace"));
    ZoneId zone = workspace.timeZone();
    LocalDate today = LocalDate.now(clock.withZone(zone));
    Period period = Period.resolve(query.period(), query.from(), query.to(), today);
    return new Context(workspace, zone, today, period, owner(query.ownerId()));
  }

  private @Nullable UserId owner(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    UserId owner;
    try {
      owner = new UserId(UUID.fromString(raw.strip()));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("ownerId", "is not a user id");
    }
    if (!members.isMember(owner)) {
      throw InvalidInputException.of("ownerId", "is not a member of this workspace");
    }
    return owner;
  }

  private static BoardFilter filter(@Nullable UserId owner) {
    return new BoardFilter(owner, null, null, null);
  }

  private Dashboard dashboard(Pipeline pipeline, BoardFilter filter, Context c) {
    Period month = Period.month(c.today());
    var closedThisMonth = figures.closed(pipeline, filter, month.from(), month.to(), c.zone());
    // The default period is this month: its closed deals are read once.
    boolean sameDays = Objects.equals(month.from(), c.period().from()) && Objects.equals(month.to(), c.period().to());
    var closedInPeriod = sameDays ? closedThisMonth
        : figures.closed(pipeline, filter, c.period().from(), c.period().to(), c.zone());
    return Dashboard.of(pipeline, c.period(), figures.totals(pipeline, filter), closedThisMonth, closedInPeriod,
        c.workspace().currency());
  }

  private Forecast forecast(Pipeline pipeline, BoardFilter filter, Context c, int months) {
    YearMonth first = YearMonth.from(c.today());
    LocalDate until = first.plusMonths(months - 1L).atEndOfMonth();
    return Forecast.of(pipeline, first, months, figures.forecast(pipeline, filter, until),
        figures.openWithoutCloseDate(pipeline, filter), c.workspace().currency());
  }

  /** The funnel of the period: the deals that reached each step on one of its days. */
  private Funnel funnel(Pipeline pipeline, BoardFilter filter, Context c) {
    return Funnel.of(pipeline, figures.reached(pipeline, filter, c.period().from(), c.period().to()));
  }

  private WonLost wonLost(Pipeline pipeline, BoardFilter filter, Context c) {
    YearMonth last = YearMonth.from(c.today());
    YearMonth first = last.minusMonths(TREND_MONTHS - 1L);
    return WonLost.of(last, TREND_MONTHS, figures.closedByMonth(pipeline, filter, first.atDay(1), last.atEndOfMonth()),
        c.workspace().currency());
  }
}
