package com.orbitcrm.timeline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.clients.Client;
import com.orbitcrm.clients.ClientDetails;
import com.orbitcrm.clients.ClientDraft;
import com.orbitcrm.clients.ClientId;
import com.orbitcrm.clients.app.ClientDirectory;
import com.orbitcrm.platform.FieldViolation;
import com.orbitcrm.platform.ForbiddenException;
import com.orbitcrm.platform.InvalidInputException;
import com.orbitcrm.platform.NotFoundException;
import com.orbitcrm.platform.RecordRef;
import com.orbitcrm.platform.RestoreWindow;
import com.orbitcrm.platform.TestRecords;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantContext.Scope;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.testing.InMemoryClients;
import com.orbitcrm.testing.TestClock;
import com.orbitcrm.timeline.Note;
import com.orbitcrm.timeline.NoteColor;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notes on records against in-memory ports: who may change them, undo, and records the seam must know. */
class NoteServiceUnitTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  final TestClock clock = new TestClock(T0);
  final InMemoryClients clients = new InMemoryClients();
  final InMemoryNotes notes = new InMemoryNotes();
  final NoteService service = new NoteService(notes, TestRecords.of(ClientDirectory.over(clients)), clock, e -> {});

  final TenantId tenant = new TenantId(UUID.randomUUID());
  final TenantId otherTenant = new TenantId(UUID.randomUUID());
  final UserId author = new UserId(UUID.randomUUID());
  final UserId colleague = new UserId(UUID.randomUUID());
  final UserId admin = new UserId(UUID.randomUUID());
  RecordRef acme;

  @BeforeEach
  void aClient() {
    acme = client(tenant, "Acme").ref();
  }

  @Test
  void onlyTheAuthorOrAnAdminMayEditOrDelete() {
    Note note = as(author, Role.MEMBER, () -> service.create(acme, "Call back Tuesday", false, null));

    assertThatThrownBy(() -> as(colleague, Role.MEMBER, () -> service.update(note.id(), "Mine now", true, "red", null)))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> as(colleague, Role.MEMBER, () -> service.delete(note.id())))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> as(author, Role.VIEWER, () -> service.update(note.id(), "Read only", null, null, null)))
        .isInstanceOf(ForbiddenException.class);
    Note untouched = as(colleague, Role.MEMBER, () -> service.get(note.id()));
    assertThat(untouched.content()).isEqualTo("Call back Tuesday");
    assertThat(untouched.deletedAt()).isNull();
    assertThat(untouched.version()).isZero();

    Note byAuthor = as(author, Role.MEMBER, () -> service.update(note.id(), "Call back Wednesday", true, null, 0));
    assertThat(byAuthor.content()).isEqualTo("Call back Wednesday");
    assertThat(byAuthor.pinned()).isTrue();
    assertThat(byAuthor.version()).isEqualTo(1);
    Note byAdmin = as(admin, Role.ADMIN, () -> service.update(note.id(), null, null, "green", 1));
    assertThat(byAdmin.content()).isEqualTo("Call back Wednesday");
    assertThat(byAdmin.color()).isEqualTo(NoteColor.GREEN);
    assertThat(byAdmin.version()).isEqualTo(2);

    as(admin, Role.ADMIN, () -> service.delete(note.id()));
    assertThatThrownBy(() -> as(author, Role.MEMBER, () -> service.get(note.id()))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aDeletedNoteCanBeRestoredWithinTheUndoWindow() {
    Note note = as(author, Role.MEMBER, () -> service.create(acme, "Budget approved", false, "yellow"));
    as(author, Role.MEMBER, () -> service.delete(note.id()));
    assertThat(as(author, Role.MEMBER, () -> service.of(acme))).isEmpty();
    clock.advance(RestoreWindow.UNDO.length().minusMinutes(1));

    assertThatThrownBy(() -> as(colleague, Role.MEMBER, () -> service.restore(note.id())))
        .isInstanceOf(ForbiddenException.class);
    Note restored = as(author, Role.MEMBER, () -> service.restore(note.id()));

    assertThat(restored.deletedAt()).isNull();
    assertThat(restored.content()).isEqualTo("Budget approved");
    assertThat(as(author, Role.MEMBER, () -> service.of(acme))).extracting(Note::id).containsExactly(note.id());
  }

  @Test
  void afterTheUndoWindowARestoreFindsNothing() {
    Note note = as(author, Role.MEMBER, () -> service.create(acme, "Budget approved", false, null));
    as(author, Role.MEMBER, () -> service.delete(note.id()));
    clock.advance(RestoreWindow.UNDO.length().plusMinutes(1));

    assertThatThrownBy(() -> as(author, Role.MEMBER, () -> service.restore(note.id())))
        .isInstanceOf(NotFoundException.class);
    assertThat(notes.find(tenant, note.id()).orElseThrow().deletedAt()).isEqualTo(T0);
  }

  @Test
  void theNotesOfARecordTheSeamDoesNotKnowAreNotFound() {
    RecordRef unknown = new RecordRef(Client.RECORD_TYPE, UUID.randomUUID());
    RecordRef theirs = client(otherTenant, "Globex").ref();
    Client gone = client(tenant, "Gone Ltd");
    as(author, Role.MEMBER, () -> service.create(gone.ref(), "Written before it went", false, null));
    clients.trash(tenant, gone.id(), T0);

    for (RecordRef ref : new RecordRef[] {unknown, theirs, gone.ref()}) {
      assertThatThrownBy(() -> as(author, Role.MEMBER, () -> service.of(ref)))
          .isInstanceOf(NotFoundException.class)
          .hasMessage("Client not found");
      assertThatThrownBy(() -> as(author, Role.MEMBER, () -> service.create(ref, "Hello", false, null)))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
              .extracting(FieldViolation::field).containsExactly("entityId"));
    }
    assertThat(notes.all()).hasSize(1);
  }

  @Test
  void aRecordsNotesArePinnedFirstThenNewestFirst() {
    Note older = as(author, Role.MEMBER, () -> service.create(acme, "Older", false, null));
    clock.advance(Duration.ofMinutes(1));
    Note pinned = as(author, Role.MEMBER, () -> service.create(acme, "Pinned", true, null));
    clock.advance(Duration.ofMinutes(1));
    Note newer = as(author, Role.MEMBER, () -> service.create(acme, "Newer", false, "blue"));

    assertThat(as(colleague, Role.VIEWER, () -> service.of(acme))).extracting(Note::id)
        .containsExactly(pinned.id(), newer.id(), older.id());
    assertThatThrownBy(() -> as(author, Role.MEMBER, () -> service.create(acme, "x", false, "purple")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field).containsExactly("color"));
  }

  Client client(TenantId in, String name) {
    var client = Client.create(new ClientId(UUID.randomUUID()), in,
        ClientDetails.from(ClientDraft.empty().with("name", name)), null, T0);
    clients.insert(client);
    return client;
  }

  <T> T as(UserId user, Role role, Supplier<T> work) {
    return TenantContext.callAs(new Scope(tenant, user, role), work);
  }
}
