-- db-scheduler's table (its 16.x layout) under our own name, so an application's own db-scheduler table is untouched.
CREATE TABLE videogen4j_scheduled_tasks (
  task_name varchar(100) NOT NULL,
  task_instance varchar(100) NOT NULL,
  task_data blob,
  execution_time timestamp with time zone NOT NULL,
  picked boolean NOT NULL,
  picked_by varchar(100),
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
