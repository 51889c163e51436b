// Webhook delivery end to end against a real HTTP receiver on loopback
// (docs/webhooks.md): the body is signed as documented and verifies with the
// documented recipe, a 500 is retried with backoff under the same event id,
// an endpoint failing N times in a row is disabled and admins are told, and
// no request leaves for a private, link-local or loopback address unless the
// operator allowed it. Both databases.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { verifyAssayWebhook } from "@/docs/examples/verify-webhook.mjs";
import { deliverWebhook } from "@/lib/server/webhooks/deliver-webhook";
import { dispatchDueWebhookDeliveries, WEBHOOK_JOB } from "@/lib/server/webhooks/dispatch";
import { webhookConfig, type WebhookConfig } from "@/lib/server/webhooks/webhook-config";
import { jobQueue } from "@/lib/server/jobs/job-queue";
import { pruneWebhookDeliveries } from "@/lib/server/webhooks/prune-deliveries";
import { createWebhook, getWebhook, rotateWebhookSecret, sendWebhookTest, setWebhookEnabled } from "@/lib/server/services/webhooks";
import type { Resolver } from "@/lib/server/webhooks/target-check";
import { ensureSettings, makeActor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";
import { startReceiver, type Receiver } from "./receiver";

const loopbackAllowed = (over: Partial<WebhookConfig> = {}): WebhookConfig => ({ ...webhookConfig({}), allowLoopback: true, retryBaseSeconds: 30, ...over });

forEachProvider("webhook delivery", (t) => {
  let receiver: Receiver;
  let admin: Awaited<ReturnType<typeof makeActor>>;

  beforeAll(async () => {
    process.env.ASSAY_WEBHOOK_ALLOW_LOOPBACK = "true";
    await ensureSettings();
    admin = await makeActor("admin");
    receiver = await startReceiver();
  });
  afterAll(async () => {
    delete process.env.ASSAY_WEBHOOK_ALLOW_LOOPBACK;
    await receiver.close();
    // Other files share this database: leave no subscription behind to collect their events.
    await t.db.webhookSubscription.deleteMany();
  });
  beforeEach(() => {
    process.env.ASSAY_WEBHOOK_ALLOW_LOOPBACK = "true";
    receiver.received.length = 0;
    receiver.answers.length = 0;
  });

  async function subscribe(url = receiver.url(), events = ["finding.opened"]) {
    return createWebhook({ actor: admin, input: { name: `Receiver ${Date.now()}`, url, events } });
  }
  async function testDelivery(id: string) {
    const { eventId } = await sendWebhookTest({ actor: admin, input: { id } });
    return t.db.webhookDelivery.findFirstOrThrow({ where: { subscriptionId: id, eventId } });
  }

  it("signs the body so the documented recipe verifies it, and never stores or logs the secret in the clear", async () => {
    const { id, secret } = await subscribe();
    const delivery = await testDelivery(id);
    expect(await deliverWebhook(delivery.id, { config: loopbackAllowed() })).toBe("delivered");

    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got!.method).toBe("POST");
    expect(got!.headers["content-type"]).toBe("application/json");
    expect(got!.headers["assay-event-id"]).toBe(delivery.eventId);
    expect(got!.headers["assay-event-type"]).toBe("webhook.test");
    expect(JSON.parse(got!.body)).toMatchObject({ id: delivery.eventId, type: "webhook.test" });
    expect(verifyAssayWebhook(got!.body, got!.headers["assay-signature"], secret)).toBe(true);
    // A changed body, another secret, or a replay after the tolerance all fail.
    expect(verifyAssayWebhook(got!.body.replace("test", "tost"), got!.headers["assay-signature"], secret)).toBe(false);
    expect(verifyAssayWebhook(got!.body, got!.headers["assay-signature"], `${secret}x`)).toBe(false);
    expect(verifyAssayWebhook(got!.body, got!.headers["assay-signature"], secret, { now: Date.now() + 10 * 60_000 })).toBe(false);

    const row = await t.db.webhookSubscription.findUniqueOrThrow({ where: { id } });
    expect(row.secretCiphertext).not.toContain(secret.slice(6));
    const events = await t.db.auditEvent.findMany({ where: { entityId: id } });
    expect(events.map((e) => e.action).sort()).toEqual(["webhook.create", "webhook.send_test"]);
    expect(JSON.stringify(events)).not.toContain(secret.slice(6));

    const done = await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(done).toMatchObject({ state: "delivered", attempts: 1, lastStatusCode: 200, lastError: null });

    // After a rotation the old secret no longer verifies, the new one does.
    const { secret: rotated } = await rotateWebhookSecret({ actor: admin, input: { id } });
    await deliverWebhook((await testDelivery(id)).id, { config: loopbackAllowed() });
    const second = receiver.received[1]!;
    expect(verifyAssayWebhook(second.body, second.headers["assay-signature"], secret)).toBe(false);
    expect(verifyAssayWebhook(second.body, second.headers["assay-signature"], rotated)).toBe(true);
  });

  it("retries a 500 after the backoff delay with the same event id and body, and then succeeds", async () => {
    const { id } = await subscribe();
    const delivery = await testDelivery(id);
    receiver.answers.push({ status: 500, body: "boom" });
    const start = new Date();
    expect(await deliverWebhook(delivery.id, { config: loopbackAllowed(), now: () => start })).toBe("retrying");
    const waiting = await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(waiting).toMatchObject({ state: "pending", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500" });
    expect(waiting.nextAttemptAt.getTime()).toBe(start.getTime() + 30_000);
    expect((await t.db.webhookSubscription.findUniqueOrThrow({ where: { id } })).consecutiveFailures).toBe(1);

    // Not due yet: nothing is sent.
    expect(await deliverWebhook(delivery.id, { config: loopbackAllowed(), now: () => new Date(start.getTime() + 29_000) })).toBe("not_due");
    expect(receiver.received).toHaveLength(1);

    expect(await deliverWebhook(delivery.id, { config: loopbackAllowed(), now: () => new Date(start.getTime() + 30_000) })).toBe("delivered");
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.headers["assay-event-id"]).toBe(receiver.received[0]!.headers["assay-event-id"]);
    expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body);
    expect(await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ state: "delivered", attempts: 2, lastStatusCode: 200 });
    expect((await t.db.webhookSubscription.findUniqueOrThrow({ where: { id } })).consecutiveFailures).toBe(0);
  });

  it("goes through the job queue: the dispatcher sends due rows and a worker delivers them", async () => {
    const { id } = await subscribe();
    const delivery = await testDelivery(id);
    await jobQueue().work(WEBHOOK_JOB);
    expect(await dispatchDueWebhookDeliveries()).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => (await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).state, { timeout: 20_000, interval: 200 }).toBe("delivered");
    expect(receiver.received.filter((r) => r.headers["assay-event-id"] === delivery.eventId)).toHaveLength(1);
  });

  it("does not follow redirects, and gives up on a receiver that does not answer in time", async () => {
    const { id } = await subscribe();
    receiver.answers.push({ status: 302, headers: { Location: receiver.url("/elsewhere") } });
    const redirected = await testDelivery(id);
    expect(await deliverWebhook(redirected.id, { config: loopbackAllowed() })).toBe("retrying");
    expect(receiver.received.map((r) => r.url)).toEqual(["/hook"]);
    expect((await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: redirected.id } })).lastError).toMatch(/redirect to .*\/elsewhere not followed/);

    receiver.answers.push({ status: 200, hang: true });
    const slow = await testDelivery(id);
    expect(await deliverWebhook(slow.id, { config: loopbackAllowed({ totalTimeoutMs: 300 }) })).toBe("retrying");
    expect((await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: slow.id } })).lastError).toBe("no answer within 300 ms");
  });

  it("disables an endpoint after N failures in a row, gives up its waiting deliveries and notifies every active admin", async () => {
    const otherAdmin = await makeActor("admin");
    const { id } = await subscribe();
    const config = loopbackAllowed({ maxConsecutiveFailures: 3 });
    const deliveries = [await testDelivery(id), await testDelivery(id), await testDelivery(id), await testDelivery(id)];
    receiver.answers.push({ status: 500 }, { status: 503 }, { status: 500 });
    expect(await deliverWebhook(deliveries[0]!.id, { config })).toBe("retrying");
    expect(await deliverWebhook(deliveries[1]!.id, { config })).toBe("retrying");
    expect((await t.db.webhookSubscription.findUniqueOrThrow({ where: { id } })).enabled).toBe(true);
    await deliverWebhook(deliveries[2]!.id, { config });

    const sub = await t.db.webhookSubscription.findUniqueOrThrow({ where: { id } });
    expect(sub).toMatchObject({ enabled: false, disabledReason: "failures", consecutiveFailures: 3 });
    const states = await t.db.webhookDelivery.findMany({ where: { subscriptionId: id }, select: { id: true, state: true } });
    expect(states.every((s) => s.state === "failed")).toBe(true);
    // The fourth, never attempted, is not sent now.
    expect(await deliverWebhook(deliveries[3]!.id, { config })).toBe("not_due");
    expect(receiver.received).toHaveLength(3);

    const notices = await t.db.notification.findMany({ where: { itemKind: "webhook", itemId: id } });
    expect(notices.map((n) => n.userId).sort()).toEqual(expect.arrayContaining([admin.id, otherAdmin.id].sort()));
    expect(notices.every((n) => n.type === "webhook_disabled" && n.href === `/admin/webhooks/${id}`)).toBe(true);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "webhook.disable" } });
    expect(audit.actorId).toBe("system");

    // Re-enabled by an admin, it starts counting afresh.
    await setWebhookEnabled({ actor: admin, input: { id, version: sub.version, enabled: true } });
    expect(await t.db.webhookSubscription.findUniqueOrThrow({ where: { id } })).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
  });

  it("refuses private, link-local, metadata and (unless allowed) loopback addresses, on save and again at delivery", async () => {
    const refusal = async (url: string, resolve?: Resolver) => {
      const error = await createWebhook({ actor: admin, input: { name: "Bad", url, events: ["finding.opened"] }, resolve }).then(
        () => null,
        (e: unknown) => e as { code: string; fieldErrors: Record<string, string> },
      );
      expect(error?.code).toBe("VALIDATION");
      return error!.fieldErrors.url;
    };
    expect(await refusal("https://10.0.0.5/hook")).toMatch(/10\.0\.0\.5 is a private network address/);
    expect(await refusal("https://169.254.169.254/latest/meta-data/")).toMatch(/cloud metadata address/);
    expect(await refusal("https://[fd00:ec2::254]/")).toMatch(/cloud metadata address/);
    expect(await refusal("https://100.64.0.1/")).toMatch(/carrier-grade NAT/);
    // A name that resolves to a private address, or to a public and a private one.
    expect(await refusal("https://hooks.internal.example/", async () => [{ address: "192.168.1.20", family: 4 }])).toMatch(/hooks\.internal\.example resolves to 192\.168\.1\.20, a private network address/);
    expect(await refusal("https://mixed.example/", async () => [{ address: "93.184.216.34", family: 4 }, { address: "10.9.9.9", family: 4 }])).toMatch(/10\.9\.9\.9/);
    expect(await refusal("https://user:pw@hooks.example/")).toMatch(/credentials/);
    expect(await refusal("ftp://hooks.example/")).toMatch(/https/);

    delete process.env.ASSAY_WEBHOOK_ALLOW_LOOPBACK;
    expect(await refusal(`http://[::1]:${receiver.port}/hook`)).toMatch(/::1 is a loopback address/);
    expect(await refusal(receiver.url())).toMatch(/127\.0\.0\.1 is a loopback address/);
    // URL parsing normalises odd spellings of an address before it is judged.
    expect(await refusal("https://0x7f.1/")).toMatch(/127\.0\.0\.1 is a loopback address/);
    // Plain http to a public address is never allowed.
    process.env.ASSAY_WEBHOOK_ALLOW_LOOPBACK = "true";
    expect(await refusal("http://hooks.example/", async () => [{ address: "93.184.216.34", family: 4 }])).toMatch(/https/);

    // Saved while allowed, refused at delivery once it is not: the receiver hears nothing.
    const { id } = await subscribe();
    const delivery = await testDelivery(id);
    expect(await deliverWebhook(delivery.id, { config: { ...loopbackAllowed(), allowLoopback: false } })).toBe("retrying");
    expect(receiver.received).toHaveLength(0);
    expect((await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).lastError).toMatch(/127\.0\.0\.1 is a loopback address/);
  });

  it("connects to the address it checked, not to whatever the name resolves to later (DNS rebinding)", async () => {
    // Saved with a name that resolved to the loopback receiver; the Host header keeps the name.
    const resolveToReceiver: Resolver = async () => [{ address: "127.0.0.1", family: 4 }];
    const { id } = await createWebhook({ actor: admin, input: { name: "By name", url: `http://receiver.test:${receiver.port}/hook`, events: ["finding.opened"] }, resolve: resolveToReceiver });
    const first = await testDelivery(id);
    expect(await deliverWebhook(first.id, { config: loopbackAllowed(), resolve: resolveToReceiver })).toBe("delivered");
    expect(receiver.received[0]!.headers.host).toBe(`receiver.test:${receiver.port}`);

    // The name now answers with a private address: refused before any connection.
    const second = await testDelivery(id);
    expect(await deliverWebhook(second.id, { config: loopbackAllowed(), resolve: async () => [{ address: "10.0.0.7", family: 4 }] })).toBe("retrying");
    expect(receiver.received).toHaveLength(1);
    expect((await getWebhook({ actor: admin, id }))!.deliveries.rows.find((r) => r.id === second.id)!.lastError).toMatch(/receiver\.test resolves to 10\.0\.0\.7/);
  });

  it("prunes finished deliveries older than the log's retention, and keeps waiting ones", async () => {
    const { id } = await subscribe();
    const old = new Date(Date.now() - 40 * 86_400_000);
    const rows = [await testDelivery(id), await testDelivery(id), await testDelivery(id), await testDelivery(id)];
    await t.db.webhookDelivery.update({ where: { id: rows[0]!.id }, data: { state: "delivered", createdAt: old } });
    await t.db.webhookDelivery.update({ where: { id: rows[1]!.id }, data: { state: "failed", createdAt: old } });
    await t.db.webhookDelivery.update({ where: { id: rows[2]!.id }, data: { state: "pending", createdAt: old } });
    await t.db.webhookDelivery.update({ where: { id: rows[3]!.id }, data: { state: "delivered" } });
    await pruneWebhookDeliveries(new Date(), 30);
    const left = (await t.db.webhookDelivery.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true } })).map((r) => r.id).sort();
    expect(left).toEqual([rows[2]!.id, rows[3]!.id].sort());
  });

  it("attempts a delivery once when two workers (or servers) take the same row at the same moment", async () => {
    const { id } = await subscribe();
    const delivery = await testDelivery(id);
    const outcomes = await Promise.all([deliverWebhook(delivery.id, { config: loopbackAllowed() }), deliverWebhook(delivery.id, { config: loopbackAllowed() })]);
    expect(outcomes.sort()).toEqual(["delivered", "not_due"]);
    expect(receiver.received).toHaveLength(1);
    expect(await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ state: "delivered", attempts: 1 });
  });
});
