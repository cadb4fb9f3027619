import { createActionGroup, emptyProps, props } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import {
  BaseItem,
  BaseItemInput,
  BaseKind,
  ImportReport,
  MappingChange,
  MappingItem,
  MappingReport,
  PspConnectionTest,
  UnmappedKind,
} from '../data/basedata-api.service';

export const BaseDataPageActions = createActionGroup({
  source: 'Base Data Page',
  events: {
    Opened: emptyProps(),
    'Kind Chosen': props<{ kind: BaseKind }>(),
    'Search Changed': props<{ q: string }>(),
    'Inactive Toggled': props<{ includeInactive: boolean }>(),
    'New Started': emptyProps(),
    'Edit Started': props<{ item: BaseItem }>(),
    'Form Cancelled': emptyProps(),
    /** `code` is the item being edited, or null for a new one. */
    'Save Submitted': props<{ kind: BaseKind; code: string | null; item: BaseItemInput }>(),
    'Active Toggled': props<{ kind: BaseKind; code: string; active: boolean }>(),
    'Export Clicked': props<{ kind: BaseKind }>(),
    'Import Chosen': props<{ kind: BaseKind; file: File }>(),
    'Connection Test Clicked': props<{ psp: string }>(),
  },
});

export const BaseDataApiActions = createActionGroup({
  source: 'Base Data API',
  events: {
    'List Loaded': props<{ kind: BaseKind; items: readonly BaseItem[] }>(),
    'List Failed': props<{ error: ApiError }>(),
    'Save Succeeded': props<{ item: BaseItem }>(),
    'Save Failed': props<{ error: ApiError }>(),
    'Toggle Succeeded': props<{ item: BaseItem }>(),
    'Toggle Failed': props<{ error: ApiError }>(),
    'Export Done': emptyProps(),
    'Export Failed': props<{ error: ApiError }>(),
    'Import Succeeded': props<{ report: ImportReport }>(),
    'Import Failed': props<{ error: ApiError }>(),
    'Connection Tested': props<{ psp: string; result: PspConnectionTest }>(),
    'Connection Test Failed': props<{ psp: string; error: ApiError }>(),
  },
});

export const MappingPageActions = createActionGroup({
  source: 'Mapping Page',
  events: {
    /** `psp` and `kind` from the address (e.g. the "fix the mapping" link of a parked request), when given. */
    Opened: props<{ psp: string | null; kind: BaseKind | null }>(),
    'Psp Chosen': props<{ psp: string }>(),
    'Kind Chosen': props<{ kind: BaseKind }>(),
    /** One row's save or clear, and the "save all changes" button: both go through the bulk route. */
    'Changes Submitted': props<{ psp: string; changes: readonly MappingChange[] }>(),
    'Export Clicked': props<{ psp: string }>(),
    'Import Chosen': props<{ psp: string; file: File }>(),
  },
});

export const MappingApiActions = createActionGroup({
  source: 'Mapping API',
  events: {
    'Psps Loaded': props<{ psps: readonly BaseItem[] }>(),
    'Mappings Loaded': props<{ items: readonly MappingItem[] }>(),
    'Unmapped Loaded': props<{ kinds: readonly UnmappedKind[] }>(),
    'Load Failed': props<{ error: ApiError }>(),
    'Changes Saved': props<{ report: MappingReport }>(),
    'Changes Failed': props<{ error: ApiError; changes: readonly MappingChange[] }>(),
    'Export Done': emptyProps(),
    'Import Succeeded': props<{ report: MappingReport }>(),
    'Import Failed': props<{ error: ApiError }>(),
  },
});
