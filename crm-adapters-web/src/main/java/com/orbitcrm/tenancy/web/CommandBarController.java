package com.orbitcrm.tenancy.web;

import com.orbitcrm.platform.SearchWords;
import com.orbitcrm.platform.web.CommandSearch;
import com.orbitcrm.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The command bar's answers, part of the shell (Ctrl/⌘+K, js/commands.js): the commands whose words start with the typed words
 * ("new d" → New deal; "pip" → Go to pipeline), then the clients, deals and meetings found by every module's
 * {@link CommandSearch}, each group a few rows. An htmx fragment: a listbox of options, each with where it leads.
 */
@Controller
class CommandBarController {

  /** Rows per group of records. */
  static final int PER_GROUP = 5;

  private final List<CommandSearch> searches;

  CommandBarController(List<CommandSearch> searches) {
    this.searches = searches.stream().sorted(Comparator.comparingInt(CommandSearch::order)).toList();
  }

  /**
   * A command: {@code href} is navigated to, or — {@code modal} — loaded into the page's modal (the quick-add
   * forms).
   */
  record Command(String label, String keywords, String href, boolean modal, Access access) {
    boolean matches(List<String> typed) {
      List<String> own = SearchWords.of(label + " " + keywords);
      return typed.stream().allMatch(t -> own.stream().anyMatch(w -> w.startsWith(t)));
    }
  }

  enum Access { ANYONE, WRITER, ADMIN }

  static final List<Command> COMMANDS = List.of(
      new Command("New client", "add create company", "/clients/new", true, Access.WRITER),
      new Command("New deal", "add create opportunity", "/deals/new", true, Access.WRITER),
      new Command("New meeting", "add create schedule event", "/meetings/new", true, Access.WRITER),
      new Command("Go to dashboard", "home insights forecast", "/dashboard", false, Access.ANYONE),
      new Command("Go to clients", "companies list", "/clients", false, Access.ANYONE),
      new Command("Go to pipeline", "board deals kanban", "/pipeline", false, Access.ANYONE),
      new Command("Go to deals list", "table", "/deals", false, Access.ANYONE),
      new Command("Go to meetings", "calendar", "/meetings", false, Access.ANYONE),
      new Command("Go to tasks", "my tasks todo overdue", "/tasks", false, Access.ANYONE),
      new Command("Import a CSV file", "imports upload", "/imports", false, Access.WRITER),
      new Command("Settings: your profile", "time zone password calendar", "/settings/profile", false, Access.ANYONE),
      new Command("Settings: members", "users invite people roles", "/settings/members", false, Access.ANYONE),
      new Command("Settings: API tokens", "keys", "/settings/tokens", false, Access.ANYONE),
      new Command("Settings: workspace", "name currency time zone", "/settings/workspace", false, Access.ANYONE),
      new Command("Settings: pipelines", "stages", "/settings/pipelines", false, Access.ANYONE),
      new Command("Settings: custom fields", "fields", "/settings/fields", false, Access.ANYONE),
      new Command("Trash: clients", "deleted restore", "/clients/trash", false, Access.ANYONE),
      new Command("Trash: deals", "deleted restore", "/deals/trash", false, Access.ANYONE));

  /** One group of options in the listbox. */
  record Group(String label, List<Option> options) {}

  /** One option: its text, a second line, where it leads and whether in the modal. */
  record Option(String id, String label, @Nullable String detail, String href, boolean modal, String kind) {}

  @GetMapping("/command")
  String results(@RequestParam(defaultValue = "") String q, Model model) {
    String typed = q.length() > 200 ? q.substring(0, 200) : q;
    List<String> words = SearchWords.of(typed);
    var scope = TenantContext.require();
    var groups = new ArrayList<Group>();
    var commands = new ArrayList<Option>();
    for (Command c : COMMANDS) {
      boolean allowed = switch (c.access()) {
        case ANYONE -> true;
        case WRITER -> scope.role().canWrite();
        case ADMIN -> scope.role().canAdminister();
      };
      if (allowed && (words.isEmpty() || c.matches(words))) {
        commands.add(new Option("cmd-" + commands.size(), c.label(), null, c.href(), c.modal(), "command"));
      }
    }
    if (!words.isEmpty()) {
      int n = 0;
      for (CommandSearch search : searches) {
        var found = search.find(typed, PER_GROUP);
        if (!found.isEmpty()) {
          var options = new ArrayList<Option>();
          for (var f : found) {
            options.add(new Option("rec-" + n++, f.label(), f.detail(), f.link(), false, "record"));
          }
          groups.add(new Group(search.groupLabel(), options));
        }
      }
    }
    if (!commands.isEmpty()) {
      // Records first when something was typed (that is what one looks for); commands first on an empty bar.
      var group = new Group("Commands", words.isEmpty() ? commands : commands.subList(0, Math.min(commands.size(), 4)));
      if (words.isEmpty()) {
        groups.addFirst(group);
      } else {
        groups.add(group);
      }
    }
    model.addAttribute("groups", groups);
    model.addAttribute("q", typed);
    return "fragments/command :: results";
  }
}
