import type { Db } from '../../src/main/archive/db'

const T = '2024-03-01T10:00:00.000Z'

/**
 * Representative rows in every table of schema 1, written with plain SQL (not the repository
 * functions, which follow the newest schema) so later migration tests can start from them.
 */
export function seedSchema1(db: Db): void {
  db.exec(`
    INSERT INTO sources (id, name, created_at) VALUES (1, 'TASS', '${T}'), (2, 'Le Monde', '${T}');
    INSERT INTO source_aliases (alias, source_id) VALUES ('ТАСС', 1);
    INSERT INTO files (id, sha256, size, name, original_path, media_type, imported_at) VALUES
      (1, '${'a'.repeat(64)}', 120, 'kyiv.txt', '/home/r/kyiv.txt', 'text/plain', '${T}'),
      (2, '${'b'.repeat(64)}', 300, 'café.html', NULL, 'text/html', '${T}');
    INSERT INTO articles (id, file_id, title, dek, source_id, byline, place, url, published_edtf, published_precision,
        published_provenance, published_earliest, published_latest, language, text, text_hash, word_count,
        duplicate_of, created_at, updated_at) VALUES
      (1, 1, 'Convoy reaches Kyiv', 'A dek', 1, 'By A. Writer', 'KYIV', NULL, '2022-03-01', 'day', 'dateline',
        '2022-03-01', '2022-03-01', 'en', 'First paragraph here.' || char(10) || char(10) || 'Second one.', 'h1', 5, NULL, '${T}', '${T}'),
      (2, 2, 'Réunion au sommet', NULL, 2, NULL, NULL, 'https://example.org/a', '2022-03', 'month', 'meta',
        '2022-03-01', '2022-03-31', 'fr', 'Le sommet a eu lieu.', 'h2', 5, 1, '${T}', '${T}');
    INSERT INTO paragraphs (id, article_id, ordinal, text, start, end, page) VALUES
      (1, 1, 1, 'First paragraph here.', 0, 21, NULL),
      (2, 1, 2, 'Second one.', 23, 34, NULL),
      (3, 2, 1, 'Le sommet a eu lieu.', 0, 20, 1);
    INSERT INTO near_duplicates (article_id, other_id, shared_paragraphs) VALUES (1, 2, 1), (2, 1, 1);
    INSERT INTO tags (id, name) VALUES (1, 'logistics');
    INSERT INTO article_tags (article_id, tag_id) VALUES (1, 1);
    INSERT INTO chronologies (id, name, description, created_at, updated_at) VALUES (1, 'Spring 2022', 'd', '${T}', '${T}');
    INSERT INTO events (id, title, note, date_edtf, earliest_day, latest_day, sort_key, status, created_at, updated_at) VALUES
      (1, 'Convoy arrives', '', '2022-03-01', '2022-03-01', '2022-03-01', '2022-03-01', 'reported', '${T}', '${T}');
    INSERT INTO chronology_events (chronology_id, event_id) VALUES (1, 1);
    INSERT INTO event_tags (event_id, tag_id) VALUES (1, 1);
    INSERT INTO event_entities (event_id, kind, name) VALUES (1, 'place', 'Kyiv');
    INSERT INTO citations (id, event_id, article_id, exact, prefix, suffix, start, end, text_hash, stance, orphaned, note, created_at) VALUES
      (1, 1, 1, 'First paragraph', '', ' here.', 0, 15, 'h1', 'supports', 0, NULL, '${T}');
    INSERT INTO proposals (id, article_id, date_edtf, earliest_day, latest_day, expression, sentence, exact, prefix, suffix,
        start, end, status, event_id, created_at) VALUES
      (1, 1, '2022-03-01', '2022-03-01', '2022-03-01', 'March 1', 'First paragraph here.', 'First', '', ' paragraph', 0, 5, 'pending', NULL, '${T}');
    INSERT INTO settings (key, value) VALUES ('ui.theme', 'dark');
  `)
}
