import { ComponentFixture, TestBed } from '@angular/core/testing';

import { StarRatingComponent } from './star-rating.component';

describe('StarRatingComponent', () => {
  let fixture: ComponentFixture<StarRatingComponent>;
  const star = (n: number) => fixture.nativeElement.querySelector(`[data-testid="rating-star-${n}"]`) as HTMLButtonElement;

  beforeEach(async () => {
    localStorage.clear();
    fixture = TestBed.createComponent(StarRatingComponent);
    await fixture.whenStable();
  });

  it('shows five stars, lit up to the value', async () => {
    fixture.componentRef.setInput('value', 3);
    await fixture.whenStable();
    const lit = [1, 2, 3, 4, 5].map((n) => star(n).classList.contains('on'));
    expect(lit).toEqual([true, true, true, false, false]);
    expect(star(3).getAttribute('aria-checked')).toBe('true');
    expect(star(2).getAttribute('aria-label')).toBe('۲ ستاره');
  });

  it('when a star is clicked, then emits its score', () => {
    const chosen: number[] = [];
    fixture.componentInstance.valueChange.subscribe((score) => chosen.push(score));
    star(4).click();
    expect(chosen).toEqual([4]);
  });

  it('when read-only, then clicking changes nothing', async () => {
    const chosen: number[] = [];
    fixture.componentInstance.valueChange.subscribe((score) => chosen.push(score));
    fixture.componentRef.setInput('readonly', true);
    await fixture.whenStable();
    star(5).click();
    expect(chosen).toEqual([]);
    expect(star(5).disabled).toBe(true);
  });
});
