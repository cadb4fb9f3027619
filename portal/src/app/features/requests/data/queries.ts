import { InboxQuery, InboxView, INBOX_VIEWS, RequestQuery, TerminalQuery } from './requests.models';

type Query = Readonly<Record<string, string | number | undefined | null>>;

/** The non-empty entries of a query as URL parameters (page and pageSize always). */
export function queryParams(query: Query): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const text = String(value).trim();
    if (text) out[key] = text;
  }
  return out;
}

/** `?a=1&b=2` for links (CSV exports), without empty values. */
export function queryString(query: Query): string {
  const params = new URLSearchParams(queryParams(query));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const DEFAULT_PAGE_SIZE = 20;

export const defaultInboxQuery = (view: InboxView = 'mine'): InboxQuery => ({ view, page: 1, pageSize: DEFAULT_PAGE_SIZE });
export const defaultRequestQuery = (): RequestQuery => ({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
export const defaultTerminalQuery = (): TerminalQuery => ({ page: 1, pageSize: DEFAULT_PAGE_SIZE });

/** The inbox CSV carries the same filters as the screen, without paging. */
export function inboxCsvUrl(apiBase: string, query: InboxQuery): string {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return `${apiBase}/inbox.csv${queryString(filters)}`;
}

/**
 * A saved filter's query applied over the defaults: unknown keys and views are dropped, so an old
 * saved filter never breaks the screen. Applying a filter starts again at page 1.
 */
export function applySavedQuery(saved: Readonly<Record<string, unknown>>, current: InboxQuery): InboxQuery {
  const view = INBOX_VIEWS.includes(saved['view'] as InboxView) ? (saved['view'] as InboxView) : current.view;
  const pick = (key: string): string | undefined => {
    const v = saved[key];
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  const next: Record<string, unknown> = { view, page: 1, pageSize: current.pageSize };
  for (const key of ['type', 'kind', 'pspCode', 'agentId', 'sla', 'from', 'to', 'q'] as const) {
    const v = pick(key);
    if (v !== undefined) next[key] = v;
  }
  return next as unknown as InboxQuery;
}

/** What a saved filter stores: the filters without paging. */
export function savableQuery(query: InboxQuery): Partial<InboxQuery> {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== ''));
}

/** The number of filters in use besides the view (for the "clear filters" button). */
export function activeFilterCount(query: InboxQuery | RequestQuery | TerminalQuery): number {
  return Object.entries(query).filter(([k, v]) => !['view', 'page', 'pageSize'].includes(k) && v !== undefined && v !== '')
    .length;
}
