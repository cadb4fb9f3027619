import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

import { ToastsComponent } from './core/notifications/toasts.component';

@Component({
  selector: 'kt-root',
  imports: [RouterOutlet, ToastsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<router-outlet /><kt-toasts />`,
})
export class AppComponent {}
