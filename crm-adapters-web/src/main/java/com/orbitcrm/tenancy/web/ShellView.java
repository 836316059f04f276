package com.orbitcrm.tenancy.web;

import com.orbitcrm.tenancy.Initials;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.OpenInvitation;
import com.orbitcrm.tenancy.WorkspaceMembership;
import java.util.List;

/**
 * What the frame of every signed-in page shows: who is signed in, the current workspace and role,
 * and the other workspaces to switch to.
 */
public record ShellView(String userName, String email, String workspaceId, String workspaceName, Role role,
                        List<WorkspaceMembership> workspaces, String path, List<OpenInvitation> invitations) {

  public String initials() {
    return Initials.of(userName);
  }

  public boolean canWrite() {
    return role.canWrite();
  }

  public boolean canAdminister() {
    return role.canAdminister();
  }

  public String roleLabel() {
    return role.key().substring(0, 1).toUpperCase() + role.key().substring(1);
  }

  /** Whether the member chose compact tables and cards in this workspace. */
  public boolean compact() {
    return workspaces.stream().anyMatch(w -> w.tenant().toString().equals(workspaceId)
        && w.density() == com.orbitcrm.tenancy.Density.COMPACT);
  }

  /** Whether the navigation entry for {@code prefix} is the current section. */
  public boolean in(String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
