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
-- == wire (EC2 endpoint) ==
-- Each student's EC2 access key for the real aws client: the key id picks their sandbox (signatures are not checked).
CREATE TABLE IF NOT EXISTS aws_keys (
  user_id       INTEGER NOT NULL REFERENCES users(id),
  scenario      TEXT NOT NULL,
  access_key_id TEXT NOT NULL UNIQUE,
  secret_key    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (user_id, scenario)
);
