import { bi } from '../../../domain/i18n';
import { SecretBox } from '../../../db/secret-box';
import { KeycloakAdmin, KeycloakHttpError } from '../../../infra/keycloak/provision';
import type { RealmProvisioningConfig } from '../../lib/config';
import { AppError } from '../../lib/errors';

/** The Keycloak admin client and the credentials box, as configured (503 when missing). */
export function createRealmAdmin(config: RealmProvisioningConfig) {
  let kc: KeycloakAdmin | undefined;
  let box: SecretBox | undefined;
  return {
    config,
    issuerOf: (realm: string): string => `${config.keycloakUrl}/realms/${realm}`,
    kc(): KeycloakAdmin {
      if (!config.admin) {
        throw new AppError(
          503,
          'KEYCLOAK_ADMIN_NOT_CONFIGURED',
          bi(
            'دسترسی مدیریتی Keycloak پیکربندی نشده است.',
            'Keycloak admin access is not configured (KEYCLOAK_ADMIN_USER/KEYCLOAK_ADMIN_PASSWORD).',
          ),
        );
      }
      kc ??= new KeycloakAdmin({ keycloakUrl: config.adminUrl, ...config.admin });
      return kc;
    },
    box(): SecretBox {
      if (!config.credentialsKey) {
        throw new AppError(
          503,
          'CREDENTIALS_KEY_NOT_CONFIGURED',
          bi('کلید رمزنگاری اعتبارنامه‌ها پیکربندی نشده است.', 'The credentials key (CREDENTIALS_KEY) is not configured.'),
        );
      }
      box ??= SecretBox.fromBase64(config.credentialsKey);
      return box;
    },
  };
}

export type RealmAdmin = ReturnType<typeof createRealmAdmin>;

/** A Keycloak failure as an API error (the change in Kartabl may already be stored; retrying is safe). */
export function keycloakUnavailable(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const detail = err instanceof KeycloakHttpError ? ` (HTTP ${err.status})` : '';
  return new AppError(
    502,
    'KEYCLOAK_UNAVAILABLE',
    bi(
      'ارتباط با سرویس هویت (Keycloak) برقرار نشد؛ دوباره تلاش کنید.',
      `The identity service (Keycloak) could not complete the change${detail}; please try again.`,
    ),
  );
}
