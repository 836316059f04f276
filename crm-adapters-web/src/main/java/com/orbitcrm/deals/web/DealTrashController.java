package com.orbitcrm.deals.web;

import com.orbitcrm.deals.Deal;
import com.orbitcrm.deals.DealQuery;
import com.orbitcrm.deals.app.DealService;
import com.orbitcrm.platform.RestoreWindow;
import com.orbitcrm.platform.web.Flash;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.app.MemberService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Deleting a deal (with undo), and the trash page from which admins restore deals. */
@Controller
class DealTrashController {

  private final DealService deals;
  private final MemberService members;
  private final DealViews views;
  private final Clock clock;

  DealTrashController(DealService deals, MemberService members, DealViews views, Clock clock) {
    this.deals = deals;
    this.members = members;
    this.views = views;
    this.clock = clock;
  }

  /** Deleted without script (the deal's page): back to the board, with a message. */
  @PostMapping("/deals/{id}/delete")
  String delete(@PathVariable String id, RedirectAttributes redirect) {
    Deal deal = deals.delete(DealViews.id(id));
    redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(deal.details().name() + " was moved to the trash."));
    return "redirect:/pipeline";
  }

  /**
   * Deleted from the board or the modal: an undo bar (admins may restore), and the board reloads. Deleted
   * from the deal's own page, nothing is left to show there: to the board.
   */
  @HxRequest
  @PostMapping("/deals/{id}/delete")
  String deleteInPage(@PathVariable String id, HtmxRequest request, HtmxResponse htmx, Model model,
                      RedirectAttributes redirect) {
    Deal deal = deals.delete(DealViews.id(id));
    String message = deal.details().name() + " was moved to the trash.";
    if (request.getCurrentUrl() != null && request.getCurrentUrl().contains("/deals/")) {
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(message));
      return "redirect:htmx:/pipeline";
    }
    DealPanel.changed(htmx, null);
    model.addAttribute("undoMessage", message);
    model.addAttribute("undoId", TenantContext.require().role().canAdminister() ? id : null);
    return "deals/board :: deleted";
  }

  /** Deleted deals whose restore window is still open, for admins to restore. */
  @GetMapping("/pipeline/trash")
  String trash(Model model) {
    TenantContext.requireAdmin();
    var page = deals.list(DealQuery.newest(DealQuery.MAX_LIMIT).inTrash());
    var now = clock.instant();
    List<Deal> restorable = page.items().stream().filter(d -> d.restorableAt(now)).toList();
    var namer = views.namer(restorable, members.members());
    model.addAttribute("rows", restorable.stream().map(d -> new TrashRow(namer.apply(d),
        LocalDateTime.ofInstant(d.deletedAt(), ZoneOffset.UTC), RestoreWindow.TRASH.daysLeft(d.deletedAt(), now)))
        .toList());
    model.addAttribute("trashDays", RestoreWindow.TRASH.days());
    return "deals/trash";
  }

  record TrashRow(DealView deal, LocalDateTime deletedAt, long daysLeft) {}

  @PostMapping("/deals/{id}/restore")
  String restore(@PathVariable String id, RedirectAttributes redirect) {
    Deal deal = deals.restore(DealViews.id(id));
    redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(deal.details().name() + " was restored."));
    return "redirect:/pipeline";
  }

  /** Undo from the undo bar: the board reloads with a toast. */
  @HxRequest
  @PostMapping("/deals/{id}/restore")
  String restoreInPage(@PathVariable String id, HtmxResponse htmx, Model model) {
    Deal deal = deals.restore(DealViews.id(id));
    DealPanel.changed(htmx, deal.details().name() + " was restored.");
    model.addAttribute("undoMessage", null);
    return "deals/board :: deleted";
  }
}
