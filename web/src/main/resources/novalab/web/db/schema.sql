-- Nova Lab web store. Applied at every start; every statement is idempotent.
CREATE TABLE IF NOT EXISTS users (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('STUDENT', 'INSTRUCTOR')),
  created_at    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  csrf       TEXT NOT NULL,
  created_at TEXT NOT NULL
);
-- One row per sandbox generation: a reset or a rewind starts a new epoch; nothing is ever deleted.
CREATE TABLE IF NOT EXISTS sandboxes (
  user_id    INTEGER NOT NULL REFERENCES users(id),
  scenario   TEXT NOT NULL,
  epoch      INTEGER NOT NULL,
  seed       INTEGER NOT NULL,
  started_ms INTEGER NOT NULL, -- wall-clock epoch ms at which offset 0 lies
  reason     TEXT NOT NULL,    -- 'new', 'reset' or 'rewind to before N'
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, scenario, epoch)
);
-- Append-only command history: stored before the answer is sent.
CREATE TABLE IF NOT EXISTS commands (
  user_id   INTEGER NOT NULL,
  scenario  TEXT NOT NULL,
  epoch     INTEGER NOT NULL,
  seq       INTEGER NOT NULL,
  offset_ms INTEGER NOT NULL,
  line      TEXT NOT NULL,
  at        TEXT NOT NULL,
  PRIMARY KEY (user_id, scenario, epoch, seq),
  FOREIGN KEY (user_id, scenario, epoch) REFERENCES sandboxes(user_id, scenario, epoch)
);
-- Each student's key to their sandbox's OpenStack APIs (/sandbox/<api_id>/...): random, unguessable, kept across resets.
CREATE TABLE IF NOT EXISTS api_sandboxes (
  user_id    INTEGER NOT NULL REFERENCES users(id),
  scenario   TEXT NOT NULL,
  api_id     TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, scenario)
);
-- == exercise pages: the students' own "Check my progress" runs (self-checks, not grades) and Rosetta drill answers ==
CREATE TABLE IF NOT EXISTS exercise_checks (
  id             INTEGER PRIMARY KEY,
  user_id        INTEGER NOT NULL REFERENCES users(id),
  exercise       TEXT NOT NULL,    -- the exercise id (folder name), also the sandbox's scenario column
  uuid           TEXT NOT NULL,    -- the exercise's stable uuid
  epoch          INTEGER NOT NULL, -- the sandbox generation whose history was graded
  commands       INTEGER NOT NULL, -- how many commands it had
  score          REAL NOT NULL,    -- 0..1 over all checks, hidden ones included
  visible_points INTEGER NOT NULL,
  visible_max    INTEGER NOT NULL,
  hidden_checks  INTEGER NOT NULL,
  passed_visible INTEGER NOT NULL, -- 1 when every visible check passed (otherwise one more hint shows)
  message        TEXT NOT NULL,
  results        TEXT NOT NULL,    -- JSON: the visible checks' name, passed, points, max, student message
  checked_at     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS exercise_checks_by_user ON exercise_checks(user_id, exercise);
CREATE TABLE IF NOT EXISTS drill_answers (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  drill       TEXT NOT NULL,
  answer      TEXT NOT NULL,
  passed      INTEGER NOT NULL,
  answered_at TEXT NOT NULL
);
-- == Checkpoints (quiz helper): self-check attempts, reflection answers, the section-7 checklist ==
-- Every quiz attempt is kept (retries allowed); answer is the item's canonical form (option ids, or the normalised command).
CREATE TABLE IF NOT EXISTS quiz_attempts (
  user_id INTEGER NOT NULL REFERENCES users(id),
  item_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  answer  TEXT NOT NULL,
  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
  at      TEXT NOT NULL,
  PRIMARY KEY (user_id, item_id, attempt)
);
-- One answer per student and reflection question, overwritten by each save (autosave or the Save button).
CREATE TABLE IF NOT EXISTS reflection_answers (
  user_id     INTEGER NOT NULL REFERENCES users(id),
  question_id TEXT NOT NULL,
  answer      TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (user_id, question_id)
);
CREATE TABLE IF NOT EXISTS checklist_ticks (
  user_id    INTEGER NOT NULL REFERENCES users(id),
  item_id    TEXT NOT NULL,
  ticked     INTEGER NOT NULL CHECK (ticked IN (0, 1)),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (user_id, item_id)
);
