-- Deadlines are cancelled by the prefix of their task instance id (<name>@<scope key>#<id>): a range of
-- (task_name, task_instance). The primary key serves that range only under the C collation; with any other (the
-- usual en_US.UTF-8) text comparison ignores punctuation and a prefix is not one range of it. This index compares
-- byte-wise, as the ~>=~ / ~<~ operators of the cancelling query do, whatever the database's collation.
CREATE INDEX scheduled_tasks_instance_prefix_idx ON scheduled_tasks (task_name, task_instance text_pattern_ops);
