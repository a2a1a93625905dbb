-- db-scheduler's table (its 16.x layout) under our own name, so an application's own db-scheduler table is untouched.
-- One row per live job: task_instance is the job id; picked/picked_by/version are how exactly one instance runs it.
CREATE TABLE videogen4j_scheduled_tasks (
  task_name text NOT NULL,
  task_instance text NOT NULL,
  task_data bytea,
  execution_time timestamp with time zone NOT NULL,
  picked boolean NOT NULL,
  picked_by text,
  last_success timestamp with time zone,
  last_failure timestamp with time zone,
  consecutive_failures int,
  last_heartbeat timestamp with time zone,
  version bigint NOT NULL,
  priority smallint,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX videogen4j_scheduled_tasks_execution_time_idx ON videogen4j_scheduled_tasks (execution_time);
CREATE INDEX videogen4j_scheduled_tasks_last_heartbeat_idx ON videogen4j_scheduled_tasks (last_heartbeat);
