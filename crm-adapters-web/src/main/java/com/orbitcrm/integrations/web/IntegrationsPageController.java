package com.orbitcrm.integrations.web;

import com.orbitcrm.integrations.EventType;
import com.orbitcrm.integrations.WebhookEndpoint;
import com.orbitcrm.integrations.app.WebhookService;
import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.web.Flash;
import com.orbitcrm.platform.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → Integrations (admins): the workspace's webhook endpoints — register one (its secret shown this once),
 * rotate the secret, switch it off and on, delete it — and each one's latest deliveries with every attempt
 * (refreshed every few seconds by htmx), any of which can be sent again.
 */
@Controller
@RequestMapping("/settings/integrations")
class IntegrationsPageController {

  static final int DELIVERIES_SHOWN = 10;

  private final WebhookService webhooks;

  IntegrationsPageController(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  /** What an endpoint card shows. */
  record EndpointView(WebhookEndpoint endpoint, List<WebhookJson.Delivery> deliveries) {}

  @GetMapping
  String page(Model model) {
    return page(model, Map.of(), null, null, new Form("", "", List.of()));
  }

  /** The deliveries of one endpoint, for the card's periodic refresh. */
  @GetMapping("/{id}/deliveries")
  String deliveries(@PathVariable UUID id, Model model) {
    model.addAttribute("v", view(webhooks.get(id)));
    return "integrations/settings :: deliveries";
  }

  record Form(String url, String description, List<String> eventTypes) {}

  @PostMapping
  String register(@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String description,
                  @RequestParam(name = "eventTypes", required = false) @Nullable List<String> eventTypes,
                  Model model, HttpServletResponse response) {
    List<String> types = eventTypes == null ? List.of() : eventTypes;
    try {
      var made = webhooks.register(url, description, types);
      response.setStatus(201);
      return page(model, Map.of(), made.secret(), made.endpoint().id(), new Form("", "", List.of()));
    } catch (InvalidInputException e) {
      response.setStatus(422);
      return page(model, FormErrors.of(e), null, null, new Form(url, description, types));
    }
  }

  @PostMapping("/{id}/rotate")
  String rotate(@PathVariable UUID id, Model model) {
    var made = webhooks.rotateSecret(id);
    return page(model, Map.of(), made.secret(), id, new Form("", "", List.of()));
  }

  @PostMapping("/{id}/enable")
  String enable(@PathVariable UUID id, RedirectAttributes redirect) {
    var e = webhooks.change(id, null, null, null, null, true);
    redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(e.url() + " is switched on: new events are sent to it."));
    return "redirect:/settings/integrations";
  }

  @PostMapping("/{id}/disable")
  String disable(@PathVariable UUID id, RedirectAttributes redirect) {
    var e = webhooks.change(id, null, null, null, null, false);
    redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(e.url() + " is switched off: nothing is sent to it."));
    return "redirect:/settings/integrations";
  }

  @PostMapping("/{id}/delete")
  String delete(@PathVariable UUID id, RedirectAttributes redirect) {
    var e = webhooks.get(id);
    webhooks.delete(id);
    redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok(e.url() + " was removed with its deliveries."));
    return "redirect:/settings/integrations";
  }

  @PostMapping("/deliveries/{delivery}/redeliver")
  String redeliver(@PathVariable UUID delivery, RedirectAttributes redirect) {
    try {
      webhooks.redeliver(delivery);
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.ok("The delivery is being sent again."));
    } catch (ConflictException e) {
      redirect.addFlashAttribute(Flash.ATTRIBUTE, Flash.error(e.getMessage()));
    }
    return "redirect:/settings/integrations";
  }

  private String page(Model model, Map<String, String> errors, @Nullable String secret, @Nullable UUID secretOf,
                      Form form) {
    model.addAttribute("endpoints", webhooks.list().stream().map(this::view).toList());
    model.addAttribute("eventTypes", List.of(EventType.values()));
    model.addAttribute("secret", secret);
    model.addAttribute("secretOf", secretOf);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("tab", "integrations");
    return "integrations/settings";
  }

  private EndpointView view(WebhookEndpoint e) {
    return new EndpointView(e, webhooks.deliveries(e.id()).stream().limit(DELIVERIES_SHOWN).map(WebhookJson::of)
        .toList());
  }
}
