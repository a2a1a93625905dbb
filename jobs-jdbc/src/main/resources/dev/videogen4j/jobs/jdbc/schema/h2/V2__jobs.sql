-- One row per job record. The whole record is the JSON document in "record" (JobRecordJson); the other columns are
-- copies of its fields that the store queries by. version is the optimistic lock: an UPDATE names the version it read.
CREATE TABLE videogen4j_jobs (
  id varchar(64) NOT NULL PRIMARY KEY,
  provider varchar(64) NOT NULL,
  model varchar(200) NOT NULL,
  submission_id varchar(200) NOT NULL,
  vendor_job_id varchar(200),
  state varchar(16) NOT NULL,
  quoted_cost numeric(24, 10),
  actual_cost numeric(24, 10),
  may_be_billed boolean NOT NULL,
  created_at timestamp with time zone NOT NULL,
  updated_at timestamp with time zone NOT NULL,
  owner varchar(200),
  version bigint NOT NULL,
  record clob NOT NULL,
  CONSTRAINT videogen4j_jobs_submission_uq UNIQUE (provider, submission_id)
);
CREATE INDEX videogen4j_jobs_vendor_idx ON videogen4j_jobs (provider, vendor_job_id);
CREATE INDEX videogen4j_jobs_state_idx ON videogen4j_jobs (state, created_at);
CREATE INDEX videogen4j_jobs_created_idx ON videogen4j_jobs (created_at);
