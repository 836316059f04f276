package com.orbitcrm.tenancy.web;

/** The sign-up form as typed; checked by the sign-up use case, not here. */
public class SignUpForm {
  private String workspace = "";
  private String name = "";
  private String email = "";
  private String password = "";

  public String getWorkspace() { return workspace; }
  public void setWorkspace(String workspace) { this.workspace = workspace; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getEmail() { return email; }
  public void setEmail(String email) { this.email = email; }
  public String getPassword() { return password; }
  public void setPassword(String password) { this.password = password; }
}
