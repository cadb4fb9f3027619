import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ApiContext } from '../../app';
import { appendAudit } from '../../../db/audit';
import { bi } from '../../../domain/i18n';
import { AppError } from '../../lib/errors';
import type { RouteTable } from '../../lib/routes';
import { EmptyBody } from '../../lib/schemas';
import {
  TERMINAL_SYNC_WORKFLOW_TYPE,
  type TerminalSyncInput,
  manualTerminalSyncWorkflowId,
} from '../../../workflows/terminals/definitions';
import type { terminalSyncWorkflow } from '../../../workflows/terminals/terminal-sync.workflow';

const Started = z.object({ workflowId: z.string(), runId: z.string() });

/** The terminal status sync on demand (SPEC R-SHAPARAK); the worker's schedule runs it every TERMINAL_SYNC_INTERVAL. */
export function terminalSyncRoutes(routes: RouteTable, ctx: ApiContext): void {
  routes.add({
    method: 'post',
    path: '/terminals/sync',
    tag: 'terminals',
    summary:
      "Ask every PSP now for the state of each active or deactivated terminal and apply Shaparak's deactivations and reactivations (the main broker's operators)",
    access: { anyOf: ['requests.operate'] },
    body: EmptyBody,
    response: { status: 202, description: 'The sync was started; its workflow id', schema: Started },
    handler: async ({ auth }) => {
      const workflowId = manualTerminalSyncWorkflowId(new Date(), randomUUID().slice(0, 8));
      let runId: string;
      try {
        const handle = await ctx.temporal.workflow.start<typeof terminalSyncWorkflow>(TERMINAL_SYNC_WORKFLOW_TYPE, {
          workflowId,
          taskQueue: ctx.config.temporal.taskQueue,
          args: [{} satisfies TerminalSyncInput],
        });
        runId = handle.firstExecutionRunId;
      } catch (err) {
        ctx.logger.warn({ err }, 'could not start the terminal sync');
        throw new AppError(
          503,
          'WORKFLOWS_UNAVAILABLE',
          bi(
            'همگام‌سازی پایانه‌ها اکنون آغاز نشد؛ کمی بعد دوباره بکوشید.',
            'The terminal sync could not be started now; try again shortly.',
          ),
        );
      }
      await ctx.db.transaction(async (tx) => {
        await appendAudit(ctx.db, tx, auth!.who, {
          action: 'start',
          entityType: 'terminal-sync',
          entityId: workflowId,
          after: { workflowId, runId },
        });
      });
      return { workflowId, runId };
    },
  });
}
