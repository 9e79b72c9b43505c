import type { Migration } from './types'

/**
 * Capture provenance and e-mail threading.
 *
 * `article_captures` says where a captured article came from: the tool that captured it (one
 * of CAPTURE_TOOLS), the captured address, the capture time (ISO 8601 UTC), the capturing
 * software when the capture names it, and where the record sits in a container file (the WACZ
 * entry, the byte offset of the WARC record or mbox message). `attached_to` links an attachment
 * imported from a mailbox to the message that carried it; it outlives neither.
 *
 * `article_messages` keeps each message's Message-ID and the one it answers, so a thread is
 * found in both directions from the indexes, whichever order the messages were imported in.
 * Articles imported before have neither row: nothing is guessed for them.
 */
export const m011CaptureProvenance: Migration = {
  version: 11,
  name: 'capture provenance and e-mail threads',
  up(db) {
    db.exec(`
      CREATE TABLE article_captures (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        tool TEXT NOT NULL CHECK (tool IN ('mhtml', 'singlefile', 'warc', 'wacz', 'mbox')),
        url TEXT,
        captured_at TEXT CHECK (captured_at IS NULL OR captured_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
        software TEXT,
        member TEXT,
        record_offset INTEGER CHECK (record_offset IS NULL OR record_offset >= 0),
        attached_to INTEGER REFERENCES articles(id) ON DELETE SET NULL
      ) STRICT;
      CREATE INDEX article_captures_attached ON article_captures(attached_to) WHERE attached_to IS NOT NULL;

      CREATE TABLE article_messages (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        message_id TEXT NOT NULL,
        in_reply_to TEXT
      ) STRICT;
      CREATE INDEX article_messages_id ON article_messages(message_id);
      CREATE INDEX article_messages_reply ON article_messages(in_reply_to) WHERE in_reply_to IS NOT NULL;
    `)
  }
}
