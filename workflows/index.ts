// Every workflow the worker registers. Workflow code may import only @temporalio/workflow and domain/.
export { ticketWorkflow } from './tickets/ticket.workflow';
export { agentRealmWorkflow } from './agents/agent-realm.workflow';
export { requestWorkflow } from './requests/request.workflow';
export { terminalSyncWorkflow } from './terminals/terminal-sync.workflow';
