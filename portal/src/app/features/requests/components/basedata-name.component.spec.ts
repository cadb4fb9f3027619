import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';

import { I18nService } from '../../../core/i18n/i18n.service';
import { BaseDataLists, NO_BASE_DATA } from '../data/basedata-names';
import { requestsFeature } from '../state/requests.feature';
import { BaseDataNameComponent } from './basedata-name.component';

const lists: BaseDataLists = {
  ...NO_BASE_DATA,
  psps: [{ code: 'psp-a', nameFa: 'پرداخت الف', nameEn: 'PSP A' }],
  deviceModels: [{ code: 'pax-s90', nameFa: 'پکس S90', nameEn: 'PAX S90' }],
};

describe('BaseDataNameComponent', () => {
  let fixture: ComponentFixture<BaseDataNameComponent>;
  let store: MockStore;
  const bdi = () => (fixture.nativeElement as HTMLElement).querySelector('bdi') as HTMLElement;

  async function show(field: string, code: string | null): Promise<void> {
    fixture.componentRef.setInput('field', field);
    fixture.componentRef.setInput('code', code);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideMockStore({ selectors: [{ selector: requestsFeature.selectBaseDataLists, value: lists }] })],
    });
    store = TestBed.inject(MockStore);
    fixture = TestBed.createComponent(BaseDataNameComponent);
  });

  it("shows a PSP by its name in the reader's language, the code in the tooltip and data-code", async () => {
    await show('pspCode', 'psp-a');
    expect(bdi().textContent?.trim()).toBe('پرداخت الف');
    expect(bdi().getAttribute('title')).toBe('psp-a');
    expect(bdi().getAttribute('data-code')).toBe('psp-a');
    TestBed.inject(I18nService).setLang('en');
    await fixture.whenStable();
    expect(bdi().textContent?.trim()).toBe('PSP A');
  });

  it('names a device model through the same lookup', async () => {
    await show('deviceModel', 'pax-s90');
    expect(bdi().textContent?.trim()).toBe('پکس S90');
  });

  it('shows a code the lists cannot name as written, left to right, and a missing one as a dash', async () => {
    await show('pspCode', 'psp-z');
    expect(bdi().textContent?.trim()).toBe('psp-z');
    expect(bdi().getAttribute('dir')).toBe('ltr');
    expect(bdi().getAttribute('data-code')).toBe('psp-z');
    await show('pspCode', null);
    expect(bdi().textContent?.trim()).toBe('—');
    expect(bdi().hasAttribute('data-code')).toBe(false);
  });

  it('names the code once the lists learn it', async () => {
    await show('pspCode', 'psp-b');
    expect(bdi().textContent?.trim()).toBe('psp-b');
    store.overrideSelector(requestsFeature.selectBaseDataLists, {
      ...lists,
      psps: [...lists.psps, { code: 'psp-b', nameFa: 'پرداخت ب', nameEn: 'PSP B' }],
    });
    store.refreshState();
    await fixture.whenStable();
    expect(bdi().textContent?.trim()).toBe('پرداخت ب');
  });
});
