import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

import { TranslatePipe } from '../../shared/pipes/translate.pipe';

/** Shown at `/` when the person's menu is empty. */
@Component({
  selector: 'kt-home-page',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card status-page">
      <h1>{{ 'page.welcome' | t }}</h1>
      <p>{{ 'page.welcomeText' | t }}</p>
    </section>
  `,
})
export class HomePageComponent {}

@Component({
  selector: 'kt-forbidden-page',
  imports: [TranslatePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card status-page" data-testid="forbidden">
      <h1>{{ 'page.forbidden.title' | t }}</h1>
      <p>{{ 'page.forbidden.text' | t }}</p>
      <a class="btn btn-ghost" routerLink="/">{{ 'page.home' | t }}</a>
    </section>
  `,
})
export class ForbiddenPageComponent {}

@Component({
  selector: 'kt-not-found-page',
  imports: [TranslatePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card status-page" data-testid="not-found">
      <h1>{{ 'page.notFound.title' | t }}</h1>
      <p>{{ 'page.notFound.text' | t }}</p>
      <a class="btn btn-ghost" routerLink="/">{{ 'page.home' | t }}</a>
    </section>
  `,
})
export class NotFoundPageComponent {}
