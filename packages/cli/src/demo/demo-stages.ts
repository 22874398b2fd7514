import type { RawTx } from '@chanbang/db';

/**
 * Puts the demo's monitoring cases at their procedure stage (approved / eliminated / village, from their status)
 * and leaves a few cases of the given village waiting at each stage, so that every demo user (village, township,
 * county) finds something in 待办: a case returned to the village with its reason, one awaiting 乡镇审核, one
 * awaiting 县级审批, and three under 风险消除 (village, township, county). Dates are recent (relative to today).
 * @param prefix the demo county's code prefix
 * @param villageCode the village of the demo village officer
 * @returns the number of cases left waiting
 */
export async function stageDemoCases(tx: RawTx, prefix: string, villageCode: string): Promise<number> {
  await tx.query(
    `UPDATE monitoring_cases SET stage = CASE status WHEN 'monitoring' THEN 'approved' WHEN 'eliminated' THEN 'eliminated' ELSE 'village' END
     WHERE region_code LIKE $1`,
    [`${prefix}%`],
  );
  // identification: three households of the village without a case
  const fresh = await tx.query<{ id: number | string; region_code: string }>(
    `SELECT h.id, h.region_code FROM households h
     WHERE h.region_code LIKE $1 AND h.deleted_at IS NULL AND h.monitoring_status = 'none'
       AND NOT EXISTS (SELECT 1 FROM monitoring_cases c WHERE c.household_id = h.id)
     ORDER BY h.id LIMIT 3`,
    [`${villageCode}%`],
  );
  const stages = ['village', 'township_review', 'county_approval'] as const;
  let n = 0;
  for (const [i, h] of fresh.entries()) {
    const stage = stages[i]!;
    await tx.query(
      `INSERT INTO monitoring_cases (household_id, region_code, monitoring_type, lead_source, lead_date, home_visit_date, commitment_date,
         info_check_date, village_review_date, publicity_start, publicity_end, township_review_date, status, stage, risk_types,
         return_reason, returned_at)
       VALUES ($1, $2, 'marginal', 'cadre_check', current_date - 12, current_date - 11, current_date - 11, current_date - 10, current_date - 9,
         current_date - 8, current_date - 4, $3::date, 'identifying', $4::text, '{illness}', $5::text, $6::timestamptz)`,
      [
        h.id,
        h.region_code,
        stage === 'county_approval' ? new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10) : null,
        stage,
        stage === 'village' ? '民主评议记录缺少参会人员签字，请补充后重新报审' : null,
        stage === 'village' ? new Date().toISOString() : null,
      ],
    );
    await tx.query(`UPDATE households SET monitoring_status = 'identifying' WHERE id = $1`, [h.id]);
    n++;
  }
  // elimination: three approved cases of the village
  const approved = await tx.query<{ id: number | string }>(`SELECT id FROM monitoring_cases WHERE region_code LIKE $1 AND stage = 'approved' ORDER BY id LIMIT 3`, [
    `${villageCode}%`,
  ]);
  const elim = ['elim_village', 'elim_township_review', 'elim_county_approval'] as const;
  for (const [i, c] of approved.entries()) {
    await tx.query(
      `UPDATE monitoring_cases SET stage = $2::text, elim_home_visit_date = current_date - 10, rigid_expense_resolved = true, no_new_risk = true,
         elim_publicity_start = CASE WHEN $2::text <> 'elim_village' THEN current_date - 9 END,
         elim_publicity_end = CASE WHEN $2::text <> 'elim_village' THEN current_date - 5 END,
         elim_township_review_date = CASE WHEN $2::text = 'elim_county_approval' THEN current_date - 3 END,
         elimination_method = 'natural', updated_at = now()
       WHERE id = $1`,
      [c.id, elim[i]],
    );
    n++;
  }
  return n;
}
