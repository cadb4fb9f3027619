import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { I18nService } from '../../../core/i18n/i18n.service';
import { aTicketSummary } from '../../../testing/ticket-fixtures';
import { TicketTableComponent } from './ticket-table.component';

describe('TicketTableComponent', () => {
  let fixture: ComponentFixture<TicketTableComponent>;
  const el = () => fixture.nativeElement as HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    fixture = TestBed.createComponent(TicketTableComponent);
    fixture.componentRef.setInput('tickets', [
      aTicketSummary({ id: 't1', number: 1404001, state: 'open', firstResponseDueAt: '2025-11-23T14:00:00Z' }),
      aTicketSummary({
        id: 't2',
        number: 1404002,
        state: 'answered',
        escalated: true,
        assignee: { id: 'u2', displayName: 'رضا کریمی' },
      }),
    ]);
    fixture.componentRef.setInput('columns', { assignee: true, sla: true });
    fixture.componentRef.setInput('now', Date.parse('2025-11-23T15:00:00Z'));
    fixture.componentRef.setInput(
      'categories',
      new Map([['device', { code: 'device', nameFa: 'خرابی دستگاه', nameEn: 'Device fault' }]]),
    );
    await fixture.whenStable();
  });

  it('renders one row per ticket, linking to the ticket, with Persian digits', () => {
    const rows = el().querySelectorAll('[data-testid="ticket-row"]');
    expect(rows.length).toBe(2);
    expect(rows[0].getAttribute('data-ticket-id')).toBe('t1');
    const link = rows[0].querySelector('[data-testid="ticket-link"]') as HTMLAnchorElement;
    expect(link.textContent?.trim()).toBe('۱۴۰۴۰۰۱');
    expect(link.getAttribute('href')).toBe('/tickets/t1');
    expect(rows[0].textContent).toContain('خرابی دستگاه');
  });

  it('shows the state, the escalation and the assignee', () => {
    const rows = el().querySelectorAll('[data-testid="ticket-row"]');
    expect(rows[0].querySelector('[data-testid="ticket-state"]')?.getAttribute('data-state')).toBe('open');
    expect(rows[0].querySelector('[data-testid="escalated-badge"]')).toBeNull();
    expect(rows[1].querySelector('[data-testid="escalated-badge"]')).not.toBeNull();
    expect(rows[1].querySelector('[data-testid="ticket-assignee"]')?.textContent).toContain('رضا کریمی');
    expect(rows[0].querySelector('[data-testid="ticket-assignee"]')?.textContent).toContain('بدون کارشناس');
  });

  it('marks an open ticket whose first-response time has passed as overdue', () => {
    const rows = el().querySelectorAll('[data-testid="ticket-row"]');
    expect(rows[0].querySelector('[data-testid="overdue-badge"]')).not.toBeNull();
    expect(rows[1].querySelector('[data-testid="overdue-badge"]')).toBeNull();
  });

  it('when the language switches to English, then labels and digits follow', async () => {
    TestBed.inject(I18nService).setLang('en');
    await fixture.whenStable();
    expect(el().querySelector('[data-testid="ticket-link"]')?.textContent?.trim()).toBe('1404001');
    expect(el().querySelector('th')?.textContent?.trim()).toBe('Number');
    expect(el().textContent).toContain('Device fault');
  });
});
