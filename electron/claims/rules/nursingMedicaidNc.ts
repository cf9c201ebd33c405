// R-NV-5 NC Medicaid: T1030 × 1 per patient × payer × date with signed visits, on the claim of the
// earliest visit's therapy (an error when that therapy has no per diem that date); T1002-SD for
// each signed RN visit of an amphotericin B therapy, 15-minute units beyond the first 2 hours:
// floor((minutes − 120 + 7) ÷ 15) when positive.
import type { Product } from '../../domain/types.ts';
import { NURSING } from '../codes.ts';

export function isAmphotericinB(product: Product): boolean {
  const a = NURSING.amphotericinB;
  return a.hcpcs.includes(product.hcpcs) || product.name.toLowerCase().includes(a.nameContains);
}

export function monitoringUnits(minutes: number): number {
  return Math.max(0, Math.floor((minutes - 120 + 7) / 15));
}
