import type { NdcUnit, Payer, PayerSettings, PriceTable, ProfileId } from '../../electron/domain/types.ts';
import { addressOf, addressParams, all, bit, bool, groupBy, num, numOrNull, run, str, strOrNull } from './sql.ts';
import type { Db, Row } from './sql.ts';

function settingsOf(r: Row): PayerSettings {
  return {
    codeSet: str(r.code_set) as PayerSettings['codeSet'],
    perDiemDays: str(r.per_diem_days) as PayerSettings['perDiemDays'],
    lineSpan: str(r.line_span) as PayerSettings['lineSpan'],
    concurrencyOrder: str(r.concurrency_order) as PayerSettings['concurrencyOrder'],
    concurrencyModifier59: bool(r.concurrency_modifier59),
    incidentalPerDiems: JSON.parse(str(r.incidental_per_diems)) as string[],
    selfAdministeredCovered: bool(r.self_administered_covered),
    drugsOnMedicalClaim: bool(r.drugs_on_medical_claim),
    wasteModifiers: str(r.waste_modifiers) as PayerSettings['wasteModifiers'],
    compoundKpKq: bool(r.compound_kp_kq_paper) ? 'paper' : bool(r.compound_kp_kq),
    ndcUnits: JSON.parse(str(r.ndc_units)) as NdcUnit[],
    nursingRnOnly: bool(r.nursing_rn_only),
    nursingMaxHoursPerDay: numOrNull(r.nursing_max_hours_per_day),
    priorAuthRequiredFor: JSON.parse(str(r.prior_auth_required_for)) as PayerSettings['priorAuthRequiredFor'],
    injectableWithoutIvOrRn: str(r.injectable_without_iv_or_rn) as PayerSettings['injectableWithoutIvOrRn'],
    selfAdministrationRequired: bool(r.self_administration_required),
    alwaysBundled: JSON.parse(str(r.always_bundled)) as string[],
    bundledSupplies: JSON.parse(str(r.bundled_supplies)) as string[],
    drugLineNotes: bool(r.drug_line_notes),
    chargeBasis: str(r.charge_basis) as PayerSettings['chargeBasis'],
    codeDates: JSON.parse(str(r.code_dates)) as PayerSettings['codeDates'],
    claimPeriod: str(r.claim_period) as PayerSettings['claimPeriod'],
    timelyFilingDays: num(r.timely_filing_days),
    pdfPageTotals: str(r.pdf_page_totals) as PayerSettings['pdfPageTotals'],
    // R-CO-3: present only when on, as the import and the defaults leave it
    ...(bool(r.bill_secondary_with_own_codes) ? { billSecondaryWithOwnCodes: true } : {}),
  };
}

function payersWhere(db: Db, where: string, params: unknown[]): Payer[] {
  const rows = all(db, `SELECT * FROM payers ${where} ORDER BY rowid`, ...params);
  const fees = groupBy(
    all(db, `SELECT payer_id, code, price_micros FROM payer_fees WHERE payer_id IN (SELECT id FROM payers ${where}) ORDER BY rowid`, ...params),
    'payer_id',
  );
  return rows.map((r) => {
    const table: PriceTable = {};
    for (const f of fees.get(str(r.id)) ?? []) table[str(f.code)] = num(f.price_micros);
    return {
      id: str(r.id),
      name: str(r.name),
      payerId: strOrNull(r.payer_id),
      filingIndicator: strOrNull(r.filing_indicator),
      address: addressOf(r),
      profile: strOrNull(r.profile) as ProfileId | null,
      settings: settingsOf(r),
      fees: table,
    };
  });
}

export function listPayers(db: Db): Payer[] {
  return payersWhere(db, '', []);
}

export function getPayer(db: Db, id: string): Payer | null {
  return payersWhere(db, 'WHERE id = ?', [id])[0] ?? null;
}

