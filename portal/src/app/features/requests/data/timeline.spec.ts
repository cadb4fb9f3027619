import { TestBed } from '@angular/core/testing';

import { I18nService } from '../../../core/i18n/i18n.service';
import { EN_MESSAGES } from '../../../core/i18n/messages.en';
import { FA_MESSAGES } from '../../../core/i18n/messages.fa';
import { detailsOf, mergeTimeline, problemLabel } from './timeline';

describe('the request timeline', () => {
  it('when events and PSP calls interleave, then they show in time order, the cause before the call', () => {
    const entries = mergeTimeline(
      [
        { seq: 1, type: 'submitted', at: '2025-11-23T06:00:00Z', actor: { id: 'u1', displayName: 'Alpha' }, data: {} },
        { seq: 2, type: 'psp_submitted', at: '2025-11-23T07:00:00Z', actor: null, data: { key: 'r1-0' } },
        { seq: 3, type: 'psp_approved', at: '2025-11-23T08:00:00Z', actor: null, data: {} },
      ],
      [
        {
          at: '2025-11-23T07:00:00Z',
          operation: 'submit',
          outcome: 'accepted',
          latencyMs: 120,
          errorCode: null,
          message: null,
          text: null,
          trackingCode: 'TRK-1',
        },
      ],
    );
    expect(entries.map((e) => e.type)).toEqual(['submitted', 'psp_submitted', 'psp_call', 'psp_approved']);
    expect(entries[0]?.actor?.displayName).toBe('Alpha');
    expect(entries[2]?.call?.trackingCode).toBe('TRK-1');
  });

  it('shows reasons, people and problem texts of an event, labelled, and leaves out empty values', () => {
    const details = detailsOf({
      reason: 'کد پستی نادرست',
      to: { id: 'u2', displayName: 'Beta' },
      problem: { code: 'UNMAPPED', text: { fa: 'نگاشت نشده', en: 'Unmapped' } },
      empty: '',
      list: [1, 2],
    });
    expect(details).toEqual([
      { key: 'reason', label: 'requests.detail.reason', value: { text: 'کد پستی نادرست' } },
      { key: 'to', label: 'requests.detail.to', value: { text: 'Beta' } },
      { key: 'problem', label: 'requests.detail.problem', value: { localized: { fa: 'نگاشت نشده', en: 'Unmapped' } } },
    ]);
  });

  it('hides internal ids, names the stage and the PSP numbers, and keeps unknown fields under their key', () => {
    const details = detailsOf({
      taskId: 'r1.t3',
      agentId: 'a1',
      key: 'r1-0',
      kind: 'approve',
      terminalId: '6f1c2a8e-1b2c-4d5e-8f90-123456789abc',
      dueAt: '2025-11-23T08:00:00Z',
      trackingCode: 'TRK-1',
      state: 'active',
      extra: 'x',
    });
    expect(details).toEqual([
      { key: 'kind', label: 'requests.detail.kind', value: { localized: { fa: 'تأیید نهایی', en: 'Final approval' } } },
      { key: 'dueAt', label: 'requests.detail.dueAt', value: { date: '2025-11-23T08:00:00Z' } },
      { key: 'trackingCode', label: 'requests.detail.trackingCode', value: { code: 'TRK-1' } },
      { key: 'state', label: 'requests.state', value: { message: 'terminals.state.active' } },
      { key: 'extra', label: null, value: { text: 'x' } },
    ]);
    expect(detailsOf({ terminalId: '00012345', merchantId: 'M-77' }).map((d) => d.label)).toEqual([
      'terminals.pspTerminalId',
      'terminals.pspMerchantId',
    ]);
  });

  it('a parked event says its problem once, by its text', () => {
    const details = detailsOf({ problem: 'PspUnmappedValue', text: { fa: 'کد ندارد', en: 'No code' } });
    expect(details.map((d) => d.key)).toEqual(['text']);
  });

  it('shows the share of an SLA used with the percent sign of the reader\'s language', () => {
    expect(detailsOf({ percent: 80 })).toEqual([
      { key: 'percent', label: 'requests.detail.percent', value: { message: 'requests.detail.percentValue', params: { n: '80' } } },
    ]);
    const i18n = TestBed.inject(I18nService);
    expect(i18n.tIn('fa', 'requests.detail.percentValue', { n: '80' })).toBe('۸۰٪');
    expect(i18n.tIn('en', 'requests.detail.percentValue', { n: '80' })).toBe('80%');
  });

  it('names the problem a task opened with by a short label, the code kept for the tooltip', () => {
    const [problem] = detailsOf({ taskId: 'r1.t4', kind: 'fix', problem: 'PSP_NO_VERDICT' }).filter((d) => d.key === 'problem');
    expect(problem).toEqual({
      key: 'problem',
      label: 'requests.detail.problem',
      value: { problem: { code: 'PSP_NO_VERDICT', key: 'requests.problem.PSP_NO_VERDICT', sub: null } },
    });
    // A task without a problem says nothing about one.
    expect(detailsOf({ kind: 'approve', problem: null }).map((d) => d.key)).toEqual(['kind']);
  });
});

