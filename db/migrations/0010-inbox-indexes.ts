import type { QueryInterface } from 'sequelize';

/**
 * Inbox indexes (measured by bench/inbox.ts). Every inbox call filters the open tasks of one agent by
 * permission, and counts them by kind, SLA state and view (assignee, escalated): with 0009's index
 * (is_open, agent_id, kind, created_at) each count read every open task's row from the table. The
 * first index below holds every column those counts look at (index-only counts); the second gives
 * the page its order (escalated first, then due date), so a page stops after 50 rows instead of
 * sorting all the agent's open tasks.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addIndex('request_tasks', ['agent_id', 'is_open', 'permission', 'kind', 'sla', 'assignee_id', 'escalated'], {
    name: 'request_tasks_inbox_counts',
  });
  await qi.addIndex('request_tasks', {
    name: 'request_tasks_inbox_page',
    fields: ['agent_id', 'is_open', { name: 'escalated', order: 'DESC' }, 'due_at', 'created_at', 'id'],
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.removeIndex('request_tasks', 'request_tasks_inbox_page');
  await qi.removeIndex('request_tasks', 'request_tasks_inbox_counts');
}