/** Upserts the payer with its settings; its fee schedule is replaced by `p.fees`. */
export function savePayer(db: Db, p: Payer): void {
  const s = p.settings;
  db.transaction(() => {
    run(
      db,
      `INSERT INTO payers (id, name, payer_id, filing_indicator, addr_line1, addr_line2, addr_city, addr_state, addr_zip,
         code_set, per_diem_days, line_span, concurrency_order, concurrency_modifier59, incidental_per_diems,
         self_administered_covered, drugs_on_medical_claim, waste_modifiers, compound_kp_kq, ndc_units,
         nursing_rn_only, nursing_max_hours_per_day, claim_period, timely_filing_days, pdf_page_totals,
         profile, prior_auth_required_for, injectable_without_iv_or_rn, self_administration_required, always_bundled,
         bundled_supplies, drug_line_notes, charge_basis, code_dates, compound_kp_kq_paper, bill_secondary_with_own_codes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, payer_id = excluded.payer_id,
         filing_indicator = excluded.filing_indicator, addr_line1 = excluded.addr_line1, addr_line2 = excluded.addr_line2,
         addr_city = excluded.addr_city, addr_state = excluded.addr_state, addr_zip = excluded.addr_zip,
         code_set = excluded.code_set, per_diem_days = excluded.per_diem_days, line_span = excluded.line_span,
         concurrency_order = excluded.concurrency_order, concurrency_modifier59 = excluded.concurrency_modifier59,
         incidental_per_diems = excluded.incidental_per_diems, self_administered_covered = excluded.self_administered_covered,
         drugs_on_medical_claim = excluded.drugs_on_medical_claim, waste_modifiers = excluded.waste_modifiers,
         compound_kp_kq = excluded.compound_kp_kq, ndc_units = excluded.ndc_units, nursing_rn_only = excluded.nursing_rn_only,
         nursing_max_hours_per_day = excluded.nursing_max_hours_per_day,
         claim_period = excluded.claim_period, timely_filing_days = excluded.timely_filing_days,
         pdf_page_totals = excluded.pdf_page_totals, profile = excluded.profile,
         prior_auth_required_for = excluded.prior_auth_required_for, injectable_without_iv_or_rn = excluded.injectable_without_iv_or_rn,
         self_administration_required = excluded.self_administration_required, always_bundled = excluded.always_bundled,
         bundled_supplies = excluded.bundled_supplies, drug_line_notes = excluded.drug_line_notes,
         charge_basis = excluded.charge_basis, code_dates = excluded.code_dates, compound_kp_kq_paper = excluded.compound_kp_kq_paper,
         bill_secondary_with_own_codes = excluded.bill_secondary_with_own_codes`,
      p.id, p.name, p.payerId ?? null, p.filingIndicator ?? null, ...addressParams(p.address),
      s.codeSet, s.perDiemDays, s.lineSpan, s.concurrencyOrder, bit(s.concurrencyModifier59), JSON.stringify(s.incidentalPerDiems),
      bit(s.selfAdministeredCovered), bit(s.drugsOnMedicalClaim), s.wasteModifiers, bit(s.compoundKpKq !== false), JSON.stringify(s.ndcUnits),
      bit(s.nursingRnOnly), s.nursingMaxHoursPerDay, s.claimPeriod, s.timelyFilingDays, s.pdfPageTotals,
      p.profile ?? null, JSON.stringify(s.priorAuthRequiredFor), s.injectableWithoutIvOrRn, bit(s.selfAdministrationRequired),
      JSON.stringify(s.alwaysBundled), JSON.stringify(s.bundledSupplies), bit(s.drugLineNotes), s.chargeBasis,
      JSON.stringify(s.codeDates), bit(s.compoundKpKq === 'paper'), bit(s.billSecondaryWithOwnCodes === true),
    );
    run(db, 'DELETE FROM payer_fees WHERE payer_id = ?', p.id);
    for (const [code, micros] of Object.entries(p.fees)) {
      run(db, 'INSERT INTO payer_fees (payer_id, code, price_micros) VALUES (?, ?, ?)', p.id, code, micros);
    }
  })();
}
