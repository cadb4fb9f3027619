import { ComponentFixture, TestBed } from '@angular/core/testing';

import { I18nService } from '../../../core/i18n/i18n.service';
import { PspCall } from '../data/requests.models';
import { RequestTimelineComponent } from './request-timeline.component';

const timeout: PspCall = {
  at: '2025-11-23T07:00:00Z',
  operation: 'registerMerchant',
  outcome: 'retryable',
  latencyMs: 10_000,
  errorCode: 'timeout',
  message: 'POST http://psp-a/merchants: no answer in 10000 ms',
  text: {
    fa: 'شرکت پرداخت در زمان مقرر پاسخ نداد؛ دوباره تلاش می‌شود.',
    en: 'The PSP did not answer in time; the call will be retried.',
  },
  trackingCode: null,
};
const rejected: PspCall = {
  ...timeout,
  at: '2025-11-23T08:00:00Z',
  outcome: 'rejected',
  errorCode: 'E-204',
  message: 'شبا متعلق به صاحب حساب دیگری است',
  text: {
    fa: 'شرکت پرداخت درخواست را رد کرد: شبا به نام پذیرنده نیست.',
    en: 'The PSP refused the request: the Sheba is not the merchant’s.',
  },
};

describe('RequestTimelineComponent', () => {
  let fixture: ComponentFixture<RequestTimelineComponent>;
  const el = () => fixture.nativeElement as HTMLElement;
  const all = (id: string) => [...el().querySelectorAll(`[data-testid="${id}"]`)].map((e) => e.textContent?.trim());

  beforeEach(async () => {
    localStorage.clear();
    fixture = TestBed.createComponent(RequestTimelineComponent);
    fixture.componentRef.setInput('events', []);
    fixture.componentRef.setInput('calls', [timeout, rejected]);
    await fixture.whenStable();
  });

  it('names a PSP call’s operation and outcome, and says what failed, in Persian; the technical detail is the tooltip', () => {
    expect(all('timeline-call-operation')).toEqual(['ثبت پذیرنده', 'ثبت پذیرنده']);
    expect(all('timeline-call-outcome')).toEqual(['ناموفق؛ دوباره تلاش می‌شود', 'رد شد']);
    const [first] = [...el().querySelectorAll('[data-testid="timeline-call-message"]')];
    expect(first?.textContent?.trim()).toBe(timeout.text?.fa);
    expect(first?.getAttribute('title')).toBe(timeout.message);
  });

  it('a rejection also shows the PSP’s own message as the PSP wrote it', () => {
    expect(all('timeline-call-psp-message')).toEqual([rejected.message]);
  });

  it('in English the same calls read in English', async () => {
    TestBed.inject(I18nService).setLang('en');
    await fixture.whenStable();
    expect(all('timeline-call-operation')).toEqual(['Registration', 'Registration']);
    expect(all('timeline-call-outcome')).toEqual(['Failed; will be retried', 'Rejected']);
    expect(all('timeline-call-message')[0]).toBe(timeout.text?.en);
  });

  it('an operation the portal does not know is shown as written', async () => {
    fixture.componentRef.setInput('calls', [{ ...timeout, operation: 'futureOp', outcome: 'odd', text: null }]);
    await fixture.whenStable();
    expect(all('timeline-call-operation')).toEqual(['futureOp']);
    expect(all('timeline-call-outcome')).toEqual(['odd']);
    expect(all('timeline-call-message')).toEqual([timeout.message]);
  });
});
