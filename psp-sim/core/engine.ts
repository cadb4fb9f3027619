/**
 * The PSP simulators' shared core: state (kept in memory and in a JSON file, so a restart keeps it),
 * asynchronous processing (a submission gets a tracking code; its verdict is reached when the clock
 * passes `submittedAt + verdictDelayMs`, in submission order), idempotency by client request id,
 * business rules with PSP-specific rejection codes, callbacks with retries, fault injection and
 * the Shaparak-side controls (deactivation, daily transactions).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkMobile, checkNationalCode, checkPostalCode, checkSheba, normalizeSheba } from '../../domain/iran';
import type { SimClock } from './clock';
import { REJECTION_MESSAGES_FA, type PspProfile, type RejectionReason } from './tables';

export const SUBMISSIONS = [
  'register',
  'defineDevice',
  'swap',
  'changeAccount',
  'changeMerchantInfo',
  'collect',
  'reactivate',
] as const;
export type Submission = (typeof SUBMISSIONS)[number];
/** Every operation a fault can be injected into. */
export type Operation = Submission | 'login' | 'status' | 'terminal' | 'transactions';
export const OPERATIONS: readonly Operation[] = [...SUBMISSIONS, 'login', 'status', 'terminal', 'transactions'];

export type FaultKind = 'error' | 'hang' | 'malformed' | 'lost';
export interface FaultSpec {
  /** Extra delay before answering (or before failing), ms of real time. */
  latencyMs?: number;
  /**
   * error: an HTTP 5xx (`status`, default 503), nothing processed. hang: no answer at all, nothing
   * processed (the client times out). malformed: processed, the answer is garbage. lost: processed,
   * the connection is dropped without an answer.
   */
  failure?: FaultKind;
  status?: number;
  /** Applies to the next `times` calls of the operation only; absent: until cleared. */
  times?: number;
  /**
   * A mix of failures by chance instead of one `failure` for every call: each call draws a number in
   * [0, 100) from `seed` and its call count (deterministic: the same seed fails the same calls), and
   * suffers the first chance whose cumulative percentage covers it; the rest get only `latencyMs`.
   * E.g. `[{failure: 'error', percent: 20}, {failure: 'hang', percent: 5}, {failure: 'lost', percent: 2}]`.
   */
  chances?: FaultChance[];
  seed?: number;
  /** Calls drawn so far under `chances` (kept by the simulator). */
  draws?: number;
}

export interface FaultChance {
  failure: FaultKind;
  percent: number;
  /** HTTP status of an `error` (default 503). */
  status?: number;
}

