import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { IsActiveMatchOptions, RouterLink, RouterLinkActive } from '@angular/router';

import { MenuGroup, isExternalRoute } from '../api/api.models';
import { BrandingService } from '../branding/branding.service';
import { I18nService } from '../i18n/i18n.service';
import { IconComponent } from '../../shared/ui/icon.component';
import { TranslatePipe } from '../../shared/pipes/translate.pipe';

/** The side menu: exactly the items `GET /api/me` returned, under their module groups' headings. */
@Component({
  selector: 'kt-sidebar',
  imports: [RouterLink, RouterLinkActive, IconComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="brand">
      @if (branding.logoUrl(); as logo) {
        <img class="brand-logo" [src]="logo" alt="" data-testid="brand-logo" />
      } @else {
        <span class="brand-mark">ک</span>
      }
      <span class="brand-text">
        <strong data-testid="brand-title">{{ branding.title() ?? ('app.name' | t) }}</strong>
        <small>{{ 'app.tagline' | t }}</small>
      </span>
    </div>
    <nav class="menu" [attr.aria-label]="'nav.menu' | t" data-testid="side-menu">
      @for (group of groups(); track group.key) {
        <section class="menu-group" [attr.data-testid]="'menu-group-' + (group.key || 'all')">
          @if (group.key) {
            <h2 class="menu-group-title">
              @if (group.icon) {
                <kt-icon [name]="group.icon" [size]="14" />
              }
              <span>{{ i18n.pick(group.labelFa, group.labelEn) }}</span>
            </h2>
          }
          @for (item of group.items; track item.key) {
            @if (isExternal(item.route)) {
              <a
                class="menu-item"
                [href]="item.route"
                target="_blank"
                rel="noopener"
                [attr.data-testid]="'menu-item-' + item.key"
                [attr.data-route]="item.route"
              >
                <kt-icon [name]="item.icon" />
                <span>{{ i18n.pick(item.labelFa, item.labelEn) }}</span>
                <kt-icon class="external" name="external" [size]="14" />
              </a>
            } @else {
              <a
                class="menu-item"
                [routerLink]="item.route"
                routerLinkActive="active"
                [routerLinkActiveOptions]="exactMatch"
                [attr.data-testid]="'menu-item-' + item.key"
                [attr.data-route]="item.route"
              >
                <kt-icon [name]="item.icon" />
                <span>{{ i18n.pick(item.labelFa, item.labelEn) }}</span>
              </a>
            }
          }
        </section>
      } @empty {
        <p class="menu-empty">{{ 'nav.emptyMenu' | t }}</p>
      }
    </nav>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      background: var(--sidebar);
      color: #e2e8f0;
      min-height: 100%;
    }
    .brand {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      padding: 1.25rem 1.25rem 1rem;
      border-bottom: 1px solid rgb(255 255 255 / 0.08);
    }
    .brand-mark {
      display: grid;
      place-items: center;
      width: 2.5rem;
      height: 2.5rem;
      border-radius: 10px;
      background: var(--primary);
      color: #fff;
      font-weight: 800;
      font-size: 1.35rem;
    }
    .brand-logo {
      width: 2.5rem;
      height: 2.5rem;
      object-fit: contain;
      border-radius: 10px;
      background: #fff;
    }
    .brand-text {
      display: flex;
      flex-direction: column;
      line-height: 1.4;
    }
    .brand-text strong {
      font-size: 1.1rem;
      color: #fff;
    }
    .brand-text small {
      font-size: 0.72rem;
      color: #94a3b8;
    }
    .menu {
      display: flex;
      flex-direction: column;
      gap: 1rem;
      padding: 1rem 0.75rem;
    }
    .menu-group {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
    }
    .menu-group-title {
      display: flex;
      align-items: center;
      gap: 0.45rem;
      margin: 0 0 0.15rem;
      padding: 0 0.85rem;
      font-size: 0.75rem;
      font-weight: 600;
      letter-spacing: 0.02em;
      color: #7c8da3;
    }
    .menu-item {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      padding: 0.65rem 0.85rem;
      border-radius: 8px;
      color: #cbd5e1;
      text-decoration: none;
      font-size: 0.95rem;
    }
    .menu-item:hover {
      background: rgb(255 255 255 / 0.06);
      color: #fff;
    }
    .menu-item.active {
      background: rgb(20 184 166 / 0.18);
      color: #5eead4;
      font-weight: 600;
    }
    .external {
      margin-inline-start: auto;
      opacity: 0.6;
    }
    .menu-empty {
      padding: 0.5rem 0.85rem;
      color: #94a3b8;
      font-size: 0.875rem;
    }
  `,
})
export class SidebarComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly branding = inject(BrandingService);
  readonly groups = input.required<readonly MenuGroup[]>();

  /** `/tickets` must not light up on `/tickets/new`. */
  protected readonly exactMatch: IsActiveMatchOptions = {
    paths: 'exact',
    queryParams: 'ignored',
    matrixParams: 'ignored',
    fragment: 'ignored',
  };
  protected readonly isExternal = isExternalRoute;
}
