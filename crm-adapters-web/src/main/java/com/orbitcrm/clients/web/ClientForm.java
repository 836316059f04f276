package com.orbitcrm.clients.web;

import com.orbitcrm.clients.ClientDetails;
import com.orbitcrm.clients.ClientDraft;

/** The client form as typed (quick add and edit in place). */
public class ClientForm {
  private String name = "";
  private String contactName = "";
  private String contactEmail = "";
  private String contactPhone = "";
  private String industry = "";
  private String addressLine1 = "";
  private String addressLine2 = "";
  private String city = "";
  private String state = "";
  private String zipCode = "";
  private String estimatedMonthlySpend = "";
  private String status = "active";
  private String accountOwnerId = "";
  private String companyId = "";
  private int version;

  static ClientForm of(ClientDetails d, int version) {
    var f = new ClientForm();
    ClientDraft draft = ClientDraft.of(d);
    f.name = draft.name();
    f.contactName = nz(draft.contactName());
    f.contactEmail = nz(draft.contactEmail());
    f.contactPhone = nz(draft.contactPhone());
    f.industry = nz(draft.industry());
    f.addressLine1 = nz(draft.addressLine1());
    f.addressLine2 = nz(draft.addressLine2());
    f.city = nz(draft.city());
    f.state = nz(draft.state());
    f.zipCode = nz(draft.zipCode());
    f.estimatedMonthlySpend = nz(draft.estimatedMonthlySpend());
    f.status = nz(draft.status());
    f.accountOwnerId = nz(draft.accountOwnerId());
    f.companyId = nz(draft.companyId());
    f.version = version;
    return f;
  }

  /** Only the fields the form has; the quick-add form has fewer, so the others stay as they are. */
  ClientDraft toDraft(ClientDraft base, boolean full) {
    ClientDraft d = base.with("name", name).with("contactName", contactName).with("contactEmail", contactEmail)
        .with("contactPhone", contactPhone).with("industry", industry).with("city", city).with("state", state)
        .with("estimatedMonthlySpend", estimatedMonthlySpend).with("status", status)
        .with("accountOwnerId", accountOwnerId);
    if (full) {
      d = d.with("addressLine1", addressLine1).with("addressLine2", addressLine2).with("zipCode", zipCode)
          .with("companyId", companyId);
    }
    return d;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  public String getName() { return name; }
  public void setName(String v) { name = v; }
  public String getContactName() { return contactName; }
  public void setContactName(String v) { contactName = v; }
  public String getContactEmail() { return contactEmail; }
  public void setContactEmail(String v) { contactEmail = v; }
  public String getContactPhone() { return contactPhone; }
  public void setContactPhone(String v) { contactPhone = v; }
  public String getIndustry() { return industry; }
  public void setIndustry(String v) { industry = v; }
  public String getAddressLine1() { return addressLine1; }
  public void setAddressLine1(String v) { addressLine1 = v; }
  public String getAddressLine2() { return addressLine2; }
  public void setAddressLine2(String v) { addressLine2 = v; }
  public String getCity() { return city; }
  public void setCity(String v) { city = v; }
  public String getState() { return state; }
  public void setState(String v) { state = v; }
  public String getZipCode() { return zipCode; }
  public void setZipCode(String v) { zipCode = v; }
  public String getEstimatedMonthlySpend() { return estimatedMonthlySpend; }
  public void setEstimatedMonthlySpend(String v) { estimatedMonthlySpend = v; }
  public String getStatus() { return status; }
  public void setStatus(String v) { status = v; }
  public String getAccountOwnerId() { return accountOwnerId; }
  public void setAccountOwnerId(String v) { accountOwnerId = v; }
  public String getCompanyId() { return companyId; }
  public void setCompanyId(String v) { companyId = v; }
  public int getVersion() { return version; }
  public void setVersion(int v) { version = v; }
}
