// What the office server tells every open window after a request changed the office, so a
// biller's workbench shows the visit a nurse just saved without anyone pressing reload. An event
// names the request, the kind of record and its id, and who made it: never the data itself (a
// window that cares asks for it through the table, under its own permissions).
export interface ChangeEvent {
  /** increasing per server start */
  seq: number;
  /** the request that made the change, e.g. `visits.save` */
  name: string;
  /** what changed: `visits`, `patients`, `claims`, `office` (an import, a restore: everything) … */
  entity: string;
  /** the record's id when the request names one */
  id: string | null;
  /** the patient the record belongs to, when it has one (a chart shows its own) */
  patient: string | null;
  /** the user (or `token:LABEL`) who made it */
  by: string;
  at: string;
}
