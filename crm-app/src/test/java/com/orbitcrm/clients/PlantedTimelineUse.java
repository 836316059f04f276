package com.orbitcrm.clients;

import com.orbitcrm.timeline.Activity;

/**
 * A planted violation, never part of the application: the clients module depending on the timeline,
 * which its declared allowedDependencies do not list (and which would make a cycle).
 */
class PlantedTimelineUse {

  String subject(Activity activity) {
    return activity.details().subject();
  }
}
