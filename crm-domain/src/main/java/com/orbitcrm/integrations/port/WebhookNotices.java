package com.orbitcrm.integrations.port;

import com.orbitcrm.integrations.WebhookEndpoint;
import com.orbitcrm.platform.NamedAddress;
import java.util.List;

/** Tells a workspace's admins that an endpoint was switched off (by e-mail), after the change committed. */
public interface WebhookNotices {

  void endpointDisabled(WebhookEndpoint endpoint, String workspace, List<NamedAddress> admins);
}
