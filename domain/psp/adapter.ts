/**
 * The one interface every PSP adapter implements (R-PSP). Inputs carry Kartabl's INTERNAL codes
 * (guild, bank, device model, reasons, document types); the adapter translates them with
 * `ctx.map` (mapper.ts) so an unmapped value fails as PspUnmappedValue before anything is sent.
 *
 * Errors an adapter throws (errors.ts):
 * - PspRetryableError: network, timeout, 5xx/429, malformed answer, expired session after re-login;
 * - PspBusinessRejection: the PSP's refusal (its code, its Persian message, our fa/en text);
 * - PspUnmappedValue: from ctx.map.
 * Submissions are asynchronous at the PSPs: they return a tracking code, the verdict comes from
 * `status` (or a callback). Every call is idempotent by `ctx.requestId` (sent as the idempotency key).
 */
import type { Bilingual } from '../i18n';
import type { PspMapper } from './mapper';

/** Decrypted credentials of the credential owner (never logged, never returned by the API). */
export type PspCredentials = Readonly<Record<string, string>>;

export interface PspCallContext {
  /** The business request id: idempotency key at the PSP, and the key of the call log. */
  requestId: string;
  credentials: PspCredentials;
  /** Internal code → the PSP's code (throws PspUnmappedValue). */
  map: PspMapper;
  /** Aborts the call when the activity is cancelled. */
  signal?: AbortSignal;
}

export interface MerchantPerson {
  personType: 'natural' | 'legal';
  /** Natural person: national code (10 digits). */
  nationalCode?: string;
  /** Legal person: national legal ID (11 digits) and its registered name. */
  legalId?: string;
  companyName?: string;
  firstName: string;
  lastName: string;
  fatherName?: string;
  /** ISO day (Gregorian), e.g. 1990-03-21. */
  birthDate?: string;
  mobile: string;
}

export interface ShopInfo {
  nameFa: string;
  nameEn?: string;
  /** Internal guild code (base data `guild`). */
  guild: string;
  postalCode: string;
  address: string;
  phone?: string;
  taxCode?: string;
}

export interface SettlementAccount {
  sheba: string;
  /** Internal bank code (base data `bank`). */
  bank: string;
}

export interface MerchantDocument {
  /** Internal document type (base data `document-type`). */
  type: string;
  fileName: string;
  contentType: string;
  /** Base64 content (adapters may send a link instead when the PSP supports it). */
  contentBase64: string;
}

export interface RegisterMerchantInput {
  person: MerchantPerson;
  shop: ShopInfo;
  account: SettlementAccount;
  /** Internal device model (base data `device-model`). */
  deviceModel: string;
  documents: MerchantDocument[];
}

export interface DefineDeviceInput {
  terminalId: string;
  serialNumber: string;
  deviceModel: string;
}

export interface SwapInput {
  terminalId: string;
  oldSerialNumber: string;
  newSerialNumber: string;
  newDeviceModel: string;
  /** Internal `swap-reason`. */
  reason: string;
}

export interface ChangeAccountInput {
  terminalId: string;
  account: SettlementAccount;
  /** The account owner's national code / legal ID (the PSPs check the Sheba owner). */
  ownerId: string;
}

export interface ChangeMerchantInfoInput {
  merchantId: string;
  terminalId?: string;
  changes: Partial<Pick<ShopInfo, 'nameFa' | 'nameEn' | 'guild' | 'postalCode' | 'address' | 'phone'>> & {
    mobile?: string;
  };
}

export interface CollectInput {
  terminalId: string;
  /** Internal `collect-reason`. */
  reason: string;
}

export interface ReactivateInput {
  terminalId: string;
  note?: string;
}

export interface StatusInput {
  trackingCode: string;
}

export interface TerminalInput {
  /** The PSP's terminal id. */
  terminalId: string;
}

