import { createActionGroup, props } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { PublicAgent } from '../../../core/api/api.models';
import { AgentBranding, BrandingChange } from '../data/branding-api.service';

export const BrandingPageActions = createActionGroup({
  source: 'Branding Page',
  events: {
    /** `agent` is the signed-in agent's code; a broker also gets the list of agents to choose from. */
    Opened: props<{ agent: string; isBroker: boolean }>(),
    'Agent Chosen': props<{ agent: string }>(),
    'Save Submitted': props<{ agent: string; change: BrandingChange }>(),
    'Logo Chosen': props<{ agent: string; file: File }>(),
    'Logo Removed': props<{ agent: string }>(),
    'Domain Added': props<{ agent: string; domain: string }>(),
    'Domain Removed': props<{ agent: string; domain: string }>(),
  },
});

export const BrandingApiActions = createActionGroup({
  source: 'Branding API',
  events: {
    'Agents Loaded': props<{ agents: readonly PublicAgent[] }>(),
    Loaded: props<{ branding: AgentBranding }>(),
    'Load Failed': props<{ error: ApiError }>(),
    /** A save, logo or domain change went through; the answer is the agent's branding as stored. */
    Changed: props<{ branding: AgentBranding }>(),
    'Change Failed': props<{ error: ApiError }>(),
  },
});
