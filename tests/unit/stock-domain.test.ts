import { parseCsv } from '../../domain/csv';
import { tehranToday } from '../../domain/jalali';
import {
  DEVICE_STATES,
  DEVICE_TRANSITIONS,
  NoStockError,
  STOCK_ERROR_TYPES,
  SerialStateError,
  assertDeviceMove,
  canMoveDevice,
  checkEntryLines,
  endOfTehranDay,
  entryLinesFromCsv,
  normalizeSerial,
  stockDocumentNumber,
} from '../../domain/stock';

describe('normalizeSerial', () => {
  it.each([
    ['  ab-1234 ', 'AB-1234'],
    ['۱۲۳۴۵۶', '123456'],
    ['٠١٢٣', '0123'],
    ['pax\u200c9'.replace('\u200c', ''), 'PAX9'],
    ['\uFEFFSN-0001\t', 'SN-0001'],
    ['A'.repeat(30), 'A'.repeat(30)],
    ['abcd', 'ABCD'],
  ])('when %j is typed, then it is %j', (input, serial) => {
    expect(normalizeSerial(input)).toEqual({ ok: true, serial });
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['ABC', 'serial_length'],
    ['A'.repeat(31), 'serial_length'],
    ['AB 1234', 'serial_chars'],
    ['AB_1234', 'serial_chars'],
    ['AB/1234', 'serial_chars'],
    ['سریال۱۲', 'serial_chars'],
  ])('when %j is typed, then it is refused with %s and a fa/en message', (input, code) => {
    const r = normalizeSerial(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.message.fa).toMatch(/[\u0600-\u06FF]/);
    expect(r.message.en).toMatch(/serial/i);
  });
});

describe('device states', () => {
  it('when a device is in stock, then it may be reserved, repaired or scrapped but not installed directly', () => {
    expect(canMoveDevice('in_stock', 'reserved')).toBe(true);
    expect(canMoveDevice('in_stock', 'installed')).toBe(false);
    expect(canMoveDevice('reserved', 'installed')).toBe(true);
    expect(canMoveDevice('reserved', 'in_stock')).toBe(true);
    expect(canMoveDevice('installed', 'in_stock')).toBe(true);
    expect(canMoveDevice('installed', 'reserved')).toBe(false);
  });

  it('when a device is scrapped, then it never moves again', () => {
    for (const to of DEVICE_STATES) expect(canMoveDevice('scrapped', to)).toBe(false);
  });

  it('when every transition target is listed, then it is a known state', () => {
    for (const from of DEVICE_STATES) for (const to of DEVICE_TRANSITIONS[from]) expect(DEVICE_STATES).toContain(to);
  });

  it('when a move is not allowed, then SerialStateError carries a stable code and names the serial', () => {
    expect(() => assertDeviceMove('SN-1', 'in_stock', 'reserved')).not.toThrow();
    let err: unknown;
    try {
      assertDeviceMove('SN-1', 'installed', 'reserved');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SerialStateError);
    expect(err).toMatchObject({ code: 'SERIAL_STATE', name: 'SerialStateError', status: 409, serial: 'SN-1' });
    expect((err as SerialStateError).text.fa).toContain('SN-1');
  });
});

describe('errors', () => {
  it('when there is no stock, then NoStockError names the agent and the model in both languages', () => {
    const e = new NoStockError(
      { nameFa: 'نمایندگی آلفا', nameEn: 'Alpha agency' },
      { code: 'pax-s90', nameFa: 'پکس S90', nameEn: 'PAX S90' },
    );
    expect(e).toMatchObject({ code: 'NO_STOCK', name: 'NoStockError', status: 409 });
    expect(e.text.fa).toContain('نمایندگی آلفا');
    expect(e.text.fa).toContain('پکس S90');
    expect(e.message).toBe(e.text.en);
    expect(e.text.en).toContain('Alpha agency');
  });

  it('when the workflow lists non-retryable types, then every stock error class name is there', () => {
    expect(STOCK_ERROR_TYPES).toContain(new NoStockError({ nameFa: 'a', nameEn: 'a' }, { nameFa: 'm', nameEn: 'm' }).name);
    expect(STOCK_ERROR_TYPES).toContain(new SerialStateError('X', 'in_stock', 'installed').name);
  });
});

describe('document numbers', () => {
  it('when a document is written on 1 Azar 1405 in Tehran, then its number carries the Jalali day and a 4-digit sequence', () => {
    // 2026-11-22 is 1405/09/01; 22:00 UTC is already 23 Nov in Tehran (01:30, 1405/09/02).
    expect(stockDocumentNumber('entry', new Date('2026-11-22T08:00:00Z'), 1)).toBe('ENT-14050901-0001');
    expect(stockDocumentNumber('exit', new Date('2026-11-22T22:00:00Z'), 42)).toBe('EXT-14050902-0042');
    expect(stockDocumentNumber('transfer', new Date('2026-11-22T08:00:00Z'), 12345)).toBe('TRF-14050901-12345');
  });
});

describe('entry lines', () => {
  it('when a list has a duplicate (after normalising) and a bad serial, then each is reported with its line and the rest kept', () => {
    const { lines, errors } = checkEntryLines([
      { line: 1, serial: 'sn-0001', deviceModel: ' PAX-S90 ' },
      { line: 2, serial: 'SN-۰۰۰۱', deviceModel: 'pax-s90' },
      { line: 3, serial: 'S/N', deviceModel: 'pax-s90' },
      { line: 4, serial: 'SN-0002', deviceModel: 'pax-d210' },
    ]);
    expect(lines).toEqual([
      { line: 1, serial: 'SN-0001', deviceModel: 'pax-s90' },
      { line: 4, serial: 'SN-0002', deviceModel: 'pax-d210' },
    ]);
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'duplicate_in_file'],
      [3, 'serial_chars'],
    ]);
    expect(errors[0].message.en).toContain('line 1');
  });

  it('when a CSV has a header with serial and model columns in any order, then lines take their own model', () => {
    const records = parseCsv('Model,Serial\r\npax-s90,SN-1001\r\n,SN-1002\r\n');
    expect(entryLinesFromCsv(records, 'pax-d210')).toEqual([
      { line: 2, serial: 'SN-1001', deviceModel: 'pax-s90' },
      { line: 3, serial: 'SN-1002', deviceModel: 'pax-d210' },
    ]);
  });

  it('when a CSV has no header, then the first column is the serial and the second the model', () => {
    const records = parseCsv('SN-2001\nSN-2002,pax-a930\n');
    expect(entryLinesFromCsv(records, undefined)).toEqual([
      { line: 1, serial: 'SN-2001', deviceModel: '' },
      { line: 2, serial: 'SN-2002', deviceModel: 'pax-a930' },
    ]);
  });
});

describe('endOfTehranDay', () => {
  it('when a day is given, then the result is the first instant of the next Tehran day', () => {
    const end = endOfTehranDay('2026-11-22');
    expect(end.toISOString()).toBe('2026-11-22T20:30:00.000Z');
    expect(tehranToday(end)).toBe('2026-11-23');
    expect(tehranToday(new Date(end.getTime() - 1))).toBe('2026-11-22');
  });

  it('when the day fell in an old Iranian summer time, then the offset of that day is used', () => {
    const end = endOfTehranDay('2021-07-01');
    expect(tehranToday(end)).toBe('2021-07-02');
    expect(tehranToday(new Date(end.getTime() - 1))).toBe('2021-07-01');
  });
});
