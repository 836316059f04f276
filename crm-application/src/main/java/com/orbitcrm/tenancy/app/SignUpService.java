package com.orbitcrm.tenancy.app;

import com.orbitcrm.tenancy.WorkspaceCreated;

import com.orbitcrm.platform.ConflictException;
import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.tenancy.port.PasswordHasher;
import com.orbitcrm.tenancy.PasswordPolicy;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserAccount;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.port.Users;
import com.orbitcrm.tenancy.Workspace;
import com.orbitcrm.tenancy.port.Workspaces;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Creates a workspace and its first owner in one transaction, and publishes {@link WorkspaceCreated} in it. The transaction starts inside the new
 * workspace's scope, so the rows it writes pass the same row-level security as every later write.
 */
@Service
public class SignUpService {

  private final Users users;
  private final Workspaces workspaces;
  private final PasswordHasher hasher;
  private final TransactionOperations transactions;
  private final ApplicationEventPublisher events;
  private final TenancyMailer mailer;

  SignUpService(Users users, Workspaces workspaces, PasswordHasher hasher, TransactionOperations transactions,
                ApplicationEventPublisher events, TenancyMailer mailer) {
    this.mailer = mailer;
    this.users = users;
    this.workspaces = workspaces;
    this.hasher = hasher;
    this.transactions = transactions;
    this.events = events;
  }

  /**
   * @throws com.orbitcrm.platform.InvalidInputException naming every field that is wrong.
   * @throws ConflictException when the e-mail address already has an account; its owner is then told by
   *     e-mail (the answer itself names nobody).
   */
  public SignedUp signUp(SignUpCommand command) {
    var check = new Validation();
    String workspaceName = check.text("workspace", command.workspace(), Workspace.MAX_NAME);
    String name = check.text("name", command.name(), UserAccount.MAX_NAME);
    check.check("email", EmailAddress.problem(command.email()));
    check.check("password", PasswordPolicy.problem(command.password(), command.email(), workspaceName));
    check.throwIfInvalid();

    var tenant = new TenantId(UUID.randomUUID());
    var user = new UserAccount(new UserId(UUID.randomUUID()), new EmailAddress(command.email()), name,
        hasher.hash(command.password()));
    var scope = new TenantContext.Scope(tenant, user.id(), Role.OWNER);
    try {
      TenantContext.runAs(scope, () -> transactions.executeWithoutResult(tx -> {
        users.create(user);
        workspaces.create(new Workspace(tenant, workspaceName));
        workspaces.addMember(tenant, user.id(), Role.OWNER);
        // Other modules set up what a workspace needs (its pipeline) in this same transaction.
        events.publishEvent(new WorkspaceCreated(tenant));
      }));
    } catch (ConflictException taken) {
      // The only conflict here is the address: its owner learns that someone tried (and how to get back in).
      mailer.signUpWithTakenAddress(user.email());
      throw taken;
    }
    return new SignedUp(tenant, user.id());
  }
}
