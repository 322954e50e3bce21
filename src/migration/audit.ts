/**
 * The export audit: a decision for every account of a legacy export, and the counts, for any
 * target platform (see decide.ts). Streams: rows can be an async iterable (parseCsv(stream)).
 */
import { AuditTally, decideAccount, type AccountDecision, type AuditSummary, type DecideOptions } from './decide.js';
import { accountReader, type ColumnMap, type LegacyAccount, type RowSource } from './rows.js';

export interface AuditOptions extends DecideOptions {
  columns?: ColumnMap;
  /** Called for every account with its decision (e.g. to write a per-account report). */
  onAccount?(account: LegacyAccount, decision: AccountDecision, index: number): unknown;
}

export async function auditAccounts(rows: RowSource, options: AuditOptions = {}): Promise<AuditSummary> {
  const { columns, onAccount, ...decide } = options;
  const read = accountReader(columns);
  const tally = new AuditTally();
  let i = 0;
  for await (const row of rows as AsyncIterable<Readonly<Record<string, unknown>>>) {
    const account = read(row);
    const d = decideAccount(account, decide);
    tally.add(d);
    if (onAccount) await onAccount(account, d, i);
    i++;
  }
  return tally.summary;
}
