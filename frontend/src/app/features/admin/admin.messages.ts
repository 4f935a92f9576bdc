import { ApiError, commonMessage } from '../../core/api/api-error';
import { PluginState } from '../../core/plugins/plugin.model';

/** Every message the plugin administration page shows. */
export const ADMIN_MESSAGES = {
  loadFailed: 'The plugin list could not be loaded. Refresh the page to try again.',
  changeFailed: 'The plugin could not be changed. Try again.',
  notFound: 'That plugin no longer exists. The list has been refreshed.',
  noPlugins: 'No plugins are installed.',
  enabled: (title: string) => `${title} is enabled`,
  disabled: (title: string) => `${title} is disabled`,
} as const;

/** GOV.UK tag colour and wording for each plugin state. */
export const STATE_TAGS: Readonly<Record<PluginState, { label: string; colour: string }>> = {
  enabled: { label: 'Enabled', colour: 'govuk-tag--green' },
  disabled: { label: 'Disabled', colour: 'govuk-tag--grey' },
  quarantined: { label: 'Quarantined', colour: 'govuk-tag--red' },
};

/** The message for a failed load. */
export function adminLoadErrorMessage(error: ApiError): string {
  return commonMessage(error) ?? ADMIN_MESSAGES.loadFailed;
}

/** The message for a failed enable or disable: the server explains refusals (a quarantined plugin, say). */
export function adminChangeErrorMessage(error: ApiError): string {
  if (error.status === 404) return ADMIN_MESSAGES.notFound;
  return commonMessage(error) ?? error.message ?? ADMIN_MESSAGES.changeFailed;
}

/** Every message the failed deliveries page shows. */
export const DELIVERY_MESSAGES = {
  loadFailed: 'The failed deliveries could not be loaded. Refresh the page to try again.',
  none: 'There are no failed deliveries. Everything sent to other systems has arrived or is still being tried.',
  redriveFailed: 'That delivery could not be sent again. Try again.',
  gone: 'That delivery is no longer failed (someone may have sent it again). The list has been refreshed.',
  redriven: (id: string) => `Delivery ${id} will be sent again now`,
} as const;

/** The message for a failed "Send again". */
export function redriveErrorMessage(error: ApiError): string {
  if (error.status === 404) return DELIVERY_MESSAGES.gone;
  return commonMessage(error) ?? error.message ?? DELIVERY_MESSAGES.redriveFailed;
}

/** The message for a failed load of the dead letters. */
export function deliveriesLoadErrorMessage(error: ApiError): string {
  return commonMessage(error) ?? DELIVERY_MESSAGES.loadFailed;
}
