import { defineQuery } from '@temporalio/workflow';

/** Shared by the workflow and its clients (the worker's schedule, the API). */
export const TERMINAL_SYNC_WORKFLOW_TYPE = 'terminalSyncWorkflow';
/** The Temporal Schedule that starts the sync every TERMINAL_SYNC_INTERVAL (worker/schedules.ts). */
export const TERMINAL_SYNC_SCHEDULE_ID = 'terminal-sync';
/** Workflow ids of the runs: the schedule appends its start time; a run asked for by an operator gets its own. */
export const TERMINAL_SYNC_WORKFLOW_ID = 'terminal-sync';
export const manualTerminalSyncWorkflowId = (at: Date, suffix: string): string =>
  `terminal-sync-manual-${at.toISOString()}-${suffix}`;

export interface TerminalSyncCounts {
  /** Terminals whose PSP answered. */
  checked: number;
  /** active → deactivated (Shaparak), and deactivated → active. */
  deactivated: number;
  reactivated: number;
  /** Left alone: an open request owns the terminal, or it moved since its page was read. */
  skipped: number;
  /** The PSP says something the sync does not apply (e.g. collected): for a person to look at. */
  mismatched: number;
  /** The PSP could not be asked (after retries) or refused: counted, the run goes on. */
  failed: number;
}

export const NO_COUNTS: TerminalSyncCounts = { checked: 0, deactivated: 0, reactivated: 0, skipped: 0, mismatched: 0, failed: 0 };

export interface TerminalSyncInput {
  /** Where this page starts (the last terminal id of the previous page); none: from the first. */
  afterId?: string | null;
  /** Terminals per page (= per run before continue-as-new); default 100. */
  pageSize?: number;
  /** PSP questions in flight at once (each PSP is rate-limited by the worker anyway); default 5. */
  concurrency?: number;
  /** The counts of the pages before (carried through continue-as-new). */
  counts?: TerminalSyncCounts;
  /** Pages done before this run. */
  pages?: number;
}

export interface TerminalSyncProgress {
  afterId: string | null;
  pages: number;
  counts: TerminalSyncCounts;
}

export const terminalSyncProgressQuery = defineQuery<TerminalSyncProgress>('terminalSyncProgress');
