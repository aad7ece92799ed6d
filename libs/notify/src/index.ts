// @baton/notify: outbound channels – email over SMTP (with a local capture for development),
// signed and SSRF-guarded webhooks, and the rendering of notification templates.

// Email
export {
  createEmailSender,
  type EmailSender,
  type EmailSenderOptions,
  type EmailMessage,
  type IcalInvite,
} from './email/email-sender';
export { EmailSendError, type EmailSendFailure } from './email/email-send.error';
export {
  createSmtpCapture,
  type SmtpCapture,
  type SmtpCaptureOptions,
  type CapturedEmail,
} from './email/smtp-capture';
export type { MimeAttachment } from './email/parse-mime-message';

// Templates
export {
  renderNotification,
  type NotificationTemplate,
  type RenderedNotification,
} from './templates/render-notification';

// Webhooks
export {
  createWebhookSender,
  type WebhookSender,
  type WebhookSenderOptions,
  type WebhookRequest,
  type WebhookDelivery,
} from './webhook/webhook-sender';
export { WebhookError, type WebhookFailure } from './webhook/webhook.error';
export {
  signWebhookPayload,
  verifyWebhookSignature,
  SIGNATURE_HEADER,
  IDEMPOTENCY_HEADER,
  type VerifyWebhookSignatureOptions,
} from './webhook/webhook-signature';
export { classifyAddress, type AddressClass } from './webhook/address-policy';
export {
  resolveWithSystemDns,
  type ResolveHost,
  type ResolvedAddress,
} from './webhook/resolve-allowed-address';
