// Runs fal's official JavaScript client (@fal-ai/client from npm) against the videogen4j emulator: a Kling
// image-to-video job must complete through fal.subscribe, and an input the model refuses must surface, as on
// real fal, as a 422 ValidationError from the result after COMPLETED (issue 13). Usage:
//   node fal-js-client-check.mjs <emulator base url> <fal key>
import { fal, ValidationError } from "@fal-ai/client";

const [base, key] = process.argv.slice(2);
if (!base || !key) {
  console.error("usage: node fal-js-client-check.mjs <emulator base url> <fal key>");
  process.exit(2);
}
// fal's proxy convention (what the client's proxyUrl does in a browser; on Node it applies no proxy, so the same
// rewrite is done here with its requestMiddleware hook): every call goes to the proxy with the URL the client built
// (https://queue.fal.run/...) in x-fal-target-url. The emulator plays the proxy, so the client's own URL building,
// polling and result handling are what get exercised.
fal.config({
  credentials: key,
  requestMiddleware: async (request) => ({
    ...request,
    url: base + "/fal-proxy",
    headers: { ...(request.headers || {}), "x-fal-target-url": request.url },
  }),
});

const endpoint = "fal-ai/kling-video/v2.5-turbo/standard/image-to-video";
const input = {
  prompt: "A playful cat chases a red dot across the floor",
  image_url: "https://storage.googleapis.com/falserverless/example_inputs/kling_v25_std_i2v_input.png",
  duration: "5",
};

function fail(message) {
  console.error("FAIL " + message);
  process.exit(1);
}

const statuses = [];
const result = await fal.subscribe(endpoint, {
  input,
  logs: true,
  pollInterval: 250,
  onQueueUpdate: (update) => statuses.push(update.status),
});
if (!result.data?.video?.url) fail("no video.url in " + JSON.stringify(result.data));
if (!result.requestId) fail("no request id");
if (statuses[statuses.length - 1] !== "COMPLETED") fail("last status " + statuses.join(","));
console.log("OK subscribe: " + result.data.video.url + " after " + [...new Set(statuses)].join(" -> "));

const submitted = await fal.queue.submit(endpoint, { input: { ...input, duration: "7" } });
if (submitted.status !== "IN_QUEUE" || !submitted.request_id) fail("submit answer " + JSON.stringify(submitted));
for (;;) {
  const s = await fal.queue.status(endpoint, { requestId: submitted.request_id, logs: false });
  if (s.status === "COMPLETED") break;
  await new Promise((r) => setTimeout(r, 250));
}
try {
  await fal.queue.result(endpoint, { requestId: submitted.request_id });
  fail("a refused input must not yield a result");
} catch (e) {
  if (!(e instanceof ValidationError) || e.status !== 422) fail("expected a 422 ValidationError, got " + e);
  const field = e.fieldErrors?.[0]?.loc?.join(".");
  if (field !== "body.duration") fail("422 names " + field);
  console.log("OK 422 after COMPLETED: " + e.fieldErrors[0].msg);
}
