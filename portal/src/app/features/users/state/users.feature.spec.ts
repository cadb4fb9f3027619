import { ApiError } from '../../../core/api/api-error';
import { AgentSummary } from '../../agents/data/agents-api.service';
import { UserDetail, UserSummary } from '../data/users-api.service';
import { NewUserPageActions, UserDetailPageActions, UserListPageActions, UsersApiActions } from './users.actions';
import { usersFeature } from './users.feature';

const agent = { id: 'a1', code: 'alpha', nameFa: 'آلفا', nameEn: 'Alpha' };

function user(over: Partial<UserSummary> = {}): UserSummary {
  return {
    id: 'u1',
    username: 'sara',
    displayName: 'سارا رضایی',
    firstName: 'سارا',
    lastName: 'رضایی',
    email: null,
    mobile: '09121234567',
    active: true,
    agent,
    lastSeenAt: null,
    createdAt: '2026-01-01T00:00:00Z',
    ...over,
  };
}

function detail(u: UserSummary = user()): UserDetail {
  return {
    user: { ...u, issuer: 'iss', subject: 'sub', createdBy: null },
    agent: { ...agent, status: 'active' },
    roles: [],
    createdAgents: [],
    createdUsers: [],
    tickets: [],
    requests: [],
    devices: [],
    documents: [],
  };
}

const error: ApiError = { status: 400, code: 'VALIDATION_FAILED', message: { fa: 'x', en: 'x' }, fields: [] };

describe('users feature', () => {
  const reduce = usersFeature.reducer;
  const initial = reduce(undefined, { type: '@@init' });

  it('when the list is filtered by agent, then the query is kept and loading shows until the page arrives', () => {
    let state = reduce(initial, UserListPageActions.opened({ query: { page: 1, pageSize: 20, agentId: 'a1' } }));
    expect(state.query.agentId).toBe('a1');
    expect(state.listLoading).toBe(true);
    state = reduce(state, UsersApiActions.listLoaded({ page: { items: [user()], total: 1, page: 1, pageSize: 20 } }));
    expect(state.listLoading).toBe(false);
    expect(state.page?.items[0]?.username).toBe('sara');
  });

  it('when a user is created, then the temporary password is kept for that user only and survives opening their page', () => {
    let state = reduce(initial, NewUserPageActions.submitted({ user: { username: 'sara', firstName: 'س', lastName: 'ر' } }));
    expect(state.creating).toBe(true);
    state = reduce(state, UsersApiActions.createSucceeded({ user: user(), temporaryPassword: 'Tmp-123' }));
    expect(state.creating).toBe(false);
    expect(state.password).toEqual({ userId: 'u1', username: 'sara', password: 'Tmp-123', reason: 'created' });
    const same = reduce(state, UserDetailPageActions.opened({ id: 'u1' }));
    expect(same.password?.password).toBe('Tmp-123');
    const other = reduce(state, UserDetailPageActions.opened({ id: 'u2' }));
    expect(other.password).toBeNull();
  });

  it('when the password is dismissed, then it is forgotten', () => {
    let state = reduce(initial, UsersApiActions.createSucceeded({ user: user(), temporaryPassword: 'Tmp-123' }));
    state = reduce(state, UserDetailPageActions.passwordDismissed());
    expect(state.password).toBeNull();
  });

  it('when a create is refused, then the field errors reach the form and the button is enabled again', () => {
    let state = reduce(initial, NewUserPageActions.submitted({ user: { username: 'x', firstName: 'x', lastName: 'x' } }));
    state = reduce(state, UsersApiActions.createFailed({ error }));
    expect(state.creating).toBe(false);
    expect(state.createError).toBe(error);
    expect(reduce(state, NewUserPageActions.opened()).createError).toBeNull();
  });

  it('when a user is disabled, then the page and the list show the new status', () => {
    let state = reduce(initial, UsersApiActions.detailLoaded({ detail: detail() }));
    state = reduce(state, UsersApiActions.listLoaded({ page: { items: [user()], total: 1, page: 1, pageSize: 20 } }));
    state = reduce(state, UserDetailPageActions.disableConfirmed({ id: 'u1' }));
    expect(state.busy).toBe('status');
    state = reduce(state, UsersApiActions.userChanged({ user: user({ active: false }), kind: 'status' }));
    expect(state.busy).toBeNull();
    expect(state.lastChange).toBe('status');
    expect(state.detail?.user.active).toBe(false);
    expect(state.detail?.user.issuer).toBe('iss');
    expect(state.page?.items[0]?.active).toBe(false);
  });

  it('when a password is reset, then the new one is shown with the username and the old one is gone meanwhile', () => {
    let state = reduce(initial, UsersApiActions.detailLoaded({ detail: detail() }));
    state = reduce(state, UsersApiActions.createSucceeded({ user: user(), temporaryPassword: 'old' }));
    state = reduce(state, UserDetailPageActions.resetPasswordConfirmed({ id: 'u1' }));
    expect(state.password).toBeNull();
    state = reduce(state, UsersApiActions.passwordReset({ id: 'u1', temporaryPassword: 'new' }));
    expect(state.password).toEqual({ userId: 'u1', username: 'sara', password: 'new', reason: 'reset' });
  });

  it('when a profile save is refused, then the error is the profile form’s and not the action banner’s', () => {
    let state = reduce(initial, UserDetailPageActions.profileSaved({ id: 'u1', changes: { mobile: '123' } }));
    state = reduce(state, UsersApiActions.changeFailed({ kind: 'profile', error }));
    const root = { users: state };
    expect(usersFeature.selectProfileError(root)).toBe(error);
    expect(usersFeature.selectActionError(root)).toBeNull();
    state = reduce(state, UsersApiActions.changeFailed({ kind: 'status', error }));
    expect(usersFeature.selectActionError({ users: state })).toBe(error);
  });

  it('only active agents are offered for new users', () => {
    const a = (id: string, status: AgentSummary['status']): AgentSummary => ({
      id,
      code: id,
      realm: `agent-${id}`,
      parentId: null,
      nameFa: id,
      nameEn: id,
      status,
      isBroker: false,
      createdAt: '',
    });
    const state = reduce(
      initial,
      UsersApiActions.agentsLoaded({ agents: [a('x', 'active'), a('y', 'provisioning'), a('z', 'suspended')] }),
    );
    expect(usersFeature.selectAssignableAgents({ users: state }).map((g) => g.id)).toEqual(['x']);
  });
});
