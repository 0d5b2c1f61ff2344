-- One database per service (CONTRACT §1): no service reads another's tables.
CREATE DATABASE policy;
CREATE DATABASE policy_keys;
CREATE DATABASE audit;
