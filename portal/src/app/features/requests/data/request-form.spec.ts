import { ApiError } from '../../../core/api/api-error';
import {
  emptyForm,
  formFieldErrors,
  formFromRequest,
  liveChangeError,
  payloadOf,
  RequestFormValue,
  stepProblems,
  withType,
} from './request-form';

const form = (overrides: Partial<RequestFormValue>): RequestFormValue => ({ ...emptyForm(), ...overrides });

describe('the new-request form', () => {
  it('when an install is complete, then its payload names the merchant, shop, account and model', () => {
    const f = form({ type: 'install', pspCode: 'psp-a', merchantId: 'm1', shopId: 's1', accountId: 'a1', deviceModel: 'pax' });
    expect(stepProblems(f, 'review')).toEqual({});
    expect(payloadOf(f)).toEqual({ merchantId: 'm1', shopId: 's1', accountId: 'a1', deviceModel: 'pax' });
  });

  it('when the type step is empty, then type and PSP are asked for', () => {
    expect(Object.keys(stepProblems(emptyForm(), 'type')).sort()).toEqual(['pspCode', 'type']);
  });

  it('when an install has no shop or account yet, then the details step does not move on', () => {
    const problems = stepProblems(form({ type: 'install', pspCode: 'p', merchantId: 'm1' }), 'details');
    expect(Object.keys(problems).sort()).toEqual(['accountId', 'deviceModel', 'shopId']);
  });

  it('when a swap leaves model and serial empty, then they are not sent (the terminal keeps its model)', () => {
    const f = form({ type: 'swap', pspCode: 'p', terminalId: 't1', reason: 'broken' });
    expect(payloadOf(f)).toEqual({ terminalId: 't1', reason: 'broken' });
    expect(stepProblems(form({ type: 'swap', terminalId: 't1' }), 'details')).toHaveProperty('reason');
  });

  it('when a merchant change is typed with Persian digits, then the payload carries the canonical values', () => {
    const f = form({
      type: 'merchant',
      pspCode: 'p',
      terminalId: 't1',
      changes: { ...emptyForm().changes, mobile: '۰۹۱۲۳۴۵۶۷۸۹', phone: '021-88776655' },
    });
    expect(stepProblems(f, 'details')).toEqual({});
    expect(payloadOf(f)).toEqual({ terminalId: 't1', changes: { mobile: '09123456789', phone: '02188776655' } });
  });

  it('when a merchant change has nothing changed or a bad postal code, then the step says why', () => {
    const none = stepProblems(form({ type: 'merchant', terminalId: 't1' }), 'details');
    expect(none).toHaveProperty('changes');
    const bad = form({ type: 'merchant', terminalId: 't1', changes: { ...emptyForm().changes, postalCode: '12345' } });
    expect(stepProblems(bad, 'details')).toHaveProperty(['changes.postalCode']);
    expect(liveChangeError('postalCode', '12345')?.code).toBeTruthy();
    expect(liveChangeError('mobile', '')).toBeNull();
    expect(liveChangeError('mobile', '0912')?.message.fa).toBeTruthy();
    expect(liveChangeError('phone', '88776655')?.code).toBe('phone_area_code');
  });

  it('when a draft is reopened, then the form shows what was stored, and sends the same payload again', () => {
    const payload = { terminalId: 't1', reason: 'broken', serial: 'SN-1' };
    const f = formFromRequest('swap', 'psp-b', payload);
    expect(f.type).toBe('swap');
    expect(f.pspCode).toBe('psp-b');
    expect(payloadOf(f)).toEqual(payload);
  });

  it('when the type changes, then the details start over but the PSP stays', () => {
    const f = withType(form({ type: 'swap', pspCode: 'psp-a', terminalId: 't1', reason: 'x' }), 'collect');
    expect(f).toEqual({ ...emptyForm(), type: 'collect', pspCode: 'psp-a' });
  });

  it('when the API names payload fields, then the form finds them under its own names', () => {
    const error: ApiError = {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: { fa: 'x', en: 'x' },
      fields: [{ field: 'payload.changes.postalCode', code: 'postal_code_length', message: { fa: 'a', en: 'b' } }],
    };
    expect(formFieldErrors(error)?.fields[0]?.field).toBe('changes.postalCode');
  });
});
