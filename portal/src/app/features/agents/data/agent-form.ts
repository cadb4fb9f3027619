import { AgentChanges, AgentDetail, AgentSummary } from './agents-api.service';

/** The agent edit form's model: everything as typed text. */
export interface AgentFormModel {
  nameFa: string;
  nameEn: string;
  domains: string;
  entityType: 'legal' | 'natural';
  legalName: string;
  legalId: string;
  economicCode: string;
  registrationNo: string;
  postalCode: string;
  phone: string;
  address: string;
  contacts: { name: string; role: string; mobile: string; email: string }[];
}

export function agentFormModel(a: AgentDetail): AgentFormModel {
  const legal = a.legal;
  const entityType = legal['entityType'] === 'natural' ? 'natural' : 'legal';
  return {
    nameFa: a.nameFa,
    nameEn: a.nameEn,
    domains: a.domains.join(', '),
    entityType,
    legalName: legal['legalName'] ?? '',
    legalId: (entityType === 'legal' ? legal['legalId'] : legal['nationalCode']) ?? '',
    economicCode: legal['economicCode'] ?? '',
    registrationNo: legal['registrationNo'] ?? '',
    postalCode: legal['postalCode'] ?? '',
    phone: legal['phone'] ?? '',
    address: legal['address'] ?? '',
    contacts: a.contacts.map((c) => ({ name: c.name, role: c.role ?? '', mobile: c.mobile ?? '', email: c.email ?? '' })),
  };
}

const opt = (v: string): string | undefined => v.trim() || undefined;

/** Splits "a.ir, b.ir" (also Persian comma or spaces) into host names. */
export function splitDomains(text: string): string[] {
  return text
    .split(/[\s,،]+/)
    .map((d) => d.trim())
    .filter(Boolean);
}

/** The PATCH body: names, the whole legal block, contacts and domains (both replaced). */
export function toAgentChanges(m: AgentFormModel): AgentChanges {
  return {
    nameFa: m.nameFa.trim(),
    nameEn: m.nameEn.trim(),
    domains: splitDomains(m.domains),
    legal: {
      entityType: m.entityType,
      legalName: m.legalName.trim(),
      [m.entityType === 'legal' ? 'legalId' : 'nationalCode']: m.legalId.trim(),
      economicCode: opt(m.economicCode),
      registrationNo: opt(m.registrationNo),
      postalCode: m.postalCode.trim(),
      phone: m.phone.trim(),
      address: m.address.trim(),
    },
    contacts: m.contacts
      .filter((c) => c.name.trim() || c.mobile.trim() || c.email.trim())
      .map((c) => ({
        name: c.name.trim(),
        ...(opt(c.role) ? { role: c.role.trim() } : {}),
        ...(opt(c.mobile) ? { mobile: c.mobile.trim() } : {}),
        ...(opt(c.email) ? { email: c.email.trim() } : {}),
      })),
  };
}

/**
 * Where an agent may be moved: any agent of the caller's subtree except itself, its current parent and
 * its own descendants (the API refuses those too, with a reason).
 */
export function moveTargets(items: readonly AgentSummary[], agentId: string): AgentSummary[] {
  const self = items.find((a) => a.id === agentId);
  const below = new Set<string>([agentId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of items) {
      if (a.parentId && below.has(a.parentId) && !below.has(a.id)) {
        below.add(a.id);
        grew = true;
      }
    }
  }
  return items.filter((a) => !below.has(a.id) && a.id !== self?.parentId);
}
