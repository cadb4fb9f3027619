/**
 * Device stock (SPEC §5, R-WH): warehouses, device states and their moves, serial numbers, stock
 * documents and the typed errors the stock repository throws. Pure: workflows, activities, the API
 * and the portal import it. The errors' `name`s are Temporal failure types (STOCK_ERROR_TYPES).
 */
import { bi, type Bilingual } from './i18n';
import { formatJalali, jalaliDate, tehranToday } from './jalali';
import { toAsciiDigits, toPersianDigits } from './text';

export const WAREHOUSE_KINDS = ['main', 'agent', 'user'] as const;
export type WarehouseKind = (typeof WAREHOUSE_KINDS)[number];

/**
 * A device's state. `in_stock` and `reserved` devices sit in a warehouse; an `installed` one is on a
 * terminal (no warehouse); `repair` and `scrapped` are kept for the repair and scrap documents.
 */
export const DEVICE_STATES = ['in_stock', 'reserved', 'installed', 'repair', 'scrapped'] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

export const DEVICE_STATE_NAMES: Record<DeviceState, Bilingual> = {
  in_stock: bi('موجود در انبار', 'In stock'),
  reserved: bi('رزروشده برای درخواست', 'Reserved for a request'),
  installed: bi('نصب‌شده روی پایانه', 'Installed on a terminal'),
  repair: bi('در تعمیر', 'In repair'),
  scrapped: bi('اسقاط', 'Scrapped'),
};

/** The moves a device may make; `scrapped` is final. */
export const DEVICE_TRANSITIONS: Record<DeviceState, readonly DeviceState[]> = {
  in_stock: ['reserved', 'repair', 'scrapped'],
  reserved: ['in_stock', 'installed'],
  installed: ['in_stock', 'repair'],
  repair: ['in_stock', 'scrapped'],
  scrapped: [],
};

export const canMoveDevice = (from: DeviceState, to: DeviceState): boolean => DEVICE_TRANSITIONS[from].includes(to);

/** Throws SerialStateError unless the device may move from `from` to `to`. */
export function assertDeviceMove(serial: string, from: DeviceState, to: DeviceState): void {
  if (!canMoveDevice(from, to)) throw new SerialStateError(serial, from, to);
}

export const STOCK_DOCUMENT_KINDS = ['entry', 'exit', 'return', 'transfer', 'repair', 'scrap'] as const;
export type StockDocumentKind = (typeof STOCK_DOCUMENT_KINDS)[number];

export const STOCK_DOCUMENT_NAMES: Record<StockDocumentKind, Bilingual> = {
  entry: bi('رسید ورود', 'Entry'),
  exit: bi('حوالهٔ خروج', 'Exit'),
  return: bi('برگشت از پایانه', 'Return'),
  transfer: bi('انتقال بین انبارها', 'Transfer'),
  repair: bi('ارسال به تعمیر', 'Repair'),
  scrap: bi('اسقاط', 'Scrap'),
};

/** Document number prefixes: `ENT-14050901-0001`. */
export const STOCK_DOCUMENT_PREFIX: Record<StockDocumentKind, string> = {
  entry: 'ENT',
  exit: 'EXT',
  return: 'RET',
  transfer: 'TRF',
  repair: 'RPR',
  scrap: 'SCR',
};

/** Only entries are typed by people; every other document is written by the process that moves devices. */
export const MANUAL_DOCUMENT_KINDS: readonly StockDocumentKind[] = ['entry'];

