-- Housekeeping (expired trash, stuck event publications, old completed publications) runs once across every
-- instance of the application: recurring db-scheduler tasks, one row per job, picked by one instance at a time.
-- They have a table of their own rather than sharing scheduled_tasks with the meeting reminders: a db-scheduler
-- instance treats executions of tasks it does not know as unresolved and, after a while, deletes them.
-- No tenant data (job names and times), so no row-level security; each job works workspace by workspace.
create table scheduled_jobs (
    task_name             text                     not null,
    task_instance         text                     not null,
    task_data             bytea,
    execution_time        timestamp with time zone not null,
    picked                boolean                  not null,
    picked_by             text,
    last_success          timestamp with time zone,
    last_failure          timestamp with time zone,
    consecutive_failures  int,
    last_heartbeat        timestamp with time zone,
    version               bigint                   not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index scheduled_jobs_execution_time_idx on scheduled_jobs (execution_time);
create index scheduled_jobs_last_heartbeat_idx on scheduled_jobs (last_heartbeat);
create index scheduled_jobs_priority_execution_time_idx on scheduled_jobs (priority desc, execution_time asc);
grant select, insert, update, delete on scheduled_jobs to ${appRole};
