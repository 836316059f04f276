package com.orbitcrm.insights;

import com.orbitcrm.deals.MonthlyClosed;
import com.orbitcrm.deals.StageKind;
import com.orbitcrm.platform.Money;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Won and lost deals per month (count and value per currency), for the months up to the current one. */
public record WonLost(List<Month> months) {

  public record Month(YearMonth month, long won, long lost, Amounts wonValue, Amounts lostValue) {}

  public static WonLost of(YearMonth last, int count, List<MonthlyClosed> closed, String main) {
    var months = new ArrayList<Month>();
    for (int i = count - 1; i >= 0; i--) {
      YearMonth month = last.minusMonths(i);
      List<MonthlyClosed> in = closed.stream().filter(c -> c.month().equals(month)).toList();
      months.add(new Month(month, count(in, StageKind.WON), count(in, StageKind.LOST),
          value(in, StageKind.WON, main), value(in, StageKind.LOST, main)));
    }
    return new WonLost(months);
  }

  private static long count(List<MonthlyClosed> in, StageKind kind) {
    return in.stream().filter(c -> c.kind() == kind).mapToLong(MonthlyClosed::count).sum();
  }

  private static Amounts value(List<MonthlyClosed> in, StageKind kind, String main) {
    List<Money> parts = in.stream().filter(c -> c.kind() == kind).map(MonthlyClosed::value).toList();
    return Amounts.sum(parts, main);
  }
}
