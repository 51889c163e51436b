// What the webhook pages receive (docs/webhooks.md). Never the secret: it is
// shown once, in the answer to the action that made it.

export interface WebhookRowView {
  id: string;
  name: string;
  url: string;
  events: string[];
  secretPrefix: string;
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: string | null;
  consecutiveFailures: number;
  lastDeliveryAt: string | null;
  createdBy: string;
  createdAt: string;
  version: number;
}

export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  state: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  payloadSha256: string;
  nextAttemptAt: string;
  deliveredAt: string | null;
  createdAt: string;
}

export interface WebhookDeliveryPage {
  rows: WebhookDeliveryView[];
  total: number;
  page: number;
  pageSize: number;
}
