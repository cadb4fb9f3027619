import { bootstrapApplication } from '@angular/platform-browser';

import { AppComponent } from './app/app.component';
import { createAppConfig } from './app/app.config';
import { loadRuntimeConfig } from './app/core/config/runtime-config';

loadRuntimeConfig()
  .then((runtimeConfig) => bootstrapApplication(AppComponent, createAppConfig(runtimeConfig)))
  .catch((error: unknown) => console.error(error));
