import { z } from 'zod';
import { loadConfig } from '../../api/lib/config';
import { fieldErrorFromIssue } from '../../api/lib/errors';
import { chunkForParams } from '../../db/connection';

describe('configuration', () => {
  test('when nothing is set, then the embedded defaults are used', () => {
    const c = loadConfig({});
    expect(c.db.dialect).toBe('sqlite');
    expect(c.auth.audience).toBe('kartabl-api');
    expect(c.tickets.firstResponseSlaMs).toBe(4 * 3_600_000);
  });
  test('when values are bad, then start-up fails naming each variable', () => {
    expect(() => loadConfig({ PORT: 'abc', TICKET_AUTO_CLOSE_AFTER: 'soon', KEYCLOAK_URL: 'not a url' })).toThrow(
      /PORT[\s\S]*KEYCLOAK_URL[\s\S]*TICKET_AUTO_CLOSE_AFTER/,
    );
  });
  test('when TERMINAL_SYNC_INTERVAL is unset it is 6h; 0 or off switch the sync off; nonsense stops start-up', () => {
    expect(loadConfig({}).terminalSyncIntervalMs).toBe(6 * 3_600_000);
    expect(loadConfig({ TERMINAL_SYNC_INTERVAL: '30m' }).terminalSyncIntervalMs).toBe(1_800_000);
    expect(loadConfig({ TERMINAL_SYNC_INTERVAL: 'off' }).terminalSyncIntervalMs).toBe(0);
    expect(loadConfig({ TERMINAL_SYNC_INTERVAL: '0' }).terminalSyncIntervalMs).toBe(0);
    expect(() => loadConfig({ TERMINAL_SYNC_INTERVAL: 'sometimes' })).toThrow(/TERMINAL_SYNC_INTERVAL/);
  });

  test('when the dialect is unknown, then start-up fails', () => {
    expect(() => loadConfig({ DB_DIALECT: 'oracle' })).toThrow(/DB_DIALECT/);
  });
});

describe('validation messages', () => {
  const schema = z.strictObject({ subject: z.string().min(5).max(10), priority: z.enum(['low', 'high']), n: z.number().min(1) });
  const fields = (input: unknown) => schema.safeParse(input).error!.issues.map((i) => fieldErrorFromIssue(i));

  test('when a field is missing, then it is reported as required in both languages', () => {
    const f = fields({ priority: 'low', n: 2 });
    expect(f).toEqual([
      { field: 'subject', code: 'required', message: { fa: 'این فیلد الزامی است.', en: 'This field is required.' } },
    ]);
  });
  test('when values break limits, then each field says why', () => {
    const f = fields({ subject: 'abc', priority: 'mid', n: 0, extra: 1 });
    expect(f.map((x) => [x.field, x.code])).toEqual([
      ['subject', 'too_short'],
      ['priority', 'invalid_value'],
      ['n', 'too_small'],
      ['extra', 'unknown_field'],
    ]);
    expect(f[0].message.fa).toContain('5');
  });
});

describe('SQL Server parameter limit', () => {
  test('when rows are chunked, then no chunk needs more than 2,000 parameters', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => i);
    const chunks = chunkForParams(rows, 9);
    expect(chunks.every((c) => c.length * 9 <= 2000)).toBe(true);
    expect(chunks.flat()).toEqual(rows);
  });
});