/** A uniform number in [0, 100) for the n-th call of an operation under a seed (FNV-1a + mulberry32). */
export function faultDraw(seed: number, op: string, n: number): number {
  let h = 0x811c9dc5;
  for (const ch of `${seed}:${op}:${n}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  let t = (h + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 100;
}

export type TerminalStatus = 'awaiting_device' | 'active' | 'deactivated' | 'collected';

export interface Terminal {
  terminalId: string;
  merchantId: string;
  nationalCode: string;
  firstName: string;
  lastName: string;
  mobile: string;
  shopName: string;
  guildCode: string;
  postalCode: string;
  address: string;
  sheba: string;
  bankCode: string;
  deviceModel?: string;
  serial?: string;
  status: TerminalStatus;
  statusReason?: string;
  history: { at: string; event: string; trackingCode?: string }[];
}

export type RequestStatus = 'pending' | 'done' | 'rejected';

export interface SimRequest {
  trackingCode: string;
  clientRequestId: string;
  operation: Submission;
  username: string;
  body: Record<string, string>;
  bodyHash: string;
  submittedAt: string;
  decideAt: number;
  status: RequestStatus;
  decidedAt?: string;
  result?: Record<string, string>;
  rejection?: { code: string; reason: RejectionReason; message: string };
  callback?: {
    url: string;
    attempts: number;
    delivered: boolean;
    nextAt: number;
    gaveUp: boolean;
    log: { at: string; outcome: string }[];
  };
}

export interface DuplicateRecord {
  clientRequestId: string;
  operation: Submission;
  trackingCode: string;
  at: string;
  sameBody: boolean;
}

export interface Transaction {
  rrn: string;
  terminalId: string;
  date: string;
  time: string;
  amount: number;
  cardPan: string;
  kind: 'purchase' | 'balance' | 'refund';
  success: boolean;
}

export interface SimSettings {
  verdictDelayMs: number;
  tokenTtlMs: number;
  callbackMaxAttempts: number;
  callbackRetryBaseMs: number;
}

interface SimState {
  seq: { merchant: number; terminal: number; request: number };
  users: Record<string, string>;
  merchants: Record<string, string>; // national code → merchant id
  terminals: Record<string, Terminal>;
  requests: Record<string, SimRequest>;
  byClientId: Record<string, string>;
  duplicates: DuplicateRecord[];
  shebaOwners: Record<string, string>;
  transactions: Record<string, Record<string, Transaction[]>>;
  settings: SimSettings;
  faults: Partial<Record<Operation, FaultSpec>>;
}

export const DEFAULT_USERS: Record<string, string> = { kartabl: 'kartabl-demo' };
export const DEFAULT_SETTINGS: SimSettings = {
  verdictDelayMs: 2000,
  tokenTtlMs: 15 * 60_000,
  callbackMaxAttempts: 5,
  callbackRetryBaseMs: 1000,
};

/** A refusal answered at once (bad shape, unknown tracking code, id reused with another body). */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

class Rejection extends Error {
  constructor(readonly reason: RejectionReason) {
    super(reason);
  }
}

/** Fields each submission needs (all strings); the rest are optional. */
export const REQUIRED: Record<Submission, string[]> = {
  register: [
    'nationalCode',
    'firstName',
    'lastName',
    'mobile',
    'shopName',
    'guildCode',
    'postalCode',
    'address',
    'sheba',
    'bankCode',
  ],
  defineDevice: ['terminalId', 'deviceModel', 'serial'],
  swap: ['terminalId', 'deviceModel', 'serial', 'reasonCode'],
  changeAccount: ['terminalId', 'sheba', 'bankCode'],
  changeMerchantInfo: ['terminalId'],
  collect: ['terminalId', 'reasonCode'],
  reactivate: ['terminalId'],
};
export const OPTIONAL: Partial<Record<Submission, string[]>> = {
  changeMerchantInfo: ['shopName', 'mobile', 'address', 'postalCode'],
};

function stableHash(value: unknown): string {
  const canon = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
        )
      : v;
  return createHash('sha256')
    .update(JSON.stringify(canon(value)))
    .digest('hex');
}

/** A small deterministic PRNG (mulberry32) seeded from a string. */
function rng(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32BE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface EngineOptions {
  profile: PspProfile;
  dataDir: string;
  clock: SimClock;
  settings?: Partial<SimSettings>;
  users?: Record<string, string>;
}

/** Longest a change waits before the state file is rewritten. */
const SAVE_DELAY_MS = 50;

export class SimEngine {
  readonly profile: PspProfile;
  private readonly file: string;
  private readonly clock: SimClock;
  private state: SimState;
  private readonly tokens = new Map<string, { username: string; expiresAt: number }>();
  private readonly inFlight = new Set<string>();
  /** How the front end words a verdict in a callback (PSP-A: upper-case states). */
  formatVerdict: (r: SimRequest) => unknown = (r) => this.verdictOf(r);

  constructor(opts: EngineOptions) {
    this.profile = opts.profile;
    this.clock = opts.clock;
    mkdirSync(opts.dataDir, { recursive: true });
    this.file = join(opts.dataDir, `psp-${opts.profile.psp}.json`);
    this.state = existsSync(this.file)
      ? (JSON.parse(readFileSync(this.file, 'utf8')) as SimState)
      : {
          seq: { merchant: 0, terminal: 0, request: 0 },
          users: { ...DEFAULT_USERS },
          merchants: {},
          terminals: {},
          requests: {},
          byClientId: {},
          duplicates: [],
          shebaOwners: {},
          transactions: {},
          settings: { ...DEFAULT_SETTINGS },
          faults: {},
        };
    if (opts.settings) this.state.settings = { ...this.state.settings, ...opts.settings };
    if (opts.users) this.state.users = { ...this.state.users, ...opts.users };
    this.flush();
  }

  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * Changes reach the state file at most every SAVE_DELAY_MS (one write for a burst of changes instead
   * of rewriting the whole file on each), and at once on flush() / drain() (stop).
   */
  private save(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
    this.saveTimer.unref?.();
  }

  /** Writes the state file now (atomically: a temporary file renamed over it). */
  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, this.file);
  }

  private iso(): string {
    return new Date(this.clock.now()).toISOString();
  }

  get settings(): SimSettings {
    return { ...this.state.settings };
  }

  updateSettings(patch: Partial<SimSettings>): SimSettings {
    this.state.settings = { ...this.state.settings, ...patch };
    this.save();
    return this.settings;
  }

  // -------------------------------------------------------------------------------------------
  // Accounts

  addUser(username: string, password: string): void {
    this.state.users[username] = password;
    this.save();
  }

  checkPassword(username: string, password: string): boolean {
    const known = this.state.users[username];
    return known !== undefined && known === password;
  }

  /** PSP-A: a bearer token for a valid login, or null. */
  login(username: string, password: string): { token: string; expiresInMs: number } | null {
    if (!this.checkPassword(username, password)) return null;
    const token = randomBytes(24).toString('base64url');
    const ttl = this.state.settings.tokenTtlMs;
    this.tokens.set(token, { username, expiresAt: this.clock.now() + ttl });
    return { token, expiresInMs: ttl };
  }

  /** The user of a live token; null when unknown or expired. */
  tokenUser(token: string): string | null {
    const t = this.tokens.get(token);
    if (!t) return null;
    if (this.clock.now() >= t.expiresAt) {
      this.tokens.delete(token);
      return null;
    }
    return t.username;
  }

  // -------------------------------------------------------------------------------------------
  // Faults

  setFault(op: Operation, spec: FaultSpec): void {
    this.state.faults[op] = spec;
    this.save();
  }

  clearFaults(op?: Operation): void {
    if (op) delete this.state.faults[op];
    else this.state.faults = {};
    this.save();
  }

  get faults(): Partial<Record<Operation, FaultSpec>> {
    return structuredClone(this.state.faults);
  }

  /** The fault this call of `op` suffers (consuming one of its `times`), or null. */
  takeFault(op: Operation): FaultSpec | null {
    const spec = this.state.faults[op];
    if (!spec) return null;
    if (spec.times !== undefined) {
      if (spec.times <= 0) return null;
      spec.times -= 1;
      if (spec.times === 0) delete this.state.faults[op];
      this.save();
    }
    if (spec.chances) {
      const n = spec.draws ?? 0;
      spec.draws = n + 1;
      const draw = faultDraw(spec.seed ?? 0, op, n);
      let upTo = 0;
      const hit = spec.chances.find((c) => draw < (upTo += c.percent));
      return { latencyMs: spec.latencyMs, ...(hit ? { failure: hit.failure, status: hit.status ?? spec.status } : {}) };
    }
    return { ...spec };
  }

  // -------------------------------------------------------------------------------------------
  // Submissions

  /**
   * Registers a submission, or answers a repeated one with the original request (recording the
   * duplicate). The same client request id with a different body is refused (409).
   */
  submit(
    operation: Submission,
    clientRequestId: string,
    input: Record<string, unknown>,
    opts: { username: string; callbackUrl?: string },
  ): { request: SimRequest; duplicate: boolean } {
    if (!clientRequestId || clientRequestId.length > 100) {
      throw new SimError(400, this.code('validation'), 'شناسهٔ درخواست (request id) الزامی است و حداکثر ۱۰۰ نویسه دارد.');
    }
    const body = this.shape(operation, input);
    const bodyHash = stableHash({ operation, body, callbackUrl: opts.callbackUrl ?? null });
    const existing = this.state.byClientId[clientRequestId];
    if (existing) {
      const original = this.state.requests[existing];
      const sameBody = original.bodyHash === bodyHash;
      this.state.duplicates.push({ clientRequestId, operation, trackingCode: existing, at: this.iso(), sameBody });
      this.save();
      if (!sameBody) {
        throw new SimError(409, this.code('idempotency'), 'این شناسهٔ درخواست پیش‌تر با محتوای دیگری ثبت شده است.');
      }
      return { request: structuredClone(original), duplicate: true };
    }
    const trackingCode = this.profile.trackingCode(++this.state.seq.request);
    const now = this.clock.now();
    const request: SimRequest = {
      trackingCode,
      clientRequestId,
      operation,
      username: opts.username,
      body,
      bodyHash,
      submittedAt: this.iso(),
      decideAt: now + this.state.settings.verdictDelayMs,
      status: 'pending',
      ...(opts.callbackUrl
        ? { callback: { url: opts.callbackUrl, attempts: 0, delivered: false, nextAt: 0, gaveUp: false, log: [] } }
        : {}),
    };
    this.state.requests[trackingCode] = request;
    this.state.byClientId[clientRequestId] = trackingCode;
    this.save();
    return { request: structuredClone(request), duplicate: false };
  }

  /** Codes of immediate refusals, in the PSP's style. */
  code(kind: 'validation' | 'idempotency' | 'not_found' | 'auth' | 'server'): string {
    const a = { validation: 'A400', idempotency: 'A409', not_found: 'A404', auth: 'A401', server: 'A500' };
    const b = { validation: '400', idempotency: '409', not_found: '404', auth: '401', server: '500' };
    return (this.profile.psp === 'a' ? a : b)[kind];
  }

  private shape(operation: Submission, input: Record<string, unknown>): Record<string, string> {
    const body: Record<string, string> = {};
    const missing: string[] = [];
    for (const f of REQUIRED[operation]) {
      const v = input[f];
      if (typeof v === 'string' && v.trim() !== '') body[f] = v.trim();
      else if (typeof v === 'number') body[f] = String(v);
      else missing.push(f);
    }
    for (const f of OPTIONAL[operation] ?? []) {
      const v = input[f];
      if (typeof v === 'string' && v.trim() !== '') body[f] = v.trim();
    }
    if (missing.length) {
      throw new SimError(400, this.code('validation'), `فیلدهای الزامی وارد نشده‌اند: ${missing.join('، ')}`);
    }
    return body;
  }

  findRequest(trackingCode: string): SimRequest {
    this.settle();
    const r = this.state.requests[trackingCode] ?? this.state.requests[this.state.byClientId[trackingCode] ?? ''];
    if (!r) throw new SimError(404, this.code('not_found'), 'درخواستی با این کد رهگیری یافت نشد.');
    return structuredClone(r);
  }

  get requests(): SimRequest[] {
    return Object.values(this.state.requests).map((r) => structuredClone(r));
  }

  get duplicates(): DuplicateRecord[] {
    return structuredClone(this.state.duplicates);
  }

  terminal(terminalId: string): Terminal {
    this.settle();
    const t = this.state.terminals[terminalId];
    if (!t) throw new SimError(404, this.code('not_found'), 'پایانه‌ای با این شماره یافت نشد.');
    return structuredClone(t);
  }

  get terminals(): Terminal[] {
    return Object.values(this.state.terminals).map((t) => structuredClone(t));
  }

  // -------------------------------------------------------------------------------------------
  // Verdicts

  /** Decides every request whose time has come (in submission order) and sends due callbacks. */
  settle(): void {
    const now = this.clock.now();
    const due = Object.values(this.state.requests)
      .filter((r) => r.status === 'pending' && r.decideAt <= now)
      .sort((x, y) => x.decideAt - y.decideAt || x.trackingCode.localeCompare(y.trackingCode));
    for (const r of due) this.decide(r);
    if (due.length) this.save();
    for (const r of Object.values(this.state.requests)) {
      const cb = r.callback;
      if (r.status !== 'pending' && cb && !cb.delivered && !cb.gaveUp && cb.nextAt <= now && !this.inFlight.has(r.trackingCode)) {
        void this.deliver(r);
      }
    }
  }

  /** Resolves when no callback is on the wire (tests wait on it after moving the clock). */
  async drain(): Promise<void> {
    this.settle();
    while (this.inFlight.size) await new Promise((res) => setTimeout(res, 5));
    this.flush();
  }

  private decide(r: SimRequest): void {
    r.decidedAt = new Date(r.decideAt).toISOString();
    try {
      r.result = this.apply(r);
      r.status = 'done';
    } catch (err) {
      if (!(err instanceof Rejection)) throw err;
      r.status = 'rejected';
      r.rejection = {
        code: this.profile.rejectionCodes[err.reason],
        reason: err.reason,
        message: REJECTION_MESSAGES_FA[err.reason],
      };
    }
    if (r.callback) r.callback.nextAt = r.decideAt;
  }

  private async deliver(r: SimRequest): Promise<void> {
    const cb = r.callback!;
    this.inFlight.add(r.trackingCode);
    let outcome: string;
    try {
      const res = await fetch(cb.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(this.formatVerdict(r)),
        signal: AbortSignal.timeout(5000),
      });
      outcome = `HTTP ${res.status}`;
      cb.delivered = res.ok;
    } catch (err) {
      outcome = err instanceof Error ? err.message : String(err);
    }
    cb.attempts += 1;
    cb.log.push({ at: this.iso(), outcome });
    if (!cb.delivered) {
      if (cb.attempts >= this.state.settings.callbackMaxAttempts) cb.gaveUp = true;
      else cb.nextAt = this.clock.now() + this.state.settings.callbackRetryBaseMs * 2 ** (cb.attempts - 1);
    }
    this.inFlight.delete(r.trackingCode);
    this.save();
  }

  /** What a status query or a callback says about a request. */
  verdictOf(r: SimRequest): {
    trackingCode: string;
    clientRequestId: string;
    operation: Submission;
    status: RequestStatus;
    result?: Record<string, string>;
    error?: { code: string; message: string };
  } {
    return {
      trackingCode: r.trackingCode,
      clientRequestId: r.clientRequestId,
      operation: r.operation,
      status: r.status,
      ...(r.result ? { result: r.result } : {}),
      ...(r.rejection ? { error: { code: r.rejection.code, message: r.rejection.message } } : {}),
    };
  }

  private liveTerminal(id: string): Terminal {
    const t = this.state.terminals[id];
    if (!t) throw new Rejection('terminal_not_found');
    return t;
  }

  private checkAccount(sheba: string, bankCode: string, ownerNationalCode: string): string {
    const s = checkSheba(sheba);
    if (!s.ok) throw new Rejection('invalid_sheba');
    if (this.profile.banks[bankCode] !== s.bankCode) throw new Rejection('bank_mismatch');
    const owner = this.state.shebaOwners[s.value];
    if (owner !== undefined && owner !== ownerNationalCode) throw new Rejection('sheba_owner_mismatch');
    return s.value;
  }

  private checkDevice(deviceModel: string, serial: string, exceptTerminal?: string): void {
    if (!(deviceModel in this.profile.deviceModels)) throw new Rejection('unknown_device_model');
    const taken = Object.values(this.state.terminals).some(
      (t) => t.serial === serial && t.status !== 'collected' && t.terminalId !== exceptTerminal,
    );
    if (taken) throw new Rejection('duplicate_serial');
  }

  private apply(r: SimRequest): Record<string, string> {
    const b = r.body;
    const at = new Date(r.decideAt).toISOString();
    const event = (t: Terminal, what: string): void => {
      t.history.push({ at, event: what, trackingCode: r.trackingCode });
    };
    switch (r.operation) {
      case 'register': {
        const nc = checkNationalCode(b.nationalCode);
        if (!nc.ok) throw new Rejection('invalid_national_code');
        if (!checkMobile(b.mobile).ok) throw new Rejection('invalid_mobile');
        const postal = checkPostalCode(b.postalCode);
        if (!postal.ok) throw new Rejection('invalid_postal_code');
        if (!(b.guildCode in this.profile.guilds)) throw new Rejection('unknown_guild');
        const duplicate = Object.values(this.state.terminals).some(
          (t) =>
            t.nationalCode === nc.value &&
            t.postalCode === postal.value &&
            t.guildCode === b.guildCode &&
            t.status !== 'collected',
        );
        if (duplicate) throw new Rejection('duplicate_shop');
        const sheba = this.checkAccount(b.sheba, b.bankCode, nc.value);
        const merchantId = (this.state.merchants[nc.value] ??= this.profile.merchantId(++this.state.seq.merchant));
        const terminalId = this.profile.terminalId(++this.state.seq.terminal);
        const t: Terminal = {
          terminalId,
          merchantId,
          nationalCode: nc.value,
          firstName: b.firstName,
          lastName: b.lastName,
          mobile: b.mobile,
          shopName: b.shopName,
          guildCode: b.guildCode,
          postalCode: postal.value,
          address: b.address,
          sheba,
          bankCode: b.bankCode,
          status: 'awaiting_device',
          history: [],
        };
        event(t, 'registered');
        this.state.terminals[terminalId] = t;
        return { merchantId, terminalId };
      }
      case 'defineDevice': {
        const t = this.liveTerminal(b.terminalId);
        if (t.status !== 'awaiting_device') throw new Rejection('terminal_state');
        this.checkDevice(b.deviceModel, b.serial);
        t.deviceModel = b.deviceModel!;
        t.serial = b.serial!;
        t.status = 'active';
        event(t, 'device-defined');
        return { terminalId: t.terminalId, serial: t.serial };
      }
      case 'swap': {
        const t = this.liveTerminal(b.terminalId);
        if (t.status !== 'active') throw new Rejection('terminal_state');
        if (!(b.reasonCode in this.profile.swapReasons)) throw new Rejection('unknown_reason');
        this.checkDevice(b.deviceModel, b.serial, t.terminalId);
        const previousSerial = t.serial ?? '';
        t.deviceModel = b.deviceModel!;
        t.serial = b.serial!;
        event(t, `swapped:${b.reasonCode}`);
        return { terminalId: t.terminalId, serial: t.serial, previousSerial };
      }
      case 'changeAccount': {
        const t = this.liveTerminal(b.terminalId);
        if (t.status === 'collected') throw new Rejection('terminal_state');
        t.sheba = this.checkAccount(b.sheba, b.bankCode, t.nationalCode);
        t.bankCode = b.bankCode!;
        event(t, 'account-changed');
        return { terminalId: t.terminalId, sheba: t.sheba };
      }
      case 'changeMerchantInfo': {
        const t = this.liveTerminal(b.terminalId);
        if (t.status === 'collected') throw new Rejection('terminal_state');
        if (b.mobile !== undefined && !checkMobile(b.mobile).ok) throw new Rejection('invalid_mobile');
        let postalCode = t.postalCode;
        if (b.postalCode !== undefined) {
          const p = checkPostalCode(b.postalCode);
          if (!p.ok) throw new Rejection('invalid_postal_code');
          postalCode = p.value;
        }
        t.shopName = b.shopName ?? t.shopName;
        t.mobile = b.mobile ?? t.mobile;
        t.address = b.address ?? t.address;
        t.postalCode = postalCode;
        event(t, 'merchant-info-changed');
        return { terminalId: t.terminalId };
      }
      case 'collect': {
        const t = this.liveTerminal(b.terminalId);
        if (t.status === 'collected') throw new Rejection('terminal_state');
        if (!(b.reasonCode in this.profile.collectReasons)) throw new Rejection('unknown_reason');
        t.status = 'collected';
        t.statusReason = b.reasonCode!;
        event(t, `collected:${b.reasonCode}`);
        return { terminalId: t.terminalId, serial: t.serial ?? '' };
      }
      case 'reactivate': {
        const t = this.liveTerminal(b.terminalId);
        if (t.status !== 'deactivated') throw new Rejection('terminal_state');
        t.status = 'active';
        delete t.statusReason;
        event(t, 'reactivated');
        return { terminalId: t.terminalId };
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Control (Shaparak side, test data)

  /** Shaparak deactivates an active terminal (e.g. no transactions, a compliance finding). */
  deactivate(terminalId: string, reason = 'shaparak'): Terminal {
    const t = this.state.terminals[terminalId];
    if (!t) throw new SimError(404, this.code('not_found'), 'پایانه‌ای با این شماره یافت نشد.');
    if (t.status !== 'active') throw new SimError(409, this.code('validation'), `پایانه در وضعیت ${t.status} است، نه active.`);
    t.status = 'deactivated';
    t.statusReason = reason;
    t.history.push({ at: this.iso(), event: `deactivated:${reason}` });
    this.save();
    return structuredClone(t);
  }

  /** Declares who owns a Sheba account (the bank's registry); a different owner is then refused. */
  setShebaOwner(sheba: string, nationalCode: string): void {
    this.state.shebaOwners[normalizeSheba(sheba)] = nationalCode;
    this.save();
  }

  /**
   * Generates the day's transactions of the active terminals (or of one), deterministically from
   * the terminal id and the date; generating the same day again gives the same list.
   */
  generateTransactions(date: string, terminalId?: string): Record<string, number> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new SimError(400, this.code('validation'), 'تاریخ باید YYYY-MM-DD باشد.');
    this.settle();
    const targets = terminalId
      ? [this.terminal(terminalId)]
      : Object.values(this.state.terminals).filter((t) => t.status === 'active');
    const counts: Record<string, number> = {};
    for (const t of targets) {
      const rand = rng(`${this.profile.psp}:${t.terminalId}:${date}`);
      const n = 3 + Math.floor(rand() * 10);
      const list: Transaction[] = [];
      for (let i = 0; i < n; i++) {
        const seconds = Math.floor(rand() * 86400);
        const kind = rand() < 0.9 ? 'purchase' : rand() < 0.5 ? 'balance' : 'refund';
        list.push({
          rrn: `${date.replace(/-/g, '').slice(2)}${t.terminalId.slice(-4)}${String(i + 1).padStart(4, '0')}`,
          terminalId: t.terminalId,
          date,
          time: new Date(seconds * 1000).toISOString().slice(11, 19),
          amount: kind === 'balance' ? 0 : (1 + Math.floor(rand() * 500)) * 10_000,
          cardPan: `603799******${String(Math.floor(rand() * 10000)).padStart(4, '0')}`,
          kind,
          success: rand() > 0.07,
        });
      }
      list.sort((x, y) => x.time.localeCompare(y.time));
      (this.state.transactions[t.terminalId] ??= {})[date] = list;
      counts[t.terminalId] = n;
    }
    this.save();
    return counts;
  }

  transactions(terminalId: string, date: string): Transaction[] {
    this.terminal(terminalId);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new SimError(400, this.code('validation'), 'تاریخ باید YYYY-MM-DD باشد.');
    return structuredClone(this.state.transactions[terminalId]?.[date] ?? []);
  }
}