export const IMPORT_STATUSES = ['importing', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** What happened to a serial (one row of its history). */
export const DEVICE_EVENTS = ['entry', 'reserve', 'release', 'exit', 'return', 'transfer', 'repair', 'scrap'] as const;
export type DeviceEvent = (typeof DEVICE_EVENTS)[number];

export const DEVICE_EVENT_NAMES: Record<DeviceEvent, Bilingual> = {
  entry: bi('ورود به انبار', 'Entered the warehouse'),
  reserve: bi('رزرو برای درخواست', 'Reserved for a request'),
  release: bi('آزاد شدن رزرو', 'Reservation released'),
  exit: bi('نصب روی پایانه (خروج)', 'Installed on a terminal (exit)'),
  return: bi('برگشت از پایانه', 'Returned from a terminal'),
  transfer: bi('انتقال به انبار دیگر', 'Transferred to another warehouse'),
  repair: bi('ارسال به تعمیر', 'Sent to repair'),
  scrap: bi('اسقاط', 'Scrapped'),
};

/** The calendar-day part of a document number: `14050901` (Jalali, Tehran). */
export function stockDocumentDay(instant: Date): string {
  return formatJalali(jalaliDate(instant)).replace(/\//g, '');
}

/** A document's human-readable number, e.g. `ENT-14050901-0001` (sequence per kind and day). */
export function stockDocumentNumber(kind: StockDocumentKind, instant: Date, sequence: number): string {
  return `${STOCK_DOCUMENT_PREFIX[kind]}-${stockDocumentDay(instant)}-${String(sequence).padStart(4, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Serials.

export const SERIAL_MIN = 4;
export const SERIAL_MAX = 30;

export type SerialCheck = { ok: true; serial: string } | { ok: false; code: string; message: Bilingual };

/**
 * A serial as people type or paste it: trimmed, Persian/Arabic digits to Latin, upper-case; then
 * 4–30 characters of A–Z, 0–9 and `-`. Failure codes: `required`, `serial_length`, `serial_chars`.
 */
export function normalizeSerial(input: string): SerialCheck {
  const serial = toAsciiDigits(input)
    .replace(/^[\s\u200c\u200f\u200e\uFEFF]+|[\s\u200c\u200f\u200e\uFEFF]+$/g, '')
    .toUpperCase();
  if (!serial) return { ok: false, code: 'required', message: bi('سریال وارد نشده است.', 'The serial is missing.') };
  if (!/^[A-Z0-9-]+$/.test(serial)) {
    return {
      ok: false,
      code: 'serial_chars',
      message: bi(
        'سریال تنها می‌تواند حروف لاتین، رقم و خط تیره (-) داشته باشد.',
        'A serial may hold only Latin letters, digits and hyphens (-).',
      ),
    };
  }
  if (serial.length < SERIAL_MIN || serial.length > SERIAL_MAX) {
    return {
      ok: false,
      code: 'serial_length',
      message: bi(
        `سریال باید ${toPersianDigits(SERIAL_MIN)} تا ${toPersianDigits(SERIAL_MAX)} نویسه باشد (این یکی ${toPersianDigits(serial.length)} نویسه است).`,
        `A serial must be ${SERIAL_MIN}–${SERIAL_MAX} characters long (this one has ${serial.length}).`,
      ),
    };
  }
  return { ok: true, serial };
}

// ---------------------------------------------------------------------------------------------
// Entry lines: what a person pastes or uploads.

export interface EntryLineInput {
  /** 1-based line in the file or list. */
  line: number;
  serial: string;
  deviceModel: string;
}

export interface EntryLineError {
  line: number;
  serial: string;
  code: string;
  message: Bilingual;
}

export const ENTRY_LINE_ERRORS = {
  duplicateInFile: (line: number, serial: string, first: number): EntryLineError => ({
    line,
    serial,
    code: 'duplicate_in_file',
    message: bi(
      `سریال «${serial}» پیش‌تر در سطر ${toPersianDigits(first)} همین فهرست آمده است.`,
      `Serial "${serial}" already appears on line ${first} of this list.`,
    ),
  }),
  alreadyInSystem: (line: number, serial: string): EntryLineError => ({
    line,
    serial,
    code: 'serial_exists',
    message: bi(`سریال «${serial}» پیش‌تر در سامانه ثبت شده است.`, `Serial "${serial}" is already in the system.`),
  }),
  unknownModel: (line: number, serial: string, model: string): EntryLineError => ({
    line,
    serial,
    code: 'unknown_model',
    message: bi(
      `مدل دستگاه «${model}» در اطلاعات پایه تعریف نشده یا غیرفعال است.`,
      `Device model "${model}" is not an active item of base data.`,
    ),
  }),
};

/**
 * Normalises entry lines and finds what is wrong inside the list itself (serial format, a serial
 * twice). What needs the database (serial already in the system, unknown model) is checked later.
 */
export function checkEntryLines(lines: readonly EntryLineInput[]): { lines: EntryLineInput[]; errors: EntryLineError[] } {
  const out: EntryLineInput[] = [];
  const errors: EntryLineError[] = [];
  const firstLine = new Map<string, number>();
  for (const l of lines) {
    const check = normalizeSerial(l.serial);
    const model = toAsciiDigits(l.deviceModel).trim().toLowerCase();
    if (!check.ok) {
      errors.push({ line: l.line, serial: l.serial.trim(), code: check.code, message: check.message });
      continue;
    }
    const first = firstLine.get(check.serial);
    if (first !== undefined) {
      errors.push(ENTRY_LINE_ERRORS.duplicateInFile(l.line, check.serial, first));
      continue;
    }
    firstLine.set(check.serial, l.line);
    out.push({ line: l.line, serial: check.serial, deviceModel: model });
  }
  return { lines: out, errors };
}

/**
 * Entry lines from CSV records: a header row naming `serial` (and optionally `model`/`device_model`)
 * columns, or no header (serial in the first column, model in the second). A line without a model
 * takes `defaultModel`.
 */
export function entryLinesFromCsv(
  records: readonly { line: number; cells: string[] }[],
  defaultModel: string | undefined,
): EntryLineInput[] {
  if (!records.length) return [];
  const header = records[0].cells.map((c) =>
    c
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-'),
  );
  const serialCol = header.findIndex((h) => h === 'serial' || h === 'سریال');
  const modelCol = header.findIndex((h) => h === 'model' || h === 'device-model' || h === 'مدل');
  const hasHeader = serialCol >= 0;
  const sCol = hasHeader ? serialCol : 0;
  const mCol = hasHeader ? modelCol : 1;
  return records.slice(hasHeader ? 1 : 0).map((r) => ({
    line: r.line,
    serial: r.cells[sCol] ?? '',
    deviceModel: (mCol >= 0 ? r.cells[mCol]?.trim() : '') || (defaultModel ?? ''),
  }));
}

// ---------------------------------------------------------------------------------------------
// Days.

/** The first instant of the Tehran calendar day after `day` (`YYYY-MM-DD`): stock "at" a day is counted before it. */
export function endOfTehranDay(day: string): Date {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  // Tehran is UTC+03:30 (UTC+04:30 in summers before 2023).
  for (const offsetMinutes of [210, 270]) {
    const at = new Date(Date.parse(`${next}T00:00:00Z`) - offsetMinutes * 60_000);
    if (tehranToday(at) === next && tehranToday(new Date(at.getTime() - 1)) !== next) return at;
  }
  return new Date(Date.parse(`${next}T00:00:00Z`) - 210 * 60_000);
}

// ---------------------------------------------------------------------------------------------
// Errors: stable code, bilingual text; the API maps them to 404/409, workflows to non-retryable failures.

export abstract class StockError extends Error {
  abstract readonly code: string;
  abstract readonly status: 404 | 409;
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

export interface Named {
  code?: string;
  id?: string;
  nameFa: string;
  nameEn: string;
}

/** No free serial of the model in the agent's warehouse. */
export class NoStockError extends StockError {
  override readonly name = 'NoStockError';
  readonly code = 'NO_STOCK';
  readonly status = 409;
  constructor(
    readonly agent: Named,
    readonly deviceModel: Named,
  ) {
    super(
      bi(
        `در انبار «${agent.nameFa}» دستگاه آزادی از مدل «${deviceModel.nameFa}» نیست.`,
        `The warehouse of ${agent.nameEn} has no free device of model ${deviceModel.nameEn}.`,
      ),
    );
  }
}

/** The serial is not in a state that allows the move. */
export class SerialStateError extends StockError {
  override readonly name = 'SerialStateError';
  readonly code = 'SERIAL_STATE';
  readonly status = 409;
  constructor(
    readonly serial: string,
    readonly state: DeviceState,
    readonly wanted: string,
    detail?: Bilingual,
  ) {
    const from = DEVICE_STATE_NAMES[state];
    super(
      detail ??
        bi(
          `دستگاه «${serial}» در وضعیت «${from.fa}» است و این کار روی آن شدنی نیست.`,
          `Device ${serial} is ${from.en.toLowerCase()}; this move is not possible.`,
        ),
    );
  }
}

export class SerialNotFoundError extends StockError {
  override readonly name = 'SerialNotFoundError';
  readonly code = 'SERIAL_NOT_FOUND';
  readonly status = 404;
  constructor(readonly serial: string) {
    super(bi(`دستگاهی با سریال «${serial}» در سامانه نیست.`, `There is no device with serial ${serial}.`));
  }
}

/** installSerial for a request that holds no reserved serial. */
export class NothingReservedError extends StockError {
  override readonly name = 'NothingReservedError';
  readonly code = 'NOTHING_RESERVED';
  readonly status = 409;
  constructor(readonly requestId: string) {
    super(bi(`برای درخواست «${requestId}» سریالی رزرو نشده است.`, `No serial is reserved for request ${requestId}.`));
  }
}

/** A terminal holds one device; return the old one before installing another. */
export class TerminalOccupiedError extends StockError {
  override readonly name = 'TerminalOccupiedError';
  readonly code = 'TERMINAL_OCCUPIED';
  readonly status = 409;
  constructor(
    readonly terminalId: string,
    readonly serial: string,
  ) {
    super(
      bi(
        `دستگاه «${serial}» هنوز روی این پایانه نصب است؛ نخست آن را برگردانید.`,
        `Device ${serial} is still installed on this terminal; return it first.`,
      ),
    );
  }
}

/** A transfer between warehouses that cannot be made (same warehouse, inactive target…). */
export class TransferError extends StockError {
  override readonly name = 'TransferError';
  readonly code = 'TRANSFER_NOT_POSSIBLE';
  readonly status = 409;
}

/** Failure types for `nonRetryableErrorTypes` in the request workflows' activity options. */
export const STOCK_ERROR_TYPES = [
  'NoStockError',
  'SerialStateError',
  'SerialNotFoundError',
  'NothingReservedError',
  'TerminalOccupiedError',
  'TransferError',
] as const;
