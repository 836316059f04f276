package com.orbitcrm.tenancy.app;

import com.orbitcrm.tenancy.Member;

/** What adding a person did: a new account joined at once, or the person was invited and must accept. */
public sealed interface MemberAdded {

  /** A new account, created with the password the admin gave, is a member now. */
  record Joined(Member member) implements MemberAdded {}

  /** The person was invited; nothing says whether their address had an account. */
  record Invited(IssuedInvitation issued) implements MemberAdded {}
}
