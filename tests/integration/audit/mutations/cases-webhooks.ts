import { createWebhook, setWebhookEnabled } from "@/lib/server/services/webhooks";
import type { CaseContext, CaseTable } from "./types";

// Webhook subscriptions (docs/webhooks.md): admins only. The endpoint is a
// public address literal, so saving it needs no DNS and sends nothing (no
// dispatcher runs in this test).

const ENDPOINT = "https://93.184.216.34/assay-hook";

async function webhook(ctx: CaseContext, enabled = true) {
  const { id } = await createWebhook({ actor: ctx.actors.admin, input: { name: ctx.unique("Ticketing"), url: ENDPOINT, events: ["finding.opened"] } });
  if (!enabled) await setWebhookEnabled({ actor: ctx.actors.admin, input: { id, version: 1, enabled: false } });
  return { id, version: enabled ? 1 : 2 };
}

export const cases: CaseTable = {
  "app/(app)/admin/webhooks/actions.ts#createWebhookAction": {
    kind: "mutation",
    permission: "webhook.manage",
    audit: "webhook.create",
    as: "admin",
    arrange: async (ctx) => ({ input: { name: ctx.unique("Ticketing"), url: ENDPOINT, events: ["finding.opened", "finding.resolved"] } }),
  },
  "app/(app)/admin/webhooks/actions.ts#updateWebhookAction": {
    kind: "mutation",
    permission: "webhook.manage",
    audit: "webhook.update",
    as: "admin",
    arrange: async (ctx) => {
      const { id, version } = await webhook(ctx);
      return { input: { id, version, name: ctx.unique("Renamed"), url: ENDPOINT, events: ["assessment.state_changed"] } };
    },
  },
  "app/(app)/admin/webhooks/actions.ts#setWebhookEnabledAction": {
    variants: [
      {
        label: "disable",
        kind: "mutation",
        permission: "webhook.manage",
        audit: "webhook.disable",
        as: "admin",
        arrange: async (ctx) => ({ input: { ...(await webhook(ctx)), enabled: false } }),
      },
      {
        label: "enable",
        kind: "mutation",
        permission: "webhook.manage",
        audit: "webhook.enable",
        as: "admin",
        arrange: async (ctx) => ({ input: { ...(await webhook(ctx, false)), enabled: true } }),
      },
    ],
  },
  "app/(app)/admin/webhooks/actions.ts#rotateWebhookSecretAction": {
    kind: "mutation",
    permission: "webhook.manage",
    audit: "webhook.rotate_secret",
    as: "admin",
    arrange: async (ctx) => ({ input: { id: (await webhook(ctx)).id } }),
  },
  "app/(app)/admin/webhooks/actions.ts#deleteWebhookAction": {
    kind: "mutation",
    permission: "webhook.manage",
    audit: "webhook.delete",
    as: "admin",
    arrange: async (ctx) => ({ input: { id: (await webhook(ctx)).id } }),
  },
  "app/(app)/admin/webhooks/actions.ts#sendWebhookTestAction": {
    kind: "mutation",
    permission: "webhook.manage",
    audit: "webhook.send_test",
    as: "admin",
    arrange: async (ctx) => ({ input: { id: (await webhook(ctx)).id } }),
  },
};
