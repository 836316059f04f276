package com.orbitcrm.meetings.web;

import com.orbitcrm.meetings.Meeting;
import com.orbitcrm.meetings.MeetingStatus;
import com.orbitcrm.meetings.Rsvp;
import com.orbitcrm.meetings.app.MeetingService;
import com.orbitcrm.meetings.app.RsvpLinks;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.web.Flash;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.app.MemberService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page an invited person answers on, without an account: the signed link in their invitation names the
 * workspace, the meeting and their address ({@link RsvpLinks}); nothing else is trusted. Showing it changes
 * nothing; Accept and Decline are forms (POST, with the CSRF token). A link that does not verify — altered,
 * of another installation, of a deleted meeting, or for an address no longer invited — is a 404.
 */
@Controller
class RsvpController {

  private final RsvpLinks links;
  private final MeetingService meetings;
  private final MemberService members;

  RsvpController(RsvpLinks links, MeetingService meetings, MemberService members) {
    this.links = links;
    this.meetings = meetings;
    this.members = members;
  }

  /** The meeting as the invited person sees it. */
  record Invitation(String title, String when, String zone, String organizer, String where, String locationType,
                    boolean link, String email, Rsvp answer, MeetingStatus status, String description) {

    public boolean cancelled() {
      return status == MeetingStatus.CANCELLED;
    }
  }

  @GetMapping("/rsvp/{token}")
  String show(@PathVariable String token, Model model, HttpServletResponse response) {
    var invitation = links.verify(token);
    if (invitation.isEmpty()) {
      return notFound(model, response);
    }
    var inv = invitation.get();
    Optional<Invitation> view = TenantContext.callAs(TenantContext.Scope.system(inv.tenant()), () -> {
      try {
        Meeting m = meetings.get(inv.meeting());
        return m.attendee(inv.email()).map(a -> view(m, a.email().value(), a.status()));
      } catch (NotFoundException e) {
        return Optional.empty();
      }
    });
    if (view.isEmpty()) {
      return notFound(model, response);
    }
    model.addAttribute("invitation", view.get());
    model.addAttribute("token", token);
    return "meetings/rsvp";
  }

  @PostMapping("/rsvp/{token}")
  String answer(@PathVariable String token, @RequestParam(defaultValue = "") String answer, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
    var invitation = links.verify(token);
    Rsvp rsvp = Rsvp.of(answer.strip().toLowerCase(Locale.ROOT)).filter(r -> r != Rsvp.PENDING).orElse(null);
    if (invitation.isEmpty()) {
      return notFound(model, response);
    }
    if (rsvp == null) {
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.error("Choose Accept or Decline."));
      return "redirect:/rsvp/" + token;
    }
    var inv = invitation.get();
    try {
      TenantContext.callAs(TenantContext.Scope.system(inv.tenant()),
          () -> meetings.answerAsAttendee(inv.meeting(), inv.email(), rsvp));
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(rsvp == Rsvp.ACCEPTED
          ? "Thank you: you accepted. The organizer sees your answer."
          : "Thank you: you declined. The organizer sees your answer."));
      return "redirect:/rsvp/" + token;
    } catch (NotFoundException e) {
      return notFound(model, response);
    } catch (ConflictException e) {
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.error(e.getMessage() + ": there is nothing to answer."));
      return "redirect:/rsvp/" + token;
    }
  }

  private Invitation view(Meeting m, String email, Rsvp answer) {
    var d = m.details();
    String organizer = m.organizer() == null ? "Orbit CRM" : members.isMember(m.organizer())
        ? nameAndEmail(members.member(m.organizer())) : "Orbit CRM";
    String where = switch (d.locationType()) {
      case VIRTUAL -> d.meetingUrl() != null ? d.meetingUrl() : d.location() != null ? d.location() : "Video call";
      case IN_PERSON -> d.location() != null ? d.location() : "In person";
      case PHONE -> d.location() != null ? d.location() : "By phone";
    };
    boolean link = d.locationType() == com.orbitcrm.meetings.LocationType.VIRTUAL && d.meetingUrl() != null;
    return new Invitation(d.title(), MeetingViews.span(d.start(), d.end(), d.zone(), true),
        MeetingViews.zoneName(d.zone(), d.start()), organizer, where, d.locationType().label(), link, email, answer,
        m.status(), d.description() == null ? "" : d.description());
  }

  private static String nameAndEmail(Member m) {
    return m.name() + " (" + m.email().value() + ")";
  }

  private static String notFound(Model model, HttpServletResponse response) {
    response.setStatus(404);
    model.addAttribute("invitation", null);
    return "meetings/rsvp";
  }
}
