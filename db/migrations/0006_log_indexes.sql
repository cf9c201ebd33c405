-- 0006 log indexes: the visit log and the dispensing log list the newest rows first (by date,
-- then arrival for visits) with a LIMIT; these indexes let them read only those rows instead of
-- scanning and sorting the whole table (db/repos/visits.ts listRecentVisits,
-- db/repos/dispenses.ts listDispenseLog).
CREATE INDEX visits_date ON visits (date, arrival);
CREATE INDEX dispenses_date ON dispenses (date);
