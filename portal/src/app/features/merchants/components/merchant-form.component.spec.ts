import { ComponentFixture, TestBed } from '@angular/core/testing';

import { MerchantDetail } from '../data/merchants.models';
import { MerchantFormComponent } from './merchant-form.component';

const merchant = (updatedAt: string, mobile = '09123456789'): MerchantDetail => ({
  id: 'm1',
  kind: 'natural',
  identifier: '0013542419',
  displayNameFa: 'مریم صادقی',
  displayNameEn: 'Maryam Sadeghi',
  mobile,
  agent: { id: 'a', code: 'alpha', nameFa: 'آلفا', nameEn: 'Alpha' },
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt,
  nationalCode: '0013542419',
  legalId: null,
  firstNameFa: 'مریم',
  lastNameFa: 'صادقی',
  firstNameEn: 'Maryam',
  lastNameEn: 'Sadeghi',
  fatherNameFa: 'حسن',
  fatherNameEn: null,
  birthDate: '1990-02-11',
  birthDateJalali: '1368/11/22',
  idCardNumber: null,
  companyNameFa: null,
  companyNameEn: null,
  registrationNumber: null,
  registrationDateJalali: null,
  phone: null,
  email: null,
  taxTrackingCode: null,
  representatives: [],
  addresses: [{ addressFa: 'اصفهان', addressEn: 'Isfahan', postalCode: '8173654321', phone: null }],
  shops: [],
  accounts: [],
  documents: [],
  createdBy: { id: 'u', displayName: 'x' },
});

describe('MerchantFormComponent (edit)', () => {
  let fixture: ComponentFixture<MerchantFormComponent>;
  const mobile = () =>
    (fixture.nativeElement as HTMLElement).querySelector('[data-testid="merchant-field-mobile"]') as HTMLInputElement;

  async function type(value: string): Promise<void> {
    const input = mobile();
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    fixture = TestBed.createComponent(MerchantFormComponent);
    fixture.componentRef.setInput('merchant', merchant('2026-12-05T10:00:00Z'));
    await fixture.whenStable();
  });

  it('keeps what the user typed when the same merchant is read again (the page reloads it on opening)', async () => {
    await type('۰۸۱۲۳');
    fixture.componentRef.setInput('merchant', merchant('2026-12-05T10:00:00Z'));
    await fixture.whenStable();
    expect(mobile().value).toBe('۰۸۱۲۳');
  });

  it('is refilled when a newer version of the merchant arrives', async () => {
    await type('۰۸۱۲۳');
    fixture.componentRef.setInput('merchant', merchant('2026-12-05T11:00:00Z', '09350000000'));
    await fixture.whenStable();
    expect(mobile().value).not.toBe('۰۸۱۲۳');
    expect(mobile().value).toBe('۰۹۳۵۰۰۰۰۰۰۰');
  });
});