/** A terminal's state at the PSP (SPEC R-SHAPARAK: Shaparak deactivations show here). */
export type PspTerminalStatus = 'awaiting_device' | 'active' | 'deactivated' | 'collected';

/** What the PSP says about one of its terminals (`terminal`). Codes are the PSP's own, unmapped. */
export interface PspTerminalInfo {
  terminalId: string;
  status: PspTerminalStatus;
  /** Why it is deactivated (Shaparak's reason) or collected (the PSP's reason code), as the PSP says it. */
  statusReason?: string;
  merchantId?: string;
  serial?: string;
  /** The PSP's device model code. */
  deviceModel?: string;
}

export interface TransactionFeedInput {
  terminalId: string;
  /** ISO day (Gregorian, Tehran). */
  day: string;
}

/** A business rejection as data (from a verdict, or caught from PspBusinessRejection). */
export interface PspRejection {
  code: string;
  pspMessage: string;
  text: Bilingual;
}

/** A submission the PSP accepted for (asynchronous) processing. */
export interface PspAccepted {
  outcome: 'accepted';
  trackingCode: string;
}

/** The verdict of a submission, by status query. */
export type PspVerdict =
  | { state: 'pending'; trackingCode: string }
  | { state: 'approved'; trackingCode: string; merchantId?: string; terminalId?: string; shopId?: string }
  | { state: 'rejected'; trackingCode: string; rejection: PspRejection };

export interface PspTransaction {
  /** The PSP's reference (RRN / trace). */
  reference: string;
  at: string;
  /** Rials. */
  amount: number;
  kind: 'purchase' | 'refund' | 'balance' | 'other';
  succeeded: boolean;
  cardMasked?: string;
}

export interface PspConnectionCheck {
  ok: true;
  /** What the PSP said about the session (e.g. token expiry), free text, no secrets. */
  detail?: string;
}

/** The operations; the names are also the `operation` of the call log and metrics. */
export const PSP_OPERATIONS = [
  'ping',
  'registerMerchant',
  'defineDevice',
  'swap',
  'changeAccount',
  'changeMerchantInfo',
  'collect',
  'reactivate',
  'status',
  'terminal',
  'transactions',
] as const;
export type PspOperation = (typeof PSP_OPERATIONS)[number];

export interface PspAdapter {
  /** The PSP's code in base data. */
  readonly pspCode: string;
  /** Logs in (or checks the credentials) without changing anything: "test connection". */
  ping(ctx: PspCallContext): Promise<PspConnectionCheck>;
  registerMerchant(ctx: PspCallContext, input: RegisterMerchantInput): Promise<PspAccepted>;
  defineDevice(ctx: PspCallContext, input: DefineDeviceInput): Promise<PspAccepted>;
  swap(ctx: PspCallContext, input: SwapInput): Promise<PspAccepted>;
  changeAccount(ctx: PspCallContext, input: ChangeAccountInput): Promise<PspAccepted>;
  changeMerchantInfo(ctx: PspCallContext, input: ChangeMerchantInfoInput): Promise<PspAccepted>;
  collect(ctx: PspCallContext, input: CollectInput): Promise<PspAccepted>;
  reactivate(ctx: PspCallContext, input: ReactivateInput): Promise<PspAccepted>;
  status(ctx: PspCallContext, input: StatusInput): Promise<PspVerdict>;
  /** The terminal's current state at the PSP (a read: changes nothing). */
  terminal(ctx: PspCallContext, input: TerminalInput): Promise<PspTerminalInfo>;
  transactions(ctx: PspCallContext, input: TransactionFeedInput): Promise<PspTransaction[]>;
}

/** What a PSP's base-data item says about reaching it (attributes `protocol`, `endpointUrl`). */
export interface PspEndpoint {
  pspCode: string;
  protocol: string;
  endpointUrl?: string;
}

/** Builds an adapter for one PSP; registered per protocol (rest, soap) in the adapter registry. */
export type PspAdapterFactory = (endpoint: PspEndpoint) => PspAdapter;
