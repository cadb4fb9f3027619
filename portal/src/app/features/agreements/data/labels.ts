import { MessageKey } from '../../../core/i18n/messages.fa';
import { AgreementStatus, AgreementTerms, EffectiveStatus } from './agreements-api.service';

export const statusLabel = (s: EffectiveStatus): MessageKey => `agreements.status.${s}`;
export const transitionLabel = (s: AgreementStatus): MessageKey => `agreements.to.${s}`;
export const periodLabel = (p: AgreementTerms['quotas'][number]['period']): MessageKey => `agreements.period.${p}`;