describe('problem labels', () => {
  it('labels the parking errors, a silent PSP and a device rejection, in both languages', () => {
    for (const code of [
      'PspUnmappedValue',
      'PspCredentialsUnavailable',
      'PspAdapterMissing',
      'PspServiceDisabled',
      'NoStock',
      'PSP_NO_VERDICT',
      'PSP_DEVICE_REJECTED',
    ]) {
      const label = problemLabel(code);
      expect(label).toEqual({ code, key: `requests.problem.${code}`, sub: null });
      expect(FA_MESSAGES[label!.key]).toMatch(/[\u0600-\u06FF]/);
      expect(EN_MESSAGES[label!.key]).toMatch(/^[A-Z]/);
    }
  });

  it('labels a PSP rejection and keeps the PSP\'s own code as written', () => {
    expect(problemLabel('PSP_REJECTED:A104')).toEqual({ code: 'PSP_REJECTED:A104', key: 'requests.problem.PSP_REJECTED', sub: 'A104' });
    expect(problemLabel('PSP_REJECTED')).toEqual({ code: 'PSP_REJECTED', key: 'requests.problem.PSP_REJECTED', sub: null });
    expect(problemLabel('PSP_REJECTED:')?.sub).toBeNull();
  });

  it('leaves an unknown code as it is', () => {
    expect(problemLabel('SomethingNew')).toBeNull();
    expect(problemLabel('toString')).toBeNull();
    expect(problemLabel('')).toBeNull();
    expect(detailsOf({ problem: 'SomethingNew' })).toEqual([
      { key: 'problem', label: 'requests.detail.problem', value: { code: 'SomethingNew' } },
    ]);
  });
});

describe('the request timeline in the reader\'s words', () => {
  const lists = {
    psps: [{ code: 'psp-a', nameFa: 'پرداخت الف', nameEn: 'PSP A' }],
    deviceModels: [],
    swapReasons: [{ code: 'e2e-cracked-screen', nameFa: 'شکستگی صفحهٔ نمایش', nameEn: 'Cracked screen' }],
    collectReasons: [],
  };

  it('names the swap reason of a returned serial and the PSP of a submission by their base data, keeping the code', () => {
    const entries = mergeTimeline(
      [
        { seq: 1, type: 'submitted', at: '2025-11-23T06:00:00Z', actor: null, data: { type: 'swap', pspCode: 'psp-a' } },
        {
          seq: 2,
          type: 'serial_returned',
          at: '2025-11-23T07:00:00Z',
          actor: null,
          data: { serial: 'SN-1', terminalId: '6f1c2a8e-1b2c-4d5e-8f90-123456789abc', reason: 'e2e-cracked-screen' },
        },
        { seq: 3, type: 'rejected', at: '2025-11-23T08:00:00Z', actor: null, data: { reason: 'مدارک ناقص' } },
      ],
      [],
      lists,
    );
    expect(entries[0]?.details.find((d) => d.key === 'pspCode')?.value).toEqual({
      item: { code: 'psp-a', name: { fa: 'پرداخت الف', en: 'PSP A' } },
    });
    expect(entries[1]?.details).toEqual([
      { key: 'serial', label: 'requests.detail.serial', value: { code: 'SN-1' } },
      {
        key: 'reason',
        label: 'requests.detail.reason',
        value: { item: { code: 'e2e-cracked-screen', name: { fa: 'شکستگی صفحهٔ نمایش', en: 'Cracked screen' } } },
      },
    ]);
    // A reason a person wrote stays their text.
    expect(entries[2]?.details[0]?.value).toEqual({ text: 'مدارک ناقص' });
  });

  it('before the base data arrives, a code shows as the code', () => {
    const [entry] = mergeTimeline(
      [{ seq: 1, type: 'submitted', at: '2025-11-23T06:00:00Z', actor: null, data: { pspCode: 'psp-a' } }],
      [],
    );
    expect(entry?.details[0]?.value).toEqual({ code: 'psp-a' });
  });

  it('a failed call says what happened in its own fa/en text, whatever the events say', () => {
    const text = {
      fa: 'شرکت پرداخت در زمان مقرر پاسخ نداد؛ دوباره تلاش می‌شود.',
      en: 'The PSP did not answer in time; the call will be retried.',
    };
    const [entry] = mergeTimeline(
      [],
      [
        {
          at: '2025-11-23T07:00:00Z',
          operation: 'register',
          outcome: 'retryable',
          latencyMs: 10_000,
          errorCode: 'timeout',
          message: 'POST https://psp-a/merchants: no answer in 10000 ms',
          text,
          trackingCode: null,
        },
      ],
    );
    expect(entry?.callText).toEqual(text);
    expect(entry?.call?.message).toContain('no answer');
  });

  it('a call recorded before calls carried their text (unmapped value) has the bilingual text of the parked event it caused; others keep their message', () => {
    const text = {
      fa: 'کد «e2e-cracked-screen» از «دلیل تعویض» برای شرکت پرداخت «psp-a» نگاشت نشده است.',
      en: 'The swap-reason "e2e-cracked-screen" has no code at PSP "psp-a"; add the mapping in Base data › Mapping, then retry the request.',
    };
    const call = {
      at: '2025-11-23T07:00:00Z',
      operation: 'swap',
      outcome: 'unmapped',
      latencyMs: 12,
      errorCode: 'swap-reason/e2e-cracked-screen:unmapped',
      message: text.en,
      text: null,
      trackingCode: null,
    };
    const rejected = { ...call, at: '2025-11-23T09:00:00Z', outcome: 'rejected', errorCode: '12', message: 'کد ملی نامعتبر' };
    const entries = mergeTimeline(
      [{ seq: 1, type: 'parked', at: '2025-11-23T07:00:01Z', actor: null, data: { problem: 'PspUnmappedValue', text } }],
      [call, rejected],
    );
    expect(entries.map((e) => [e.type, e.callText])).toEqual([
      ['psp_call', text],
      ['parked', null],
      ['psp_call', null],
    ]);
  });
});
