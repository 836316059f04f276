package com.orbitcrm.platform.web;

import com.orbitcrm.platform.Contact;
import com.orbitcrm.platform.RecordSummary;
import com.orbitcrm.platform.RecordType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules' pages may ask of the records of one type beyond {@code Records} (exists, label, link):
 * find them by the words of their name, for a picker ("what is this meeting about?"), and read their contact
 * person, to prefill a form (the client's contact invited to a meeting about it). Implemented by the web
 * adapter of the module that owns the type, with its own use cases, so that the asking module depends on
 * nothing but this interface.
 */
public interface RecordLookup {

  RecordType type();

  /** The type's name for people: "Client", "Deal". */
  String typeLabel();

  /** At most {@code limit} live records of the current workspace whose name's words start with {@code words}. */
  List<RecordSummary> search(String words, int limit);

  /** The contact person of the record, if it is live and has one. */
  Optional<Contact> contact(UUID id);
}
